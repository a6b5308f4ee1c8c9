export * from "./ability.ts";
export * from "./subjects.ts";
