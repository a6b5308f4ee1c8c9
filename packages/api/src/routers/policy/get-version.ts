import { z } from "zod";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow } from "../../services/policies.ts";
import { getDraftProblems } from "../../services/policy-checks.ts";
import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { problemSchema, versionSummary } from "./schemas.ts";

/** One version: its document (in the current format) and, for a draft, every problem with it (as stored when it was saved). */
export const getVersion = tenantProcedure
  .input(z.strictObject({ id: z.string().max(100) }))
  .output(versionSummary.extend({ document: z.record(z.string(), z.unknown()), problems: z.array(problemSchema) }))
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = /^[0-9a-f-]{36}$/i.test(input.id) ? await loadPolicyVersionRow(ctx.trx, input.id) : undefined;
    if (!row) throw notFound("That policy version");
    return {
      ...toVersionSummary(row),
      document: { ...row.document },
      problems: await getDraftProblems(ctx.trx, row),
    };
  });
