/**
 * The tRPC set-up, in the order a request meets it:
 *
 * 1. CONTEXT: what every procedure can reach. `createContextInner` builds it
 *    from plain values (no HTTP), so tests and the CLI call procedures through
 *    `createCaller(createContextInner(...))`; the server's adapter passes the
 *    request's cookies and headers in as a `RequestInfo`.
 * 2. INITIALISATION: one tRPC instance. Every error leaves as a stable code, a
 *    sentence and (where it is one field) a JSON pointer; internals are logged,
 *    never sent.
 * 3. PROCEDURES, a ladder:
 *    - `publicProcedure`: no session needed (health, the authorities, sign-in);
 *    - `sessionProcedure`: reads the session cookie and opens ONE transaction
 *      confined to the session's tenant (row-level security); the session may be absent;
 *    - `authedProcedure`: a live session is required, and mutations must carry
 *      the session's CSRF token;
 *    - `tenantProcedure`: adds the tenant's published policy and the user's
 *      CASL ability built from its roles. Nearly every procedure uses this.
 *    - `steppedTenantProcedure`: the same checks, in a transaction of their
 *      own; the resolver commits its work in steps (publishing a version).
 */
import { initTRPC } from "@trpc/server";

import {
  findSessionWithUser,
  isUuid,
  touchSession,
  withTenant,
  type StewardDatabase,
  type TenantTransaction,
  type User,
} from "@steward/db";
import { DomainError, type PolicyAbility, type RoleGrant } from "@steward/domain";

import { DatabaseRateLimiter, type AttemptLimiter } from "./auth/rate-limiter.ts";
import { CSRF_HEADER, SESSION_COOKIE, SESSION_POLICY } from "./auth/session-policy.ts";
import { hashToken } from "./auth/tokens.ts";
import { ApiError, StewardTRPCError, toClientError } from "./errors.ts";
import { findUnstorableText } from "./input-guard.ts";
import { abilityOf } from "./services/abilities.ts";
import { recordProcedureCall } from "./services/metrics.ts";
import { loadPublishedPolicy, type LoadedPolicy } from "./services/policies.ts";

// 1. CONTEXT

export interface CookieOptions {
  httpOnly: boolean;
  maxAgeSeconds?: number;
}

/** What the API needs of an HTTP request, and how it answers with cookies. */
export interface RequestInfo {
  ip: string;
  userAgent: string | null;
  cookies: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  setCookie(name: string, value: string, options: CookieOptions): void;
  clearCookie(name: string): void;
  /** Tells the host whose request this is, once known (its log lines carry the ids: never a name or an email). */
  identify?(who: { tenantId: string; userId?: string | undefined }): void;
}

interface Logger {
  error(message: string, detail?: unknown): void;
  info?(message: string, detail?: unknown): void;
}

export interface ContextOptions {
  database: StewardDatabase;
  /** The running build's version, as reported by `health`. */
  appVersion: string;
  request?: RequestInfo | undefined;
  /** The clock (tests move it on). */
  now?: () => Date;
  logger?: Logger;
  /** Shared across requests: sign-in attempts per address (default: counted in the database, shared by every process). */
  signInLimiter?: AttemptLimiter;
  /** Where people reach Steward (STEWARD_PUBLIC_URL), for links in emails; default http://localhost:3000. */
  publicUrl?: string | undefined;
}

export interface Context {
  database: StewardDatabase;
  appVersion: string;
  request: RequestInfo | undefined;
  now: () => Date;
  logger: Logger;
  signInLimiter: AttemptLimiter;
  publicUrl: string;
}

const consoleLogger: Logger = { error: (message, detail) => console.error(message, detail) };

export function createContextInner(options: ContextOptions): Context {
  return {
    database: options.database,
    appVersion: options.appVersion,
    request: options.request,
    now: options.now ?? (() => new Date()),
    logger: options.logger ?? consoleLogger,
    publicUrl: (options.publicUrl ?? "http://localhost:3000").replace(/\/+$/, ""),
    signInLimiter:
      options.signInLimiter ??
      new DatabaseRateLimiter(options.database, SESSION_POLICY.attemptsPerAddress, SESSION_POLICY.attemptWindowMs),
  };
}

// 2. INITIALISATION

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const steward = error instanceof StewardTRPCError ? error : undefined;
    return {
      ...shape,
      message:
        error.code === "INTERNAL_SERVER_ERROR" && !steward
          ? "Something went wrong on our side. Try again, and tell support if it keeps happening."
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        stewardCode: steward?.stewardCode ?? (error.code === "BAD_REQUEST" ? "invalid" : undefined),
        pointer: steward?.pointer,
        // Input validation (zod): each problem with its place.
        issues:
          error.code === "BAD_REQUEST" && !steward && error.cause && "issues" in error.cause
            ? (error.cause as { issues: { path: PropertyKey[]; message: string }[] }).issues.map((i) => ({
                pointer: `/${i.path.map(String).join("/")}`,
                message: i.message,
              }))
            : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every error leaves through one map; internals are logged with their cause. */
const errorBoundary = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const seconds = (performance.now() - started) / 1000;
  if (result.ok) {
    recordProcedureCall(path, type, undefined, seconds);
    return result;
  }
  const error = toClientError(result.error);
  recordProcedureCall(path, type, error.code, seconds);
  if (error.code === "INTERNAL_SERVER_ERROR")
    ctx.logger.error(`procedure ${path} failed`, result.error.cause ?? result.error);
  throw error;
});

// 3. PROCEDURES

/**
 * Every procedure's input, before its schema: text holding a NUL character or
 * half of a surrogate pair is refused, naming the field.
 */
const unstorableTextGuard = t.middleware(async ({ next, getRawInput }) => {
  const pointer = findUnstorableText(await getRawInput());
  if (pointer)
    throw new DomainError(
      "invalid",
      `${pointer === "/" ? "The input" : `The value at ${pointer}`} contains a character that cannot be stored (a NUL character or half of a surrogate pair): remove it and try again.`,
      pointer,
    );
  return next();
});

export const publicProcedure = t.procedure.use(errorBoundary).use(unstorableTextGuard);

/** The signed-in user as procedures see them. */
interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  grants: RoleGrant[];
}

export interface SessionInfo {
  id: string;
  tenantId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Work to run once the request's transaction has committed (refreshing statistics after a bulk import). */
type AfterCommit = (task: () => Promise<void>) => void;

interface SessionContext {
  trx: TenantTransaction | undefined;
  /**
   * Queues work for after the request's transaction commits: work that must not
   * run inside it (ANALYZE sees only committed rows and needs the table owner,
   * not steward_app). Skipped when the procedure fails; a failing task is logged,
   * never turned into the request's error, as the request's own work is done.
   */
  afterCommit: AfterCommit;
  tenantId: string | undefined;
  session: SessionInfo | undefined;
  user: SessionUser | undefined;
}

/**
 * The session cookie holds `<tenant id>.<token>`: the tenant says which rows the
 * lookup may reach. Anything that is not exactly a UUID, a dot and a token (too
 * long, wrong characters, a tenant id that is no UUID) is no session at all.
 */
function readSessionCookie(request: RequestInfo | undefined): { tenantId: string; token: string } | undefined {
  const value = request?.cookies[SESSION_COOKIE];
  if (typeof value !== "string" || value.length > 200) return undefined;
  const parts = /^(?<tenantId>[^.]+)\.(?<token>[A-Za-z0-9_-]{20,100})$/.exec(value)?.groups;
  if (!parts?.tenantId || !parts.token || !isUuid(parts.tenantId)) return undefined;
  return { tenantId: parts.tenantId.toLowerCase(), token: parts.token };
}

/** The signed-in user as procedures see them, from their row. */
const toSessionUser = (user: User): SessionUser => ({
  id: user.id,
  email: user.email,
  displayName: user.display_name,
  grants: user.grants,
});

async function loadSession(
  trx: TenantTransaction,
  token: string,
  now: Date,
): Promise<{ session: SessionInfo; user: User } | undefined> {
  const found = await findSessionWithUser(trx, hashToken(token));
  if (!found) return undefined;
  const { session, user } = found;
  if (session.expires_at <= now || session.idle_expires_at <= now) return undefined;
  if (user.status !== "active") return undefined;
  if (now.getTime() - session.last_seen_at.getTime() > SESSION_POLICY.touchEveryMs) {
    await touchSession(
      trx,
      session.id,
      now,
      new Date(Math.min(now.getTime() + SESSION_POLICY.idleMs, session.expires_at.getTime())),
    );
  }
  return {
    session: {
      id: session.id,
      tenantId: session.tenant_id,
      csrfToken: session.csrf_token,
      createdAt: session.created_at,
      expiresAt: session.expires_at,
    },
    user,
  };
}

/**
 * Opens the request's one tenant-scoped transaction (when there is a session
 * cookie) and loads the session into it. A failed procedure rolls the whole
 * transaction back: nothing it wrote stays.
 */
export const sessionProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const cookie = readSessionCookie(ctx.request);
  const tasks: (() => Promise<void>)[] = [];
  const afterCommit: AfterCommit = (task) => tasks.push(task);
  if (!cookie) {
    const none: SessionContext = {
      trx: undefined,
      afterCommit,
      tenantId: undefined,
      session: undefined,
      user: undefined,
    };
    const result = await next({ ctx: none });
    if (result.ok) await runAfterCommit(tasks, ctx.logger);
    return result;
  }
  let outcome: Awaited<ReturnType<typeof next>> | undefined;
  try {
    await withTenant(ctx.database.db, cookie.tenantId, async (trx) => {
      const loaded = await loadSession(trx, cookie.token, ctx.now());
      const user = loaded && toSessionUser(loaded.user);
      if (loaded) ctx.request?.identify?.({ tenantId: cookie.tenantId, userId: loaded.user.id });
      const session: SessionContext = { trx, afterCommit, tenantId: cookie.tenantId, session: loaded?.session, user };
      outcome = await next({ ctx: session });
      // Roll back when the procedure failed.
      if (!outcome.ok) throw outcome.error;
    });
  } catch (error) {
    if (outcome && !outcome.ok) return outcome;
    throw error;
  }
  if (!outcome) throw new Error("The session's transaction ended without running the procedure.");
  await runAfterCommit(tasks, ctx.logger);
  return outcome;
});

/** Runs the work queued for after commit, in order; a failure is logged and the rest still run. */
async function runAfterCommit(tasks: readonly (() => Promise<void>)[], logger: Logger): Promise<void> {
  for (const task of tasks) {
    try {
      await task();
    } catch (error) {
      logger.error("work after the request's commit failed", error);
    }
  }
}

const unauthenticated = () => new ApiError("unauthenticated", "Your session has ended: sign in again.");

/** A mutation must carry the session's CSRF token in its header. */
function assertCsrf(type: string, request: RequestInfo | undefined, session: SessionInfo): void {
  if (type !== "mutation") return;
  const header = request?.headers[CSRF_HEADER];
  if (!header || header !== session.csrfToken)
    throw new ApiError("csrf", "This request did not come from a Steward page: reload the page and try again.");
}

/** The tenant's version in force; refused while it has none. */
function requirePublished(policy: LoadedPolicy | undefined): LoadedPolicy {
  if (!policy)
    throw new ApiError(
      "unauthenticated",
      "Your authority has no published policy yet: ask your operator to publish one.",
    );
  return policy;
}

export const authedProcedure = sessionProcedure.use(async ({ ctx, next, type }) => {
  if (!ctx.session || !ctx.user || !ctx.trx || !ctx.tenantId) throw unauthenticated();
  assertCsrf(type, ctx.request, ctx.session);
  return next({ ctx: { trx: ctx.trx, tenantId: ctx.tenantId, session: ctx.session, user: ctx.user } });
});

export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const policy = requirePublished(await loadPublishedPolicy(ctx.trx));
  return next({
    ctx: { policy, ability: abilityOf(policy, { id: ctx.user.id, tenantId: ctx.tenantId, grants: ctx.user.grants }) },
  });
});

/**
 * A tenant procedure for work too long for one transaction (publishing a version, which moves every open case):
 * the session, the CSRF token, the published policy and the ability are checked as `tenantProcedure` checks
 * them, in a short transaction of their own that has ended before the resolver runs; the resolver opens its own
 * transactions (`withTenant` on `ctx.database.db`) and commits in steps. There is no `ctx.trx`.
 */
export const steppedTenantProcedure = publicProcedure.use(async ({ ctx, next, type }) => {
  const cookie = readSessionCookie(ctx.request);
  if (!cookie) throw unauthenticated();
  const loaded = await withTenant(ctx.database.db, cookie.tenantId, async (trx) => {
    const found = await loadSession(trx, cookie.token, ctx.now());
    return found && { ...found, policy: await loadPublishedPolicy(trx) };
  });
  if (!loaded) throw unauthenticated();
  assertCsrf(type, ctx.request, loaded.session);
  const policy = requirePublished(loaded.policy);
  const user = toSessionUser(loaded.user);
  return next({
    ctx: {
      tenantId: cookie.tenantId,
      session: loaded.session,
      user,
      policy,
      ability: abilityOf(policy, { id: user.id, tenantId: cookie.tenantId, grants: user.grants }),
    },
  });
});

export type TenantContext = Context & {
  trx: TenantTransaction;
  tenantId: string;
  session: SessionInfo;
  user: SessionUser;
  policy: LoadedPolicy;
  ability: PolicyAbility;
};
