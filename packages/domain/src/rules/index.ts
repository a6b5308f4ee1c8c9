export * from "./applicability.ts";
export * from "./assessment.ts";
export * from "./evaluate.ts";
export * from "./applicable.ts";
