import { z } from "zod";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { testRuleOnSchool } from "../../services/rule-test.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";

const ruleInput = z
  .record(z.string(), z.unknown())
  .refine((rule) => Object.keys(rule).length === 1, "A rule has exactly one operator")
  .refine((rule) => JSON.stringify(rule).length <= 100_000, "The rule is too long: keep it under 100,000 characters");

/**
 * A rule (a trigger's or transition's `when`, as edited, saved or not) tried on one school today, under a
 * version's indicators and measures: whether it holds and, condition by condition, the school's value and
 * whether that condition holds. Needs `read Policy` and `read` on the school; a school of another authority is
 * not found. Facts of the school's case show only to users who may read its case and assessment.
 */
export const testRule = tenantProcedure
  .input(z.strictObject({ versionId: z.uuid(), rule: ruleInput, urn: z.number().int().positive() }))
  .output(
    z.object({
      school: z.object({ urn: z.number(), name: z.string() }),
      holds: z.boolean().nullable(),
      conditions: z.array(
        z.object({
          words: z.string(),
          fact: z.string().nullable(),
          value: z.string().nullable(),
          shown: z.boolean(),
          holds: z.boolean().nullable(),
        }),
      ),
      note: z.string().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await loadPolicyVersionRow(ctx.trx, input.versionId);
    if (!row) throw notFound("That policy version");
    return testRuleOnSchool(ctx, policyDocumentOf(row), input.rule, input.urn);
  });
