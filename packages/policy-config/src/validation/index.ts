import type { PolicyDocument } from "../schema/policy.ts";
import type { Problem } from "./problem.ts";
import { collectSemantics } from "./semantics.ts";
import { collectStructure, HUGE_DOCUMENT_VALUES } from "./structure.ts";

export type ValidationResult =
  | { ok: true; document: PolicyDocument; problems: Problem[]; omitted?: number }
  | { ok: false; document?: undefined; problems: Problem[]; omitted?: number };

/**
 * The most problems returned. Past it, the list ends with one more problem
 * ("And N more problems not shown…", code `problems.truncated`) and `omitted`
 * says how many were left out (at least how many, when there were too many
 * to count), so a policy with 24,000 problems costs a
 * bounded response, and a reader starts at the top anyway.
 */
export const MAX_PROBLEMS = 200;

/** The first `MAX_PROBLEMS` problems, errors before warnings, and a last one saying how many more (`dropped` already left out). */
function capped(problems: Problem[], dropped = 0, uncounted = false): { problems: Problem[]; omitted?: number } {
  if (problems.length <= MAX_PROBLEMS && dropped === 0 && !uncounted) return { problems };
  const ordered = [
    ...problems.filter((p) => p.severity === "error"),
    ...problems.filter((p) => p.severity === "warning"),
  ];
  const kept = ordered.slice(0, MAX_PROBLEMS);
  const omitted = problems.length - kept.length + dropped;
  const more: Problem = {
    pointer: "",
    where: "The document",
    message: uncounted
      ? `And at least ${omitted.toLocaleString("en-GB")} more problem${omitted === 1 ? "" : "s"} not shown (too many to count): fix these first.`
      : `And ${omitted.toLocaleString("en-GB")} more problem${omitted === 1 ? "" : "s"} not shown: fix these first.`,
    severity: kept.some((p) => p.severity === "error") ? "error" : "warning",
    code: "problems.truncated",
  };
  return { problems: [...kept, more], omitted };
}

/**
 * Validates a policy document: first its shape against the meta-schema, then,
 * when the shape is right, Steward's semantic rules (every reference resolves,
 * keys are unique, rules read known facts, templates use known merge fields,
 * dates are in order). Every problem (up to `MAX_PROBLEMS`) is returned at
 * once, each with a JSON pointer and a sentence. `ok` is true when there is no error (warnings allowed).
 */
export function validatePolicy(document: unknown): ValidationResult {
  const structural = collectStructure(document);
  if (structural.huge) {
    const tooBig: Problem = {
      pointer: "",
      where: "The document",
      message: `The policy is too large to check in full (more than ${HUGE_DOCUMENT_VALUES.toLocaleString("en-GB")} values; a real policy has a few thousand): this is its first problem. Fix it and check again.`,
      severity: "error",
      code: "problems.truncated",
    };
    return { ok: false, problems: [...structural.problems.slice(0, MAX_PROBLEMS), tooBig] };
  }
  const { policy } = structural;
  if (!policy) return { ok: false, ...capped(structural.problems, 0, structural.truncated) };
  // Problems past a few times the cap are counted, not written out.
  const { problems, dropped, droppedErrors } = collectSemantics(policy, MAX_PROBLEMS * 5);
  if (droppedErrors > 0 || problems.some((p) => p.severity === "error"))
    return { ok: false, ...capped(problems, dropped) };
  return { ok: true, document: policy, ...capped(problems, dropped) };
}

export { checkStructure } from "./structure.ts";
export { checkSemantics } from "./semantics.ts";
export { describePointer, parsePointer, toPointer, type Problem } from "./problem.ts";
