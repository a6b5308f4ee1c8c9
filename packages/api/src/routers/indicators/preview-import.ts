import { planImport } from "../../services/indicators/import.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport, importInput, reportOutput, resolveMapping } from "./shared.ts";

/**
 * A dry run: what importing the file with the mapping would do (values
 * applied, unchanged, skipped as no value, and each rejected row with its line
 * and reason). Writes nothing.
 */
export const previewImport = tenantProcedure
  .input(importInput)
  .output(reportOutput)
  .mutation(async ({ ctx, input }) => {
    assertMayImport(ctx);
    const mapping = await resolveMapping(ctx, input);
    return (await planImport(ctx.trx, ctx.policy.document, input.file, mapping)).report;
  });
