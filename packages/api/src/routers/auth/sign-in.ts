import { findTenantBySlug, findUserByEmail, insertSession, updateUser, withTenant, appendAudit } from "@steward/db";
import { z } from "zod";
import { getDummyHash, verifyPassword } from "../../auth/passwords.ts";
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_POLICY } from "../../auth/session-policy.ts";
import { createToken, hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../errors.ts";
import { publicProcedure } from "../../trpc.ts";

export const signInInput = z.strictObject({
  tenant: z.string().min(1, "Choose your authority").max(100),
  email: z.string().trim().min(1, "Enter your email address").max(320).email("Enter an email address in the correct format, like name@example.com"),
  password: z.string().min(1, "Enter your password").max(256),
});

export const signInOutput = z.object({ signedIn: z.literal(true), csrfToken: z.string() });

const WRONG = "The email address or password is not right. Check them and try again.";

/**
 * Email and password sign-in. Starts a server-side session (its token only in
 * an HttpOnly cookie; its SHA-256 in the database) and gives the page its CSRF
 * token. Failures are counted: five in a row lock the account for a while, and
 * each address has a budget of attempts per minute.
 */
export const signIn = publicProcedure
  .input(signInInput)
  .output(signInOutput)
  .mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const address = ctx.request?.ip ?? "local";
    if (!ctx.signInLimiter.take(`ip:${address}`, now.getTime())) {
      throw new ApiError("rate-limited", `Too many sign-in attempts. Wait ${ctx.signInLimiter.retryAfter(`ip:${address}`, now.getTime())} seconds and try again.`);
    }
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    if (!tenant) throw new ApiError("unauthenticated", WRONG);
    const outcome = await withTenant(ctx.database.db, tenant.id, async (trx) => {
      const user = await findUserByEmail(trx, input.email);
      if (!user || !user.password_hash || user.status !== "active") {
        await verifyPassword(await getDummyHash(), input.password);
        return { error: new ApiError("unauthenticated", WRONG) };
      }
      if (user.locked_until && user.locked_until > now) {
        const minutes = Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000);
        return { error: new ApiError("locked", `This account is locked after too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or ask your administrator.`) };
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        const failures = user.failed_sign_ins + 1;
        const lock = failures >= SESSION_POLICY.maxFailures;
        await updateUser(trx, user.id, { failedSignIns: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + SESSION_POLICY.lockMs) : null });
        await appendAudit(trx, tenant.id, { actorId: user.id, actorLabel: user.display_name, action: lock ? "account-locked" : "sign-in-failed", subjectType: "User", subjectId: user.id, detail: { address } });
        return {
          error: lock
            ? new ApiError("locked", `This account is locked after ${SESSION_POLICY.maxFailures} failed sign-ins. Try again in ${SESSION_POLICY.lockMs / 60_000} minutes, or ask your administrator.`)
            : new ApiError("unauthenticated", WRONG),
        };
      }
      const token = createToken();
      const csrfToken = createToken();
      await insertSession(trx, tenant.id, {
        id: hashToken(token),
        userId: user.id,
        csrfToken,
        authMethod: "password",
        idleExpiresAt: new Date(now.getTime() + SESSION_POLICY.idleMs),
        expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteMs),
        userAgent: ctx.request?.userAgent?.slice(0, 300) ?? null,
        now,
      });
      await updateUser(trx, user.id, { failedSignIns: 0, lockedUntil: null, lastSignInAt: now });
      await appendAudit(trx, tenant.id, { actorId: user.id, actorLabel: user.display_name, action: "signed-in", subjectType: "User", subjectId: user.id, detail: { address } });
      return { cookie: `${tenant.id}.${token}`, csrfToken };
    });
    // Failures are answered after their count has been committed.
    if ("error" in outcome) throw outcome.error;
    ctx.request?.setCookie(SESSION_COOKIE, outcome.cookie, { httpOnly: true, maxAgeSeconds: SESSION_POLICY.absoluteMs / 1000 });
    ctx.request?.setCookie(CSRF_COOKIE, outcome.csrfToken, { httpOnly: false, maxAgeSeconds: SESSION_POLICY.absoluteMs / 1000 });
    return { signedIn: true as const, csrfToken: outcome.csrfToken };
  });
