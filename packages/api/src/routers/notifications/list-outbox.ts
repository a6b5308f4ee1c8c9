import { z } from "zod";

import { listNotificationMessages } from "@steward/db";
import { DomainError } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { tenantProcedure } from "../../trpc.ts";

const STATUSES = ["queued", "sending", "sent", "failed", "held", "digested"] as const;

/**
 * The outbox: every notification message the user's `Message` rules let them read, newest first, optionally of
 * one status: who it went to, its subject, how it stands, attempts and the last error. Never the body (an
 * invitation's holds its link).
 */
export const listOutbox = tenantProcedure
  .input(
    z.strictObject({
      status: z.enum(STATUSES).optional(),
      page: z.number().int().min(1).max(10_000).default(1),
    }),
  )
  .output(
    z.object({
      messages: z.array(
        z.object({
          id: z.string(),
          createdAt: z.string(),
          recipient: z.string(),
          subject: z.string(),
          rule: z.string().nullable(),
          caseId: z.string().nullable(),
          status: z.enum(STATUSES),
          attempts: z.number(),
          lastError: z.string().nullable(),
          sentAt: z.string().nullable(),
          nextAttemptAt: z.string().nullable(),
        }),
      ),
      total: z.number(),
      pageSize: z.number(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const access = getAccessFilter(ctx.ability, "read", "Message");
    if (access.kind === "none") throw new DomainError("forbidden", "Your roles do not allow you to read the outbox.");
    const pageSize = 50;
    const { rows, total } = await listNotificationMessages(ctx.trx, access, {
      status: input.status,
      limit: pageSize,
      offset: (input.page - 1) * pageSize,
    });
    return {
      messages: rows.map((m) => ({
        id: m.id,
        createdAt: m.created_at.toISOString(),
        recipient: m.recipient_email,
        subject: m.subject,
        rule: m.rule_key,
        caseId: m.case_id,
        status: m.status,
        attempts: m.attempts,
        lastError: m.last_error,
        sentAt: m.sent_at?.toISOString() ?? null,
        nextAttemptAt: m.status === "queued" ? m.next_attempt_at.toISOString() : null,
      })),
      total,
      pageSize,
    };
  });
