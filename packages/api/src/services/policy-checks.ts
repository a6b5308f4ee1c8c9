import { savePolicyProblems, type TenantTransaction } from "@steward/db";
import { DomainError } from "@steward/domain";
import type { Problem } from "@steward/policy-config";

import type { StoredPolicyVersion } from "./policies.ts";
import { runInPolicyWorker } from "./worker/pool.ts";

/** Every problem with a document, found on the policy worker (off the event loop, with its timeout). */
export async function checkPolicyDocument(document: unknown): Promise<{ ok: boolean; problems: Problem[] }> {
  const { ok, problems } = await runInPolicyWorker({ kind: "validate", document });
  return { ok, problems };
}

/**
 * Every problem that stops a document being published: its validation's, then (a valid document) each form that
 * cannot be drawn for its readers, at the form's place.
 */
export async function checkPolicyForPublishing(document: unknown): Promise<{ ok: boolean; problems: Problem[] }> {
  const checked = await runInPolicyWorker({ kind: "validate", document });
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const drawn = await runInPolicyWorker({ kind: "render-forms", document: checked.document });
  return { ok: drawn.length === 0, problems: [...checked.problems, ...drawn] };
}

/**
 * A draft's problems: those stored when this revision was saved, or (a draft
 * saved before they were stored) found now on the worker and stored with the
 * revision. A published or retired version was valid when published: none.
 */
export async function getDraftProblems(trx: TenantTransaction, row: StoredPolicyVersion): Promise<Problem[]> {
  if (row.status !== "draft") return [];
  if (row.problems && row.validated_revision === row.revision) return row.problems as Problem[];
  const { problems } = await checkPolicyDocument(row.document);
  await savePolicyProblems(trx, row.id, row.revision, problems);
  return problems;
}

/**
 * The engine never runs on a draft with errors: refused with how many there
 * are and the first, at its place in the document (as publishing refuses it).
 */
export function refuseInvalidDraft(problems: readonly Problem[], doing: string): void {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0];
  if (!first) return;
  throw new DomainError(
    "invalid",
    `This draft has ${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before ${doing}. The first: ${first.where}: ${first.message}`,
    `/document${first.pointer}`,
  );
}
