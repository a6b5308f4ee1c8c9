import { createMongoAbility } from "@casl/ability";
import { appendAudit, findPolicyVersion, listCaseStates, listPolicyVersions, publishPolicyVersion } from "@steward/db";
import { DomainError, toIsoDate, type StewardAbility } from "@steward/domain";
import { planPublication, PolicyLifecycleError, validatePolicy, type PolicyDocument } from "@steward/policy-config";
import { z } from "zod";
import { ApiError, notFound } from "../../errors.ts";
import { runCaseCommand } from "../../services/cases.ts";
import { getPolicyImpact } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactSchema, versionMappingInput } from "./schemas.ts";

/**
 * Publishes a valid draft: it becomes the version in force, the one before is
 * retired, and every open case moves to it (category and stage by the
 * mapping), each move recorded as an event on the case. Refused, with every
 * problem, while the draft is invalid or a case has no place in the new version.
 */
export const publishVersion = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), revision: z.number().int().positive(), mapping: versionMappingInput }))
  .output(z.object({ version: z.number(), impact: impactSchema }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "publish");
    const row = await findPolicyVersion(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    if (row.status === "draft" && row.revision !== input.revision) throw new ApiError("stale", "This draft was changed since you reviewed it: review the changes and publish again.");
    const { problems } = validatePolicy(row.document);
    const versions = (await listPolicyVersions(ctx.trx)).map((v) => ({ id: v.id, version: v.version, status: v.status }));
    try {
      planPublication(versions, row.id, problems);
    } catch (error) {
      if (!(error instanceof PolicyLifecycleError)) throw error;
      const first = error.problems[0];
      throw new DomainError(error.code === "invalid-policy" ? "invalid" : "conflict", first ? `${error.message} The first: ${first.where}: ${first.message}` : error.message, first ? `/document${first.pointer}` : undefined);
    }
    const document = row.document as unknown as PolicyDocument;
    const now = ctx.now();
    const impact = await getPolicyImpact(ctx.trx, ctx.tenantId, document, input.mapping, toIsoDate(now));
    const blocked = impact.cases.find((c) => c.problems.length > 0);
    if (blocked) throw new DomainError("conflict", `${impact.blockedCases} case${impact.blockedCases === 1 ? "" : "s"} would have no place in this version (for example ${blocked.school}: ${blocked.problems[0]}). Map the old categories and stages to new ones.`, "/mapping");
    await publishPolicyVersion(ctx.trx, row.id, ctx.user.id, now);
    // Publishing moves the cases: recorded as the publisher's events on each case.
    const mover = { ability: createMongoAbility<StewardAbility>([{ action: "manage", subject: "all" }]), ruleRoles: new Map(), impliedRules: new Set<object>() };
    const loaded = { id: row.id, version: row.version, document };
    const open = await listCaseStates(ctx.trx);
    for (const c of open) {
      const move = impact.cases.find((m) => m.caseId === c.id);
      if (!move || c.policy_version_id === row.id) continue;
      await runCaseCommand(
        { trx: ctx.trx, tenantId: ctx.tenantId, user: ctx.user, ability: mover, policy: loaded, now: ctx.now },
        c.id,
        { type: "change-policy-version", policyVersionId: row.id, category: move.category.after ?? undefined, stage: move.stage.after ?? move.stage.before },
      );
    }
    await appendAudit(ctx.trx, ctx.tenantId, { actorId: ctx.user.id, actorLabel: ctx.user.displayName, action: "policy-published", subjectType: "Policy", subjectId: row.id, detail: { version: row.version, casesMoved: open.length, changedCases: impact.changedCases } });
    return { version: row.version, impact };
  });
