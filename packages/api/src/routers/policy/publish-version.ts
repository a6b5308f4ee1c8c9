import { z } from "zod";

import { appendAudit, listPolicyVersions, publishPolicyVersion, withTenant, type TenantTransaction } from "@steward/db";
import { DomainError, type VersionMapping } from "@steward/domain";
import { planPublication, PolicyLifecycleError } from "@steward/policy-config";

import { ApiError, notFound } from "../../errors.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { checkPolicyForPublishing } from "../../services/policy-checks.ts";
import { getPolicyImpact, publishingActor } from "../../services/policy-impact.ts";
import { moveOpenCases } from "../../services/policy-moves.ts";
import { steppedTenantProcedure, type TenantContext } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactSchema, versionMappingInput } from "./schemas.ts";

/** What a publish did to the open cases: how many moved, and each one that did not, with why. */
const movesSchema = z.object({
  moved: z.number(),
  failed: z.array(z.object({ caseId: z.string(), school: z.string(), problem: z.string() })),
});

type Publisher = Omit<TenantContext, "trx" | "database" | "appVersion" | "request" | "logger" | "signInLimiter">;

/**
 * Checks the draft and the move of every open case (the impact report's own computation), and switches the
 * version in force: in the caller's transaction, which reads the cases and writes only the versions. Refused,
 * with every problem, while the draft is invalid or a case has no place in the new version.
 */
async function switchVersion(
  trx: TenantTransaction,
  ctx: Publisher,
  input: { id: string; revision: number; mapping?: VersionMapping | undefined },
) {
  const row = await loadPolicyVersionRow(trx, input.id);
  if (!row) throw notFound("That policy version");
  if (row.status === "draft" && row.revision !== input.revision)
    throw new ApiError("stale", "This draft was changed since you reviewed it: review the changes and publish again.");
  // Checked again on the worker (never trusting a stored result from an older Steward), its forms drawn too.
  const { problems } = await checkPolicyForPublishing(row.document);
  const versions = (await listPolicyVersions(trx)).map((v) => ({ id: v.id, version: v.version, status: v.status }));
  try {
    planPublication(versions, row.id, problems);
  } catch (error) {
    if (!(error instanceof PolicyLifecycleError)) throw error;
    const first = error.problems[0];
    throw new DomainError(
      error.code === "invalid-policy" ? "invalid" : "conflict",
      first ? `${error.message} The first: ${first.where}: ${first.message}` : error.message,
      first ? `/document${first.pointer}` : undefined,
    );
  }
  const next = { id: row.id, version: row.version, document: policyDocumentOf(row) };
  const impact = await getPolicyImpact(publishingActor({ ...ctx, trx }), next, input.mapping);
  const blocked = impact.cases.find((c) => c.problems.length > 0);
  if (blocked)
    throw new DomainError(
      "conflict",
      `${impact.blockedCases} case${impact.blockedCases === 1 ? "" : "s"} would have no place in this version (for example ${blocked.school}: ${blocked.problems[0]}). Map the old categories and stages to new ones.`,
      "/mapping",
    );
  await publishPolicyVersion(trx, row.id, ctx.user.id, ctx.now(), input.mapping);
  return { next, impact };
}

/**
 * Publishes a valid draft: it becomes the version in force, the one before is
 * retired, and every open case moves to it (category and stage by the
 * mapping), each move recorded as an event on the case. The moves are the
 * ones the impact report shows (`planCaseMove`: the engine's decisions,
 * automatic transitions included), decided again on each case as it is when
 * moved. The version is switched first; the cases then move in batches (at
 * most `MOVE_BATCH_SIZE` cases or `MOVE_BATCH_MS` of work), each batch its own
 * transaction, so a command on a case waits at most for one batch. The answer says how many moved and which did
 * not (a case a publish does not reach moves at its next command, or by the next publish).
 */
export const publishVersion = steppedTenantProcedure
  .input(z.strictObject({ id: z.uuid(), revision: z.number().int().positive(), mapping: versionMappingInput }))
  .output(z.object({ version: z.number(), impact: impactSchema, moves: movesSchema }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "publish");
    const { next, impact } = await withTenant(ctx.database.db, ctx.tenantId, (trx) => switchVersion(trx, ctx, input));
    // Publishing moves the cases: recorded as the publisher's events on each case.
    const moves = await moveOpenCases(ctx.database, { ...ctx, policy: next }, next, input.mapping);
    await withTenant(ctx.database.db, ctx.tenantId, (trx) =>
      appendAudit(trx, ctx.tenantId, {
        actorId: ctx.user.id,
        actorLabel: ctx.user.displayName,
        action: "policy-published",
        subjectType: "Policy",
        subjectId: next.id,
        detail: {
          version: next.version,
          casesMoved: moves.moved,
          casesNotMoved: moves.failed.length,
          changedCases: impact.changedCases,
        },
      }),
    );
    return { version: next.version, impact, moves };
  });
