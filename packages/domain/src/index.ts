/**
 * The pure case engine: `decide(state, command, context)` returns the events a
 * command causes or the DomainError refusing it; `evolve(state, event)` folds an
 * event into a case's state. No SQL, HTTP, React or global clock here: the
 * instant and the id source come in the context.
 */
export * from "./calendar/index.ts";
export * from "./case/index.ts";
export * from "./errors.ts";
export * from "./permissions/index.ts";
export * from "./rules/index.ts";
