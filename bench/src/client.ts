// A signed-in user of the API in this process: the same procedures, session, CSRF check and tenant transaction
// as over HTTP (createCaller), without the network. The clock is the bench's, so years of history can be made.
import { createCaller, createContextInner, CSRF_HEADER, RateLimiter, type RequestInfo } from "@steward/api";
import type { StewardDatabase } from "@steward/db";

export const BENCH_PASSWORD = "correct horse battery staple";

/** The time every in-process client sees; moved forward as the bench makes history. */
export const clock = { now: new Date() };

const limiter = new RateLimiter(1_000_000, 60_000);

export class ApiClient {
  readonly cookies: Record<string, string | undefined> = {};
  csrf: string | undefined;

  constructor(
    readonly database: StewardDatabase,
    readonly tenant: string,
    readonly email: string,
  ) {}

  get api() {
    const request: RequestInfo = {
      ip: "203.0.113.9",
      userAgent: "steward-bench",
      cookies: this.cookies,
      headers: { [CSRF_HEADER]: this.csrf },
      setCookie: (name, value) => {
        this.cookies[name] = value;
      },
      clearCookie: (name) => {
        delete this.cookies[name];
      },
    };
    return createCaller(
      createContextInner({
        database: this.database,
        appVersion: "bench",
        request,
        now: () => clock.now,
        signInLimiter: limiter,
        logger: { error: () => {} },
      }),
    );
  }

  /** Signs in (again, after the clock moved past the session's life). */
  async signIn(): Promise<this> {
    const result = await this.api.auth.signIn({ tenant: this.tenant, email: this.email, password: BENCH_PASSWORD });
    this.csrf = result.csrfToken;
    return this;
  }
}
