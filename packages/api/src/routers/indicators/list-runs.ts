import { z } from "zod";

import { listImportRuns } from "@steward/db";

import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport } from "./shared.ts";

const storedReport = z
  .object({ applied: z.number().catch(0), rejected: z.array(z.unknown()).catch([]) })
  .catch({ applied: 0, rejected: [] });
const storedMapping = z.object({ name: z.string().optional() }).catch({});

/** The imports applied, newest first, with who applied and who undid them. */
export const listRuns = tenantProcedure
  .input(z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }).optional())
  .output(
    z.array(
      z.object({
        id: z.string(),
        fileName: z.string(),
        mappingName: z.string().nullable(),
        status: z.enum(["applied", "undone"]),
        applied: z.number(),
        rejected: z.number(),
        createdBy: z.string().nullable(),
        createdAt: z.string(),
        undoneBy: z.string().nullable(),
        undoneAt: z.string().nullable(),
      }),
    ),
  )
  .query(async ({ ctx, input }) => {
    assertMayImport(ctx);
    const runs = await listImportRuns(ctx.trx, { limit: input?.limit ?? 50 });
    return runs.map((r) => {
      const report = storedReport.parse(r.report);
      return {
        id: r.id,
        fileName: r.file_name,
        mappingName: storedMapping.parse(r.mapping).name ?? null,
        status: r.status,
        applied: report.applied,
        rejected: report.rejected.length,
        createdBy: r.created_by_name,
        createdAt: r.created_at.toISOString(),
        undoneBy: r.undone_by_name,
        undoneAt: r.undone_at?.toISOString() ?? null,
      };
    });
  });
