import { z } from "zod";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { getPeopleImpact } from "../../services/policy-changes.ts";
import { getDraftProblems, refuseInvalidDraft } from "../../services/policy-checks.ts";
import { getPolicyImpact, publishingActor } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactReportSchema, versionMappingInput } from "./schemas.ts";

/**
 * A dry run of publishing a version: per case, category and stage before and
 * after (the engine's decision, exactly as publishing makes it); visit workload
 * per officer per half-term. A draft with problems is refused with them: the
 * engine never runs on an invalid policy. Beside the cases, what changes for
 * people: what each role gains or loses, each form's question changes, and the
 * drafts in progress (school, form, last saved) a form change affects.
 */
export const getImpact = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), mapping: versionMappingInput }))
  .output(impactReportSchema)
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await loadPolicyVersionRow(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    refuseInvalidDraft(await getDraftProblems(ctx.trx, row), "its impact can be worked out");
    const next = { id: row.id, version: row.version, document: policyDocumentOf(row) };
    const cases = await getPolicyImpact(publishingActor(ctx), next, input.mapping);
    const people = await getPeopleImpact(ctx.trx, ctx.tenantId, next);
    return { ...cases, ...people };
  });
