import { renderLetter, type LetterContext } from "@steward/domain";
import { validatePolicy, type LetterType } from "@steward/policy-config";

/** The work that may take long on an administrator's document, run off the event loop (see pool.ts). */
export type PolicyTask =
  | { kind: "validate"; document: unknown }
  | { kind: "render-letter"; letterType: LetterType; context: LetterContext }
  /** Answers at once: a thread that answers has loaded its modules. */
  | { kind: "ping" }
  /** For tests: a task that never ends, to prove the timeout stops it. */
  | { kind: "spin" };

export type PolicyTaskResult<T extends PolicyTask> = T extends { kind: "validate" }
  ? ReturnType<typeof validatePolicy>
  : T extends { kind: "render-letter" }
    ? ReturnType<typeof renderLetter>
    : never;

/**
 * Runs one task in the worker thread.
 * @public worker.mjs loads this module through tsx's `tsImport`, which knip cannot follow.
 */
export function runPolicyTask(task: PolicyTask): unknown {
  switch (task.kind) {
    case "validate":
      return validatePolicy(task.document);
    case "render-letter":
      return renderLetter(task.letterType, task.context);
    case "ping":
      return "pong";
    case "spin":
      for (;;);
  }
}
