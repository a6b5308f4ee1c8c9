import { ApiError } from "../errors.ts";

/**
 * A fixed-window counter kept in memory, per key: a key's window opens at its
 * first attempt and lasts `windowMs`; within it the first `limit` attempts
 * pass and later ones are refused until the window ends. Each server process
 * has its own counts; ended windows are dropped only once more than 10,000
 * keys are held. It is a coarse flood guard (see `takeAddressAttempt`): failed
 * sign-ins per (email, address), which decide who is held back, are counted in
 * the database instead (packages/db sign-in-throttle.queries.ts).
 */
export class RateLimiter {
  readonly #hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts an attempt; false when the key has used up its window. */
  take(key: string, now: number): boolean {
    const entry = this.#hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.#hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.#hits.size > 10_000) this.#sweep(now);
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  /** Seconds until the key may try again. */
  retryAfter(key: string, now: number): number {
    const entry = this.#hits.get(key);
    return entry ? Math.max(0, Math.ceil((entry.resetAt - now) / 1000)) : 0;
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
export function takeAddressAttempt(
  ctx: { request?: { ip: string } | undefined; signInLimiter: RateLimiter },
  now: Date,
): string {
  const address = ctx.request?.ip ?? "local";
  const key = `ip:${address}`;
  if (!ctx.signInLimiter.take(key, now.getTime())) {
    throw new ApiError(
      "rate-limited",
      `Too many attempts. Wait ${ctx.signInLimiter.retryAfter(key, now.getTime())} seconds and try again.`,
    );
  }
  return address;
}
