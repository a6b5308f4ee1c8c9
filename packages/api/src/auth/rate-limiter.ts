/**
 * A fixed-window limiter kept in memory, per key (for sign-in: per address and
 * per account). One server process holds it; several processes would move it
 * to the database or a shared store.
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
