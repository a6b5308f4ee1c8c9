import type { FindFormRenderProblem } from "./render-check-types.ts";

export type { FindFormRenderProblem, JsonObject } from "./render-check-types.ts";
export declare const findFormRenderProblem: FindFormRenderProblem;
