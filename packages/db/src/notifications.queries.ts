import { sql } from "kysely";

import { accessToSql, type AccessFilter } from "./access.ts";
import type { NotificationDelivery, NotificationMessageRow, NotificationStatus } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** A notification to write (see `insertNotificationMessages`). */
export interface NewNotificationMessage {
  id: string;
  recipientId: string;
  recipientEmail: string;
  subject: string;
  body: string;
  ruleKey: string | null;
  caseId: string | null;
  eventSeq: number | null;
  /** One per rule, event and recipient: a second message with the same key is never made. */
  dedupeKey: string;
  delivery: NotificationDelivery;
  /** queued (send when due) or held (for the recipient's daily digest). */
  status: "queued" | "held";
  /** When it was made (the event's clock): digests gather what was made before their run. */
  createdAt: Date;
  nextAttemptAt: Date;
}

/**
 * Writes notification messages in the caller's transaction (the one writing the event they tell of). A message
 * whose dedupe key is already there is skipped: returns how many were new.
 */
export async function insertNotificationMessages(
  trx: TenantTransaction,
  tenantId: string,
  messages: readonly NewNotificationMessage[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const rows = await trx
    .insertInto("notification_messages")
    .values(
      messages.map((m) => ({
        tenant_id: tenantId,
        id: m.id,
        recipient_id: m.recipientId,
        recipient_email: m.recipientEmail,
        subject: m.subject,
        body: m.body,
        rule_key: m.ruleKey,
        case_id: m.caseId,
        event_seq: m.eventSeq,
        dedupe_key: m.dedupeKey,
        delivery: m.delivery,
        status: m.status,
        next_attempt_at: m.nextAttemptAt,
        created_at: m.createdAt,
      })),
    )
    .onConflict((oc) => oc.columns(["tenant_id", "dedupe_key"]).doNothing())
    .returning("id")
    .execute();
  return rows.length;
}

/** Someone a notification may go to: an active user of this tenant. */
export interface NotificationRecipientRow {
  id: string;
  email: string;
  display_name: string;
  notification_delivery: NotificationDelivery;
}

/**
 * The active users (never disabled or still invited) holding any of `laRoles`, any of `schoolRoles` for the
 * school `schoolUrn`, or among `userIds`. Row-level security keeps them within the tenant.
 */
export async function findNotificationRecipients(
  trx: TenantTransaction,
  who: { laRoles: readonly string[]; schoolRoles: readonly string[]; schoolUrn: number; userIds: readonly string[] },
): Promise<NotificationRecipientRow[]> {
  const grants = [
    ...who.laRoles.map((role) => JSON.stringify([{ role }])),
    ...who.schoolRoles.map((role) => JSON.stringify([{ role, schoolUrn: who.schoolUrn }])),
  ];
  if (grants.length === 0 && who.userIds.length === 0) return [];
  return trx
    .selectFrom("users")
    .select(["id", "email", "display_name", "notification_delivery"])
    .where("status", "=", "active")
    .where((eb) =>
      eb.or([
        ...grants.map((g) => eb("grants", "@>", g)),
        ...(who.userIds.length > 0 ? [eb("id", "in", [...who.userIds])] : []),
      ]),
    )
    .orderBy("id")
    .execute();
}

/** A message claimed for sending, with its recipient's status now (a user disabled since is never sent to). */
export type ClaimedMessage = NotificationMessageRow & { recipient_status: string | null };

/**
 * Claims up to `limit` due messages (queued, or left `sending` by a process that stopped past its lease) and
 * marks them `sending` with one more attempt, leased until `leaseUntil`. Rows another process is claiming are
 * skipped (FOR UPDATE SKIP LOCKED), so two delivery loops never take the same message.
 */
export async function claimDueMessages(
  trx: TenantTransaction,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedMessage[]> {
  const due = trx
    .selectFrom("notification_messages")
    .select("id")
    .where("status", "in", ["queued", "sending"])
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .limit(limit)
    .forUpdate()
    .skipLocked();
  return trx
    .updateTable("notification_messages")
    .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), next_attempt_at: leaseUntil }))
    .where("id", "in", due)
    .returningAll()
    .returning((eb) =>
      eb
        .selectFrom("users")
        .select("users.status")
        .whereRef("users.id", "=", "notification_messages.recipient_id")
        .as("recipient_status"),
    )
    .execute();
}

/** How many of the tenant's messages are waiting to go (queued, or being sent): the outbox's depth. */
export async function countUndeliveredMessages(trx: TenantTransaction): Promise<number> {
  const row = await trx
    .selectFrom("notification_messages")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "in", ["queued", "sending"])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Records a message as sent (with the provider's id for it, if any). */
export async function markMessageSent(
  trx: TenantTransaction,
  id: string,
  sentAt: Date,
  providerId: string | null,
): Promise<void> {
  await trx
    .updateTable("notification_messages")
    .set({ status: "sent", sent_at: sentAt, provider_id: providerId, last_error: null })
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** Records a failed attempt: queued again at `retryAt`, or `failed` for good when `retryAt` is null. */
export async function markMessageAttemptFailed(
  trx: TenantTransaction,
  id: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await trx
    .updateTable("notification_messages")
    .set(
      retryAt
        ? { status: "queued", last_error: error, next_attempt_at: retryAt }
        : { status: "failed", last_error: error },
    )
    .where("id", "=", id)
    .where("status", "=", "sending")
    .execute();
}

/** The messages waiting for their recipients' daily digests, made before `before`, oldest first. */
export async function listHeldMessages(trx: TenantTransaction, before: Date): Promise<NotificationMessageRow[]> {
  return trx
    .selectFrom("notification_messages")
    .selectAll()
    .where("status", "=", "held")
    .where("created_at", "<", before)
    .orderBy("recipient_id")
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Marks held messages as taken into the digest `digestId`. */
export async function markMessagesDigested(
  trx: TenantTransaction,
  ids: readonly string[],
  digestId: string,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable("notification_messages")
    .set({ status: "digested", digest_id: digestId })
    .where("id", "in", [...ids])
    .where("status", "=", "held")
    .execute();
}

/** The outbox as a user may read it (`Message` rules: `recipientId`), newest first, optionally of one status. */
export async function listNotificationMessages(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: { status?: NotificationStatus | undefined; limit: number; offset?: number | undefined },
): Promise<{ rows: NotificationMessageRow[]; total: number }> {
  let query = trx
    .selectFrom("notification_messages")
    .where(accessToSql(access, { recipientId: sql.ref("notification_messages.recipient_id") }));
  if (filter.status) query = query.where("status", "=", filter.status);
  const rows = await query
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** Sets how a user receives their notifications. */
export async function setNotificationDelivery(
  trx: TenantTransaction,
  userId: string,
  delivery: NotificationDelivery,
): Promise<void> {
  await trx.updateTable("users").set({ notification_delivery: delivery }).where("id", "=", userId).execute();
}
