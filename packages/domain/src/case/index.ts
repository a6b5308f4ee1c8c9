export * from "./commands.ts";
export * from "./decide.ts";
export * from "./events.ts";
export * from "./evolve.ts";
export * from "./facts.ts";
export * from "./letters.ts";
export * from "./state.ts";
