import { toUser } from "./role-grants.ts";
import type { Session, User } from "./schema.ts";
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

/** A session and its user, in one query: what every signed-in request reads first. */
export async function findSessionWithUser(
  trx: TenantTransaction,
  id: string,
): Promise<{ session: Session; user: User } | undefined> {
  const row = await trx
    .selectFrom("sessions")
    .innerJoin("users", (join) =>
      join.onRef("users.tenant_id", "=", "sessions.tenant_id").onRef("users.id", "=", "sessions.user_id"),
    )
    .selectAll("users")
    .select([
      "sessions.id as session_id",
      "sessions.tenant_id as session_tenant_id",
      "sessions.user_id as session_user_id",
      "sessions.auth_method as session_auth_method",
      "sessions.created_at as session_created_at",
      "sessions.last_seen_at as session_last_seen_at",
      "sessions.idle_expires_at as session_idle_expires_at",
      "sessions.expires_at as session_expires_at",
      "sessions.user_agent as session_user_agent",
      "sessions.csrf_token as session_csrf_token",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_id,
    session_tenant_id,
    session_user_id,
    session_auth_method,
    session_created_at,
    session_last_seen_at,
    session_idle_expires_at,
    session_expires_at,
    session_user_agent,
    session_csrf_token,
    ...user
  } = row;
  return {
    session: {
      id: session_id,
      tenant_id: session_tenant_id,
      user_id: session_user_id,
      auth_method: session_auth_method,
      created_at: session_created_at,
      last_seen_at: session_last_seen_at,
      idle_expires_at: session_idle_expires_at,
      expires_at: session_expires_at,
      user_agent: session_user_agent,
      csrf_token: session_csrf_token,
    },
    user: toUser(user),
  };
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
