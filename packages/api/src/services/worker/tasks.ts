import { renderLetter, type LetterContext } from "@steward/domain";
import { validatePolicy, type LetterType, type PolicyDocument } from "@steward/policy-config";

import type { findFormRenderProblems } from "./render-forms.ts";

/** The work that may take long on an administrator's document, run off the event loop (see pool.ts). */
export type PolicyTask =
  | { kind: "validate"; document: unknown }
  | { kind: "render-letter"; letterType: LetterType; context: LetterContext }
  /** Draws every form of a valid document with sample answers (before publishing). */
  | { kind: "render-forms"; document: PolicyDocument }
  /** Answers at once: a thread that answers has loaded its modules. */
  | { kind: "ping" }
  /** For tests: a task that never ends, to prove the timeout stops it. */
  | { kind: "spin" };

export type PolicyTaskResult<T extends PolicyTask> = T extends { kind: "validate" }
  ? ReturnType<typeof validatePolicy>
  : T extends { kind: "render-letter" }
    ? ReturnType<typeof renderLetter>
    : T extends { kind: "render-forms" }
      ? ReturnType<typeof findFormRenderProblems>
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
    case "render-forms":
      // Loaded on first use: the forms theme (React, rjsf) is only needed when publishing.
      return import("./render-forms.ts").then((module) => module.findFormRenderProblems(task.document));
    case "ping":
      return "pong";
    case "spin":
      for (;;);
  }
}
