import { z } from "zod";

import { appendAudit, saveImportMapping } from "@steward/db";

import { getMappedIndicators, mappingSchema, readMappingRow } from "../../services/indicators/mapping.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport, mappingOutput } from "./shared.ts";

/** Saves a mapping by name (replacing the one of that name), so next term's file imports in one step. */
export const saveMapping = tenantProcedure
  .input(
    z.strictObject({
      name: z.string().trim().min(1, "Name the mapping").max(120, "The name must be 120 characters or fewer"),
      mapping: mappingSchema,
    }),
  )
  .output(mappingOutput)
  .mutation(async ({ ctx, input }) => {
    assertMayImport(ctx);
    getMappedIndicators(ctx.policy.document, input.mapping);
    const { asAt, ...rest } = input.mapping;
    const row = await saveImportMapping(
      ctx.trx,
      ctx.tenantId,
      {
        ...rest,
        name: input.name,
        asAtDate: "date" in asAt ? asAt.date : null,
        asAtColumn: "column" in asAt ? asAt.column : null,
      },
      { userId: ctx.user.id, now: ctx.now() },
    );
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "import-mapping-saved",
      subjectType: "ImportMapping",
      subjectId: row.id,
      detail: { name: row.name, columns: input.mapping.columns.length },
    });
    return readMappingRow(row);
  });
