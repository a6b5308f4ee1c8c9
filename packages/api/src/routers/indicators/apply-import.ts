import { z } from "zod";

import { analyzeTenantTables } from "@steward/db";

import { applyImport as apply } from "../../services/indicators/import.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport, importInput, reportOutput, resolveMapping } from "./shared.ts";

/** Applies an import: every new or changed value and the run, in one transaction, audited. Rejected rows are reported, not stored. */
export const applyImport = tenantProcedure
  .input(importInput)
  .output(z.object({ runId: z.string(), report: reportOutput }))
  .mutation(async ({ ctx, input }) => {
    assertMayImport(ctx);
    const mapping = await resolveMapping(ctx, input);
    const applied = await apply(ctx, ctx.policy.document, input.file, mapping);
    // Thousands of values in one go: the planner's statistics follow them, once they are committed.
    ctx.afterCommit(() => analyzeTenantTables(ctx.database.db, ["indicator_values", "import_runs"]));
    return applied;
  });
