import { z } from "zod";

import { undoImportRun } from "../../services/indicators/import.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport } from "./shared.ts";

/** Undoes a whole import: none of its values are read any more (the school's latest value is again the one before). */
export const undoRun = tenantProcedure
  .input(z.strictObject({ runId: z.uuid() }))
  .output(z.object({ id: z.string(), status: z.enum(["applied", "undone"]) }))
  .mutation(async ({ ctx, input }) => {
    assertMayImport(ctx);
    const run = await undoImportRun(ctx, input.runId);
    return { id: run.id, status: run.status };
  });
