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
  type TenantTransaction,
} from "@steward/db";

import { getDummyHash, verifyPassword } from "../../auth/passwords.ts";
import { takeAddressAttempt } from "../../auth/rate-limiter.ts";
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_POLICY } from "../../auth/session-policy.ts";
import { createToken, hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../errors.ts";
import { readSignInSettings } from "../../services/sign-in-settings.ts";
import { publicProcedure } from "../../trpc.ts";

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

const signInOutput = z.object({ signedIn: z.literal(true), csrfToken: z.string() });

/** What the first transaction finds: a refusal (the pair is held back) or the account, if any, to check the password of. */
type SignInCandidate = { error: ApiError } | { user: Awaited<ReturnType<typeof findUserByEmail>> };

/** A sign-in's result inside its transaction: the refusal to answer with, or the new session's cookie and CSRF token. */
type SignInOutcome = { error: ApiError } | { cookie: string; csrfToken: string; userId: string };

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
 * The first of sign-in's two short transactions: refused when the authority has switched passwords off or the
 * (email, address) pair is held back; otherwise the account the email names, if any.
 */
async function findCandidate(
  trx: TenantTransaction,
  authority: string,
  email: string,
  address: string,
  now: Date,
): Promise<SignInCandidate> {
  if (!(await readSignInSettings(trx)).passwordsEnabled)
    return {
      error: new ApiError(
        "unauthenticated",
        `${authority} does not use passwords: sign in with its identity provider, using the button on this page.`,
      ),
    };
  const blocked = await findSignInBlock(trx, email, address, now);
  return blocked ? { error: heldBack(blocked, now) } : { user: await findUserByEmail(trx, email) };
}

/**
 * Email and password sign-in. Starts a server-side session (its token only in
 * an HttpOnly cookie; its SHA-256 in the database) and gives the page its CSRF
 * token. Failures are counted per (email, address) in the database: five in a
 * row hold that pair back for fifteen minutes, whether or not the email has an
 * account, so nobody can lock the real user out from another address and the
 * answers never tell whether an account exists. Each address also has a budget
 * of attempts per minute. An authority that has switched passwords off refuses
 * every password sign-in (its people sign in with its identity provider).
 */
export const signIn = publicProcedure
  .input(signInInput)
  .output(signInOutput)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const address = await takeAddressAttempt(ctx, now);
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    if (!tenant) throw new ApiError("unauthenticated", WRONG);
    ctx.request?.identify?.({ tenantId: tenant.id });
    const found = await withTenant(ctx.database.db, tenant.id, (trx) =>
      findCandidate(trx, tenant.name, input.email, address, now),
    );
    if ("error" in found) throw found.error;
    const { user } = found;
    const usable =
      user?.password_hash && user.status === "active" ? { ...user, password_hash: user.password_hash } : undefined;
    // argon2 takes tens of milliseconds of a worker thread: it runs between the two transactions, holding no
    // connection (the embedded database has one). An unknown email takes as long as a wrong password.
    const verified = usable
      ? await verifyPassword(usable.password_hash, input.password)
      : (await verifyPassword(await getDummyHash(), input.password), false);
    const outcome = await withTenant(ctx.database.db, tenant.id, async (trx): Promise<SignInOutcome> => {
      if (!usable || !verified) {
        const heldUntil = await recordSignInFailure(trx, tenant.id, input.email, address, now, {
          maxFailures: SESSION_POLICY.maxFailures,
          blockMs: SESSION_POLICY.lockMs,
        });
        if (user)
          await appendAudit(trx, tenant.id, {
            actorId: user.id,
            actorLabel: user.display_name,
            action: heldUntil ? "sign-in-held-back" : "sign-in-failed",
            subjectType: "User",
            subjectId: user.id,
            detail: { address },
          });
        return { error: heldUntil ? heldBack(heldUntil, now) : new ApiError("unauthenticated", WRONG) };
      }
      // While the password was checked, other attempts may have held the pair back, or the account may have been
      // disabled or its password changed: the session is started only if all still stands.
      const blocked = await findSignInBlock(trx, input.email, address, now);
      if (blocked) return { error: heldBack(blocked, now) };
      const current = await findUserByEmail(trx, input.email);
      if (current?.id !== usable.id || current.status !== "active" || current.password_hash !== usable.password_hash)
        return { error: new ApiError("unauthenticated", WRONG) };
      const token = createToken();
      const csrfToken = createToken();
      await insertSession(trx, tenant.id, {
        id: hashToken(token),
        userId: usable.id,
        csrfToken,
        authMethod: "password",
        idleExpiresAt: new Date(now.getTime() + SESSION_POLICY.idleMs),
        expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteMs),
        userAgent: ctx.request?.userAgent?.slice(0, 300) ?? null,
        now,
      });
      await clearSignInFailures(trx, input.email, address);
      await updateUser(trx, usable.id, { lastSignInAt: now });
      await appendAudit(trx, tenant.id, {
        actorId: usable.id,
        actorLabel: usable.display_name,
        action: "signed-in",
        subjectType: "User",
        subjectId: usable.id,
        detail: { address },
      });
      return { cookie: `${tenant.id}.${token}`, csrfToken, userId: usable.id };
    });
    // Failures are answered after their count has been committed.
    if ("error" in outcome) throw outcome.error;
    ctx.request?.identify?.({ tenantId: tenant.id, userId: outcome.userId });
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
