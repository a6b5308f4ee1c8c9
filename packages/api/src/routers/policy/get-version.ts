import { findPolicyVersion } from "@steward/db";
import { validatePolicy } from "@steward/policy-config";
import { z } from "zod";
import { notFound } from "../../errors.ts";
import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { problemSchema, versionSummary } from "./schemas.ts";

/** One version: its document and, for a draft, every problem with it. */
export const getVersion = tenantProcedure
  .input(z.strictObject({ id: z.string().max(100) }))
  .output(versionSummary.extend({ document: z.record(z.string(), z.unknown()), problems: z.array(problemSchema) }))
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = /^[0-9a-f-]{36}$/i.test(input.id) ? await findPolicyVersion(ctx.trx, input.id) : undefined;
    if (!row) throw notFound("That policy version");
    return { ...toVersionSummary(row), document: row.document, problems: row.status === "draft" ? validatePolicy(row.document).problems : [] };
  });
