import { z } from "zod";

import { appendAudit, listPolicyVersions, publishPolicyVersion } from "@steward/db";
import { DomainError } from "@steward/domain";
import { planPublication, PolicyLifecycleError } from "@steward/policy-config";

import { ApiError, notFound } from "../../errors.ts";
import { commitDecision } from "../../services/cases.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { checkPolicyDocument } from "../../services/policy-checks.ts";
import { getPolicyImpact, planVersionMove, publishingActor } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactSchema, versionMappingInput } from "./schemas.ts";

/**
 * Publishes a valid draft: it becomes the version in force, the one before is
 * retired, and every open case moves to it (category and stage by the
 * mapping), each move recorded as an event on the case. The moves are the
 * ones the impact report shows (`planVersionMove`: the engine's decisions,
 * automatic transitions included), written as decided. Refused, with every
 * problem, while the draft is invalid or a case has no place in the new version.
 */
export const publishVersion = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), revision: z.number().int().positive(), mapping: versionMappingInput }))
  .output(z.object({ version: z.number(), impact: impactSchema }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "publish");
    const row = await loadPolicyVersionRow(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    if (row.status === "draft" && row.revision !== input.revision)
      throw new ApiError(
        "stale",
        "This draft was changed since you reviewed it: review the changes and publish again.",
      );
    // Checked again on the worker (never trusting a stored result from an older Steward).
    const { problems } = await checkPolicyDocument(row.document);
    const versions = (await listPolicyVersions(ctx.trx)).map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
    }));
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
    // Publishing moves the cases: recorded as the publisher's events on each case.
    const mover = publishingActor(ctx);
    const plans = await planVersionMove(mover, next, input.mapping);
    const impact = await getPolicyImpact(mover, next, input.mapping, plans);
    const blocked = impact.cases.find((c) => c.problems.length > 0);
    if (blocked)
      throw new DomainError(
        "conflict",
        `${impact.blockedCases} case${impact.blockedCases === 1 ? "" : "s"} would have no place in this version (for example ${blocked.school}: ${blocked.problems[0]}). Map the old categories and stages to new ones.`,
        "/mapping",
      );
    await publishPolicyVersion(ctx.trx, row.id, ctx.user.id, ctx.now());
    for (const plan of plans) {
      if (plan.command && plan.decision) await commitDecision(mover, plan.target, plan.command, plan.decision);
    }
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "policy-published",
      subjectType: "Policy",
      subjectId: row.id,
      detail: {
        version: row.version,
        casesMoved: plans.filter((p) => p.decision).length,
        changedCases: impact.changedCases,
      },
    });
    return { version: row.version, impact };
  });
