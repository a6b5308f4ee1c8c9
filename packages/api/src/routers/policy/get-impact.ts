import { findPolicyVersion } from "@steward/db";
import { toIsoDate } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";
import { z } from "zod";
import { notFound } from "../../errors.ts";
import { getPolicyImpact } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { impactSchema, versionMappingInput } from "./schemas.ts";

/** A dry run of publishing a version: per case, category and stage before and after; visit workload per officer per half-term. */
export const getImpact = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), mapping: versionMappingInput }))
  .output(impactSchema)
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await findPolicyVersion(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    return getPolicyImpact(ctx.trx, ctx.tenantId, row.document as unknown as PolicyDocument, input.mapping, toIsoDate(ctx.now()));
  });
