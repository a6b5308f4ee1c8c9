import { z } from "zod";

import { listAudit as findAudit } from "@steward/db";
import { DomainError } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { tenantProcedure } from "../../trpc.ts";

/** The cursor for the page after this full one: the oldest entry's id. */
function nextCursor(rows: readonly { id: number | string }[]): number | null {
  const oldest = rows.at(-1);
  return oldest ? Number(oldest.id) : null;
}

/** Who did what, when, to what: newest first, page by page. */
export const listAudit = tenantProcedure
  .input(
    z.strictObject({
      actorId: z.uuid().optional(),
      subjectType: z.string().max(50).optional(),
      subjectId: z.string().max(100).optional(),
      action: z.string().max(100).optional(),
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  )
  .output(
    z.object({
      entries: z.array(
        z.object({
          id: z.number(),
          at: z.string(),
          actor: z.string().nullable(),
          action: z.string(),
          subjectType: z.string(),
          subjectId: z.string().nullable(),
          detail: z.record(z.string(), z.unknown()),
        }),
      ),
      next: z.number().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const access = getAccessFilter(ctx.ability, "read", "AuditLog");
    if (access.kind === "none")
      throw new DomainError("forbidden", "Your roles do not allow you to read the audit log.");
    const rows = await findAudit(ctx.trx, access, input);
    return {
      entries: rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actor: r.actor_label,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        detail: r.detail,
      })),
      next: rows.length === input.limit ? nextCursor(rows) : null,
    };
  });
