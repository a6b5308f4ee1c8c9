import type { Session } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

export interface NewSessionValues {
  id: string;
  userId: string;
  csrfToken: string;
  authMethod: string;
  idleExpiresAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  /** When it starts (the caller's clock, not the database's). */
  now: Date;
}

export async function insertSession(
  trx: TenantTransaction,
  tenantId: string,
  session: NewSessionValues,
): Promise<Session> {
  return trx
    .insertInto("sessions")
    .values({
      tenant_id: tenantId,
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      auth_method: session.authMethod,
      idle_expires_at: session.idleExpiresAt,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
      created_at: session.now,
      last_seen_at: session.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSession(trx: TenantTransaction, id: string): Promise<Session | undefined> {
  return trx.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(trx: TenantTransaction, id: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await trx
    .updateTable("sessions")
    .set({ last_seen_at: now, idle_expires_at: idleExpiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(trx: TenantTransaction, id: string): Promise<void> {
  await trx.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Ends every session of a user (their roles changed, or they were disabled). */
export async function deleteUserSessions(trx: TenantTransaction, userId: string): Promise<void> {
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function deleteExpiredSessions(trx: TenantTransaction, now: Date): Promise<number> {
  const result = await trx
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<", now), eb("idle_expires_at", "<", now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
