import { z } from "zod";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { getDraftProblems, refuseInvalidDraft } from "../../services/policy-checks.ts";
import { getPolicyImpact, publishingActor } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactSchema, versionMappingInput } from "./schemas.ts";

/**
 * A dry run of publishing a version: per case, category and stage before and
 * after (the engine's decision, exactly as publishing makes it); visit workload
 * per officer per half-term. A draft with problems is refused with them: the
 * engine never runs on an invalid policy.
 */
export const getImpact = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), mapping: versionMappingInput }))
  .output(impactSchema)
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await loadPolicyVersionRow(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    refuseInvalidDraft(await getDraftProblems(ctx.trx, row), "its impact can be worked out");
    return getPolicyImpact(
      publishingActor(ctx),
      { id: row.id, version: row.version, document: policyDocumentOf(row) },
      input.mapping,
    );
  });
