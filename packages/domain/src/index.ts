/**
 * The pure case engine: `decide(command, state, policy, clock)` returns events
 * or a domain error; `evolve(state, event)` folds an event into a case's state.
 * No SQL, HTTP, React or global clock here.
 */
export * from "./calendar/index.ts";
export * from "./case/index.ts";
export * from "./errors.ts";
export * from "./permissions/index.ts";
export * from "./rules/index.ts";
