export * from "./applicability.ts";
export * from "./best-fit.ts";
export * from "./evaluate.ts";
export * from "./applicable.ts";
