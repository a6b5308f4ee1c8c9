export * from "./ability.ts";
