import { sql } from "kysely";

import { accessToSql, type AccessFilter } from "./access.ts";
import { toUser } from "./role-grants.ts";
import type { RoleGrantRow, User, UserUpdate } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** A user by email, ignoring case (email is unique per tenant, ignoring case). */
export async function findUserByEmail(trx: TenantTransaction, email: string): Promise<User | undefined> {
  const row = await trx
    .selectFrom("users")
    .selectAll()
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
  return row && toUser(row);
}

export async function findUser(trx: TenantTransaction, id: string): Promise<User | undefined> {
  const row = await trx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByInviteHash(trx: TenantTransaction, hash: string): Promise<User | undefined> {
  const row = await trx.selectFrom("users").selectAll().where("invite_token_hash", "=", hash).executeTakeFirst();
  return row && toUser(row);
}

/**
 * Sets an invited user's password and takes their invitation, only while the
 * token is still the user's and unused: one invitation sets one password.
 * Undefined when the token was taken meanwhile.
 */
export async function acceptInvitation(
  trx: TenantTransaction,
  values: { userId: string; tokenHash: string; passwordHash: string; now: Date },
): Promise<Pick<User, "id" | "email" | "display_name"> | undefined> {
  return trx
    .updateTable("users")
    .set({
      password_hash: values.passwordHash,
      status: "active",
      invite_token_hash: null,
      invite_expires_at: null,
      updated_at: values.now,
    })
    .where("id", "=", values.userId)
    .where("invite_token_hash", "=", values.tokenHash)
    .where("status", "=", "invited")
    .returning(["id", "email", "display_name"])
    .executeTakeFirst();
}

export interface NewUserValues {
  email: string;
  displayName: string;
  passwordHash: string | null;
  grants: RoleGrantRow[];
  status?: "active" | "invited";
  inviteTokenHash?: string | null;
  inviteExpiresAt?: Date | null;
}

export async function insertUser(trx: TenantTransaction, tenantId: string, user: NewUserValues): Promise<User> {
  const row = await trx
    .insertInto("users")
    .values({
      tenant_id: tenantId,
      email: user.email.trim(),
      display_name: user.displayName.trim(),
      password_hash: user.passwordHash,
      grants: JSON.stringify(user.grants),
      status: user.status ?? "active",
      invite_token_hash: user.inviteTokenHash ?? null,
      invite_expires_at: user.inviteExpiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export type UserChanges = Partial<{
  displayName: string;
  passwordHash: string | null;
  grants: RoleGrantRow[];
  status: "active" | "invited" | "disabled";
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date;
  inviteTokenHash: string | null;
  inviteExpiresAt: Date | null;
}>;

export async function updateUser(trx: TenantTransaction, id: string, changes: UserChanges): Promise<User | undefined> {
  const values: UserUpdate = { updated_at: new Date() };
  if (changes.displayName !== undefined) values.display_name = changes.displayName.trim();
  if (changes.passwordHash !== undefined) values.password_hash = changes.passwordHash;
  if (changes.grants !== undefined) values.grants = JSON.stringify(changes.grants);
  if (changes.status !== undefined) values.status = changes.status;
  if (changes.failedSignIns !== undefined) values.failed_sign_ins = changes.failedSignIns;
  if (changes.lockedUntil !== undefined) values.locked_until = changes.lockedUntil;
  if (changes.lastSignInAt !== undefined) values.last_sign_in_at = changes.lastSignInAt;
  if (changes.inviteTokenHash !== undefined) values.invite_token_hash = changes.inviteTokenHash;
  if (changes.inviteExpiresAt !== undefined) values.invite_expires_at = changes.inviteExpiresAt;
  const row = await trx.updateTable("users").set(values).where("id", "=", id).returningAll().executeTakeFirst();
  return row && toUser(row);
}

/** The users the access filter allows (`id` is the User subject's one field), by name; optionally only those holding a role for one school. */
export async function listUsers(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: { schoolUrn?: number } = {},
): Promise<User[]> {
  let query = trx
    .selectFrom("users")
    .selectAll()
    .where(accessToSql(access, { id: sql.ref("users.id") }))
    .orderBy("display_name")
    .orderBy("email");
  if (filter.schoolUrn !== undefined) {
    query = query.where("grants", "@>", JSON.stringify([{ schoolUrn: filter.schoolUrn }]));
  }
  return (await query.execute()).map(toUser);
}

/** Display names of users by id (for timelines and lists). */
export async function getUserNames(trx: TenantTransaction, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await trx.selectFrom("users").select(["id", "display_name"]).where("id", "in", unique).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
