import { z } from "zod";

import {
  appendAudit,
  clearSignInFailures,
  findSignInBlock,
  findTenantBySlug,
  findUserByEmail,
  insertSession,
  recordSignInFailure,
  updateUser,
  withTenant,
} from "@steward/db";

import { getDummyHash, verifyPassword } from "../../auth/passwords.ts";
import { takeAddressAttempt } from "../../auth/rate-limiter.ts";
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_POLICY } from "../../auth/session-policy.ts";
import { createToken, hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../errors.ts";
import { publicProcedure, type Context } from "../../trpc.ts";

const signInInput = z.strictObject({
  tenant: z.string().min(1, "Choose your authority").max(100),
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(320)
    .email("Enter an email address in the correct format, like name@example.com"),
  password: z.string().min(1, "Enter your password").max(256),
});

type SignInInput = z.infer<typeof signInInput>;

const signInOutput = z.object({ signedIn: z.literal(true), csrfToken: z.string() });

const WRONG = "The email address or password is not right. Check them and try again.";

/** The answer while an (email, address) pair is held back: the same whether or not the email has an account. */
function heldBack(until: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new ApiError(
    "rate-limited",
    `Too many failed sign-ins with this email address. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

/**
 * Email and password sign-in. Starts a server-side session (its token only in
 * an HttpOnly cookie; its SHA-256 in the database) and gives the page its CSRF
 * token. Failures are counted per (email, address) in the database: five in a
 * row hold that pair back for fifteen minutes, whether or not the email has an
 * account, so nobody can lock the real user out from another address and the
 * answers never tell whether an account exists. Each address also has a budget
 * of attempts per minute.
 */
/** The account an email names, read before the password is checked: usable only when active with a password. */
type Candidate = { user: Awaited<ReturnType<typeof findUserByEmail>>; blocked: Date | undefined };

/** What a sign-in needs to know before checking the password: whether the pair is held back, and the account. */
function readCandidate(ctx: Context, tenantId: string, email: string, address: string, now: Date) {
  return withTenant(ctx.database.db, tenantId, async (trx): Promise<Candidate> => {
    const blocked = await findSignInBlock(trx, email, address, now);
    return { blocked, user: blocked ? undefined : await findUserByEmail(trx, email) };
  });
}

/** Counts the failure (and audits it when the email has an account); the refusal to answer with. */
function recordFailure(ctx: Context, tenantId: string, input: SignInInput, address: string, candidate: Candidate) {
  const now = ctx.now();
  return withTenant(ctx.database.db, tenantId, async (trx) => {
    const heldUntil = await recordSignInFailure(trx, tenantId, input.email, address, now, {
      maxFailures: SESSION_POLICY.maxFailures,
      blockMs: SESSION_POLICY.lockMs,
    });
    const { user } = candidate;
    if (user)
      await appendAudit(trx, tenantId, {
        actorId: user.id,
        actorLabel: user.display_name,
        action: heldUntil ? "sign-in-held-back" : "sign-in-failed",
        subjectType: "User",
        subjectId: user.id,
        detail: { address },
      });
    return heldUntil ? heldBack(heldUntil, now) : new ApiError("unauthenticated", WRONG);
  });
}

/** Starts the session, forgets the pair's failures and audits the sign-in; the cookie value and CSRF token. */
function startSession(
  ctx: Context,
  tenantId: string,
  input: SignInInput,
  address: string,
  user: { id: string; display_name: string },
) {
  const now = ctx.now();
  return withTenant(ctx.database.db, tenantId, async (trx) => {
    const token = createToken();
    const csrfToken = createToken();
    await insertSession(trx, tenantId, {
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      authMethod: "password",
      idleExpiresAt: new Date(now.getTime() + SESSION_POLICY.idleMs),
      expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteMs),
      userAgent: ctx.request?.userAgent?.slice(0, 300) ?? null,
      now,
    });
    await clearSignInFailures(trx, input.email, address);
    await updateUser(trx, user.id, { lastSignInAt: now });
    await appendAudit(trx, tenantId, {
      actorId: user.id,
      actorLabel: user.display_name,
      action: "signed-in",
      subjectType: "User",
      subjectId: user.id,
      detail: { address },
    });
    return { cookie: `${tenantId}.${token}`, csrfToken };
  });
}

/**
 * Email and password sign-in. Starts a server-side session (its token only in
 * an HttpOnly cookie; its SHA-256 in the database) and gives the page its CSRF
 * token. Failures are counted per (email, address) in the database: five in a
 * row hold that pair back for fifteen minutes, whether or not the email has an
 * account, so nobody can lock the real user out from another address and the
 * answers never tell whether an account exists. Each address also has a budget
 * of attempts per minute. The password is checked (argon2, tens of milliseconds)
 * between two short transactions, never inside one: on the embedded database a
 * transaction holds the one connection every other request is waiting for.
 */
export const signIn = publicProcedure
  .input(signInInput)
  .output(signInOutput)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const address = await takeAddressAttempt(ctx, now);
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    if (!tenant) throw new ApiError("unauthenticated", WRONG);
    const candidate = await readCandidate(ctx, tenant.id, input.email, address, now);
    if (candidate.blocked) throw heldBack(candidate.blocked, now);
    const { user } = candidate;
    const usable = user?.password_hash && user.status === "active" ? user : undefined;
    // An unknown email takes as long as a wrong password.
    const verified = usable?.password_hash
      ? await verifyPassword(usable.password_hash, input.password)
      : (await verifyPassword(await getDummyHash(), input.password), false);
    // Failures are answered after their count has been committed.
    if (!usable || !verified) throw await recordFailure(ctx, tenant.id, input, address, candidate);
    const outcome = await startSession(ctx, tenant.id, input, address, usable);
    ctx.request?.setCookie(SESSION_COOKIE, outcome.cookie, {
      httpOnly: true,
      maxAgeSeconds: SESSION_POLICY.absoluteMs / 1000,
    });
    ctx.request?.setCookie(CSRF_COOKIE, outcome.csrfToken, {
      httpOnly: false,
      maxAgeSeconds: SESSION_POLICY.absoluteMs / 1000,
    });
    return { signedIn: true as const, csrfToken: outcome.csrfToken };
  });
