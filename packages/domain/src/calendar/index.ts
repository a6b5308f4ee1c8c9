export * from "./dates.ts";
export * from "./school-calendar.ts";
export * from "./visit-plan.ts";
