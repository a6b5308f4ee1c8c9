import { countAddressAttempt, type StewardDatabase } from "@steward/db";

import { ApiError } from "../errors.ts";

/**
 * Counts attempts per key in fixed windows: a key's window opens at its first attempt and lasts
 * `windowMs`; within it the first `limit` attempts pass and later ones are refused until it ends.
 * It is a coarse flood guard (see `takeAddressAttempt`): failed sign-ins per (email, address), which
 * decide who is held back, are counted in the database's sign_in_throttle table.
 */
export interface AttemptLimiter {
  /** Counts an attempt; the whole seconds until the key may try again when it has used up its window, else 0. */
  take(key: string, now: Date): Promise<number>;
}

/**
 * The limiter the server uses: counts kept in the database (address_attempts), so that every server
 * process (WORKERS) counts against one budget per address and a restart forgets nothing.
 */
export class DatabaseRateLimiter implements AttemptLimiter {
  constructor(
    readonly database: StewardDatabase,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  async take(key: string, now: Date): Promise<number> {
    const { attempts, windowEndsAt } = await countAddressAttempt(this.database.db, key, now, this.windowMs);
    if (attempts <= this.limit) return 0;
    return Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000));
  }
}

/**
 * The same counts kept in memory, for tests that set their own budget: one process's counts only;
 * ended windows are dropped once more than 10,000 keys are held.
 */
export class RateLimiter implements AttemptLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  take(key: string, at: Date): Promise<number> {
    const now = at.getTime();
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.#hits.size > 10_000) this.#sweep(now);
      return Promise.resolve(0);
    }
    entry.count += 1;
    return Promise.resolve(entry.count <= this.limit ? 0 : Math.max(1, Math.ceil((entry.resetAt - now) / 1000)));
  }

  #sweep(now: number) {
    for (const [key, entry] of this.#hits) if (entry.resetAt <= now) this.#hits.delete(key);
  }
}

/**
 * Counts one attempt at an unauthenticated door (sign-in, invitations: one
 * budget for both, whichever authority is named) against the request's address
 * (`local` without an HTTP request); throws "rate-limited" when the address has
 * used up its window (SESSION_POLICY: 20 attempts a minute). Returns the address.
 */
export async function takeAddressAttempt(
  ctx: { request?: { ip: string } | undefined; signInLimiter: AttemptLimiter },
  now: Date,
): Promise<string> {
  const address = ctx.request?.ip ?? "local";
  const waitSeconds = await ctx.signInLimiter.take(`ip:${address}`, now);
  if (waitSeconds > 0) {
    throw new ApiError("rate-limited", `Too many attempts. Wait ${waitSeconds} seconds and try again.`);
  }
  return address;
}
