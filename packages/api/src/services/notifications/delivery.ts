import { randomUUID } from "node:crypto";

import {
  claimDueMessages,
  countUndeliveredMessages,
  findOwnTenant,
  insertNotificationMessages,
  listHeldMessages,
  listTenants,
  markMessageAttemptFailed,
  markMessagesDigested,
  markMessageSent,
  withTenant,
  type NotificationMessageRow,
  type StewardDatabase,
} from "@steward/db";
import { formatLetterDate, toIsoDate } from "@steward/domain";

import type { MailTransport } from "./transports.ts";

/** How the delivery loop retries. */
export interface DeliveryOptions {
  /** Attempts before a message is `failed` for good (default 5). */
  maxAttempts?: number;
  /** The wait after the first failure, doubled after each next one (default one minute). */
  retryAfterMs?: number;
  /** Messages claimed at a time per tenant (default 50). */
  batch?: number;
  /** How long a claimed message is left to its sender before another loop may take it again (default 5 minutes). */
  leaseMs?: number;
}

/** What one run of the delivery loop did. */
export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/**
 * Sends every due message of every tenant through `transport`: claims a batch (FOR UPDATE SKIP LOCKED, so
 * several processes never take the same one), sends each, and records it `sent`; a failure queues it again
 * after an exponential backoff (retryAfterMs, doubled per attempt) until `maxAttempts`, then marks it `failed`
 * with the error. A message to a user disabled since it was queued is failed without sending. Each tenant's
 * rows are reached only through its own row-level security. Meant to run every minute or so.
 */
export async function deliverDueMessages(
  db: StewardDatabase["db"],
  transport: MailTransport,
  now: Date,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const { maxAttempts = 5, retryAfterMs = 60_000, batch = 50, leaseMs = 300_000 } = options;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const tenant of await listTenants(db)) {
    for (;;) {
      const claimed = await withTenant(db, tenant.id, (trx) =>
        claimDueMessages(trx, now, new Date(now.getTime() + leaseMs), batch),
      );
      for (const message of claimed) {
        let outcome: { providerId: string | null } | { error: string; final: boolean };
        if (message.recipient_status !== "active" && !(message.recipient_status === "invited" && !message.rule_key)) {
          outcome = { error: "The recipient's account is disabled: the message was not sent.", final: true };
        } else {
          try {
            outcome = await transport.send({
              id: message.id,
              tenantSlug: tenant.slug,
              to: message.recipient_email,
              subject: message.subject,
              text: message.body,
            });
          } catch (error) {
            outcome = { error: errorText(error), final: message.attempts >= maxAttempts };
          }
        }
        await withTenant(db, tenant.id, async (trx) => {
          if ("providerId" in outcome) {
            report.sent++;
            return markMessageSent(trx, message.id, now, outcome.providerId);
          }
          const retryAt = outcome.final
            ? null
            : new Date(now.getTime() + retryAfterMs * 2 ** Math.max(0, message.attempts - 1));
          if (retryAt) report.retrying++;
          else report.failed++;
          return markMessageAttemptFailed(trx, message.id, outcome.error, retryAt);
        });
      }
      if (claimed.length < batch) break;
    }
  }
  return report;
}

function digestBody(authority: string, items: readonly NotificationMessageRow[]): string {
  const parts = items.map(
    (item) => `${item.subject}\n${"-".repeat(Math.min(item.subject.length, 72))}\n${item.body.trim()}`,
  );
  return `${authority}: ${items.length === 1 ? "one update" : `${items.length} updates`} since your last summary.\n\n${parts.join("\n\n")}\n`;
}

/**
 * Gathers every message held for a daily digest into one message per recipient per day (queued for the
 * delivery loop), and marks the items `digested` with the digest's id. A second run on the same day makes no
 * second digest for a recipient (its key is the recipient and the day): what arrived since waits for tomorrow's.
 * Returns how many digests were made. Meant to run once each morning.
 */
export async function sendDailyDigests(db: StewardDatabase["db"], now: Date): Promise<number> {
  const day = toIsoDate(now);
  let made = 0;
  for (const tenant of await listTenants(db)) {
    made += await withTenant(db, tenant.id, async (trx) => {
      const held = await listHeldMessages(trx, now);
      if (held.length === 0) return 0;
      const { name } = await findOwnTenant(trx);
      const byRecipient = new Map<string, NotificationMessageRow[]>();
      for (const m of held) byRecipient.set(m.recipient_id, [...(byRecipient.get(m.recipient_id) ?? []), m]);
      let count = 0;
      for (const [recipientId, items] of byRecipient) {
        const id = randomUUID();
        const latest = items.at(-1);
        if (!latest) continue;
        const inserted = await insertNotificationMessages(trx, tenant.id, [
          {
            id,
            recipientId,
            recipientEmail: latest.recipient_email,
            subject: `${name}: your daily summary for ${formatLetterDate(day)}`,
            body: digestBody(name, items),
            ruleKey: null,
            caseId: null,
            eventSeq: null,
            dedupeKey: `digest/${recipientId}/${day}`,
            delivery: "immediate",
            status: "queued",
            createdAt: now,
            nextAttemptAt: now,
          },
        ]);
        if (inserted === 0) continue;
        await markMessagesDigested(
          trx,
          items.map((m) => m.id),
          id,
        );
        count++;
      }
      return count;
    });
  }
  return made;
}

/** The outbox's depth over every tenant (each read under its own row-level security): messages waiting to go. */
export async function countOutbox(db: StewardDatabase["db"]): Promise<number> {
  let depth = 0;
  for (const tenant of await listTenants(db)) depth += await withTenant(db, tenant.id, countUndeliveredMessages);
  return depth;
}
