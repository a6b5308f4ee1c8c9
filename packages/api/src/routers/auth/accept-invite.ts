import { appendAudit, findTenantBySlug, findUserByInviteHash, updateUser, withTenant } from "@steward/db";
import { z } from "zod";
import { checkPasswordStrength, hashPassword } from "../../auth/passwords.ts";
import { hashToken } from "../../auth/tokens.ts";
import { ApiError } from "../../errors.ts";
import { DomainError } from "@steward/domain";
import { publicProcedure } from "../../trpc.ts";

export const acceptInviteInput = z.strictObject({
  tenant: z.string().min(1).max(100),
  token: z.string().min(20).max(200),
  password: z.string().max(256),
});

/** Sets the password of an invited user from their invitation link; they then sign in. */
export const acceptInvite = publicProcedure
  .input(acceptInviteInput)
  .output(z.object({ email: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const weak = checkPasswordStrength(input.password);
    if (weak) throw new DomainError("invalid", weak, "/password");
    const tenant = await findTenantBySlug(ctx.database.db, input.tenant);
    const expired = new ApiError("unauthenticated", "This invitation link is not valid or has expired: ask your administrator for a new one.");
    if (!tenant) throw expired;
    const now = ctx.now();
    const passwordHash = await hashPassword(input.password);
    return withTenant(ctx.database.db, tenant.id, async (trx) => {
      const user = await findUserByInviteHash(trx, hashToken(input.token));
      if (!user || user.status !== "invited" || !user.invite_expires_at || user.invite_expires_at < now) throw expired;
      await updateUser(trx, user.id, { passwordHash, status: "active", inviteTokenHash: null, inviteExpiresAt: null });
      await appendAudit(trx, tenant.id, { actorId: user.id, actorLabel: user.display_name, action: "invitation-accepted", subjectType: "User", subjectId: user.id });
      return { email: user.email };
    });
  });
