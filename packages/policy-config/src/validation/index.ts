import type { PolicyDocument } from "../schema/policy.ts";
import { checkSemantics } from "./semantics.ts";
import { checkStructure } from "./structure.ts";
import type { Problem } from "./problem.ts";

export type ValidationResult =
  | { ok: true; document: PolicyDocument; problems: Problem[] }
  | { ok: false; document?: undefined; problems: Problem[] };

/**
 * Validates a policy document: first its shape against the meta-schema, then,
 * when the shape is right, Steward's semantic rules (every reference resolves,
 * keys are unique, rules read known facts, templates use known merge fields,
 * dates are in order). Every problem is returned at once, each with a JSON
 * pointer and a sentence. `ok` is true when there is no error (warnings allowed).
 */
export function validatePolicy(document: unknown): ValidationResult {
  const structural = checkStructure(document);
  if (structural.length > 0) return { ok: false, problems: structural };
  const policy = document as PolicyDocument;
  const problems = checkSemantics(policy);
  if (problems.some((p) => p.severity === "error")) return { ok: false, problems };
  return { ok: true, document: policy, problems };
}

export { checkStructure, createAjv } from "./structure.ts";
export { checkSemantics } from "./semantics.ts";
export { describePointer, parsePointer, toPointer, type Problem } from "./problem.ts";
