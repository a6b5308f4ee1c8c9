import { z } from "zod";

import { listRegisterEntries } from "@steward/db";

import { tenantProcedure } from "../../trpc.ts";
import { readableRegisters, registerFilterInput, registerSummary, summariseRegister } from "./shared.ts";

const registerEntryItem = z.object({
  id: z.string(),
  caseId: z.string(),
  school: z.object({ urn: z.number(), name: z.string() }),
  register: z.string(),
  occurredOn: z.string(),
  loggedAt: z.string(),
  loggedBy: z.string(),
  status: z.enum(["open", "closed"]),
  fields: z.record(z.string(), z.unknown()),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  closeNote: z.string().nullable(),
});

/**
 * Register entries across schools, newest first by the date they happened: filtered in SQL to the registers the
 * user may read (and, for school staff, their own school), so the total counts only what they may read.
 */
export const listEntries = tenantProcedure
  .input(
    registerFilterInput.extend({
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
  )
  .output(z.object({ items: z.array(registerEntryItem), total: z.number(), registers: z.array(registerSummary) }))
  .query(async ({ ctx, input }) => {
    const { access, registers } = readableRegisters(ctx);
    const { rows, total } = await listRegisterEntries(ctx.trx, access, input);
    return {
      total,
      registers: registers.map(summariseRegister),
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        school: { urn: r.school_urn, name: r.school_name },
        register: r.register,
        occurredOn: r.occurred_on,
        loggedAt: r.logged_at.toISOString(),
        loggedBy: r.logged_by_name ?? "Steward",
        status: r.status,
        fields: r.fields,
        closedAt: r.closed_at?.toISOString() ?? null,
        closedBy: r.closed_at ? (r.closed_by_name ?? "Steward") : null,
        closeNote: r.close_note,
      })),
    };
  });
