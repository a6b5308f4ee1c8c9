import { z } from "zod";

import { listPolicyVersions } from "@steward/db";

import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { versionSummary } from "./schemas.ts";

/** The authority's policy versions, newest first, with their status. */
export const listVersions = tenantProcedure
  .input(z.void())
  .output(z.array(versionSummary))
  .query(async ({ ctx }) => {
    assertPolicyPermission(ctx, "read");
    return (await listPolicyVersions(ctx.trx)).map(toVersionSummary);
  });
