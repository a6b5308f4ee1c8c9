import { z } from "zod";

import { acceptInvitation, appendAudit, findTenantBySlug, findUserByInviteHash, withTenant } from "@steward/db";
import { DomainError } from "@steward/domain";

import { checkPasswordStrength, hashPassword } from "../../auth/passwords.ts";
import { takeAddressAttempt } from "../../auth/rate-limiter.ts";
import { hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../errors.ts";
import { publicProcedure } from "../../trpc.ts";

const acceptInviteInput = z.strictObject({
  tenant: z.string().min(1).max(100),
  token: z.string().min(20).max(200),
  password: z.string().max(256),
});

/**
 * Sets the password of an invited user from their invitation link; they then
 * sign in. Attempts count against the address's budget, and the token is
 * checked before any time is spent hashing the new password.
 */
export const acceptInvite = publicProcedure
  .input(acceptInviteInput)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    await takeAddressAttempt(ctx, now);
    const weak = checkPasswordStrength(input.password);
    if (weak) throw new DomainError("invalid", weak, "/password");
    const expired = new ApiError(
      "unauthenticated",
      "This invitation link is not valid or has expired: ask your administrator for a new one.",
    );
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    if (!tenant) throw expired;
    const tokenHash = hashToken(input.token);
    const invited = await withTenant(ctx.database.db, tenant.id, async (trx) => {
      const user = await findUserByInviteHash(trx, tokenHash);
      return user && user.status === "invited" && user.invite_expires_at && user.invite_expires_at >= now
        ? user
        : undefined;
    });
    if (!invited) throw expired;
    // Only now, with a valid token, spend argon2's time; the write below takes the token only if it is still unused.
    const passwordHash = await hashPassword(input.password);
    return withTenant(ctx.database.db, tenant.id, async (trx) => {
      const taken = await acceptInvitation(trx, { userId: invited.id, tokenHash, passwordHash, now });
      if (!taken) throw expired;
      await appendAudit(trx, tenant.id, {
        actorId: taken.id,
        actorLabel: taken.display_name,
        action: "invitation-accepted",
        subjectType: "User",
        subjectId: taken.id,
      });
      return { email: taken.email };
    });
  });
