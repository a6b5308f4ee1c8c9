import { sql, type Kysely } from "kysely";

import type { Database } from "./schema.ts";
import { withSystem, type TenantTransaction } from "./tenant.ts";

/**
 * Failed sign-ins, counted per (email, address): an attacker from one address
 * uses up only that address's attempts at an account, never the real user's,
 * and an email with no account is counted exactly like one with an account.
 */
export interface SignInThrottleRules {
  /** Failures within the window that block further attempts... */
  maxFailures: number;
  /** ...for this long; also the window failures are counted in. */
  blockMs: number;
}

const key = (email: string) => email.trim().toLowerCase();

/** When (email, address) may try again, or undefined when it may try now. */
export async function findSignInBlock(
  trx: TenantTransaction,
  email: string,
  address: string,
  now: Date,
): Promise<Date | undefined> {
  const row = await trx
    .selectFrom("sign_in_throttle")
    .select("blocked_until")
    .where("email", "=", key(email))
    .where("address", "=", address)
    .executeTakeFirst();
  return row?.blocked_until && row.blocked_until > now ? row.blocked_until : undefined;
}

/** Counts a failed sign-in; returns when the pair may try again if this failure used up its attempts. */
export async function recordSignInFailure(
  trx: TenantTransaction,
  tenantId: string,
  email: string,
  address: string,
  now: Date,
  rules: SignInThrottleRules,
): Promise<Date | undefined> {
  const windowStart = new Date(now.getTime() - rules.blockMs);
  // Forget pairs whose window and block have both passed, so the table stays small.
  await trx
    .deleteFrom("sign_in_throttle")
    .where("window_started_at", "<", windowStart)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<", now)]))
    .execute();
  const expired = sql<boolean>`sign_in_throttle.window_started_at < ${windowStart}`;
  const row = await trx
    .insertInto("sign_in_throttle")
    .values({
      tenant_id: tenantId,
      email: key(email),
      address,
      failures: 1,
      window_started_at: now,
      blocked_until: null,
    })
    .onConflict((oc) =>
      oc.columns(["tenant_id", "email", "address"]).doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else sign_in_throttle.failures + 1 end`,
        window_started_at: sql<Date>`case when ${expired} then ${now} else sign_in_throttle.window_started_at end`,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  if (row.failures < rules.maxFailures) return undefined;
  const blockedUntil = new Date(now.getTime() + rules.blockMs);
  await trx
    .updateTable("sign_in_throttle")
    .set({ failures: 0, window_started_at: now, blocked_until: blockedUntil })
    .where("email", "=", key(email))
    .where("address", "=", address)
    .execute();
  return blockedUntil;
}

/** A successful sign-in forgets the pair's failures. */
export async function clearSignInFailures(trx: TenantTransaction, email: string, address: string): Promise<void> {
  await trx.deleteFrom("sign_in_throttle").where("email", "=", key(email)).where("address", "=", address).execute();
}

/** The emails whose sign-ins are held back now from at least one address (for the users page). */
export async function listHeldBackEmails(trx: TenantTransaction, now: Date): Promise<Set<string>> {
  const rows = await trx
    .selectFrom("sign_in_throttle")
    .select("email")
    .distinct()
    .where("blocked_until", ">", now)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** Lets an email sign in again from every address (an administrator's "unlock"). */
export async function clearSignInFailuresForEmail(trx: TenantTransaction, email: string): Promise<void> {
  await trx.deleteFrom("sign_in_throttle").where("email", "=", key(email)).execute();
}

/**
 * Counts one attempt from `address` at an unauthenticated door, in a fixed window of `windowMs` that
 * opens at the address's first attempt; returns the attempts counted in the window so far and when it
 * ends. One statement, so concurrent attempts from several server processes are all counted. Ended
 * windows are forgotten whenever a new window opens, so the table holds only recent addresses.
 */
export async function countAddressAttempt(
  db: Kysely<Database>,
  address: string,
  now: Date,
  windowMs: number,
): Promise<{ attempts: number; windowEndsAt: Date }> {
  const windowStart = new Date(now.getTime() - windowMs);
  const ended = sql<boolean>`address_attempts.window_started_at <= ${windowStart}`;
  return withSystem(db, async (trx) => {
    const row = await trx
      .insertInto("address_attempts")
      .values({ address, attempts: 1, window_started_at: now })
      .onConflict((oc) =>
        oc.column("address").doUpdateSet({
          attempts: sql<number>`case when ${ended} then 1 else address_attempts.attempts + 1 end`,
          window_started_at: sql<Date>`case when ${ended} then ${now} else address_attempts.window_started_at end`,
        }),
      )
      .returning(["attempts", "window_started_at"])
      .executeTakeFirstOrThrow();
    if (row.attempts === 1)
      await trx.deleteFrom("address_attempts").where("window_started_at", "<=", windowStart).execute();
    return { attempts: row.attempts, windowEndsAt: new Date(row.window_started_at.getTime() + windowMs) };
  });
}
