import { z } from "zod";

import { appendAudit, findOwnTenant, findSchool, findUserByEmail, insertUser } from "@steward/db";
import { canOnEvery, DomainError } from "@steward/domain";

import { SESSION_POLICY } from "../../auth/session-policy.ts";
import { createToken, hashToken } from "../../auth/tokens.ts";
import { enqueueDirectMessage } from "../../services/notifications/enqueue.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayGrant, checkGrants, grantInput, toUser, userSchema } from "./shared.ts";

/**
 * Invites a user with their roles: an email to the invitee (through the outbox, in this transaction) carries a
 * link, valid for a week, to set their password. The inviter is told where it went, never the link; only the
 * token's hash is kept.
 */
export const inviteUser = tenantProcedure
  .input(
    z.strictObject({
      email: z.string().trim().max(320).email("Enter an email address in the correct format, like name@example.com"),
      displayName: z
        .string()
        .trim()
        .min(1, "Enter the user's name")
        .max(200, "The name must be 200 characters or fewer"),
      grants: z.array(grantInput).max(20),
    }),
  )
  .output(z.object({ user: userSchema, sentTo: z.string() }))
  .mutation(async ({ ctx, input }) => {
    if (!canOnEvery(ctx.ability, "invite", "User"))
      throw new DomainError("forbidden", "Your roles do not allow you to invite users.");
    checkGrants(ctx.policy.document, input.grants);
    assertMayGrant(
      ctx.policy.document,
      ctx.user.grants,
      input.grants.map((g) => g.role),
    );
    for (const grant of input.grants) {
      if (grant.schoolUrn !== undefined && !(await findSchool(ctx.trx, grant.schoolUrn)))
        throw new DomainError("not-found", `There is no school with URN ${grant.schoolUrn}.`, "/grants");
    }
    if (await findUserByEmail(ctx.trx, input.email))
      throw new DomainError("conflict", "A user with this email address already exists.", "/email");
    const token = createToken();
    const now = ctx.now();
    const user = await insertUser(ctx.trx, ctx.tenantId, {
      email: input.email,
      displayName: input.displayName,
      passwordHash: null,
      grants: input.grants,
      status: "invited",
      inviteTokenHash: hashToken(token),
      inviteExpiresAt: new Date(now.getTime() + SESSION_POLICY.inviteMs),
    });
    const tenant = await findOwnTenant(ctx.trx);
    const audiences = new Set(
      input.grants.map((g) => ctx.policy.document.roles.find((r) => r.key === g.role)?.audience),
    );
    const app = audiences.size === 1 && audiences.has("school") ? "portal" : "admin";
    const link = `${ctx.publicUrl}/${app}/invite?token=${encodeURIComponent(token)}&tenant=${encodeURIComponent(tenant.slug)}`;
    await enqueueDirectMessage(ctx.trx, ctx.tenantId, {
      recipientId: user.id,
      recipientEmail: user.email,
      subject: `${tenant.name}: you are invited to Steward`,
      body: `Dear ${user.display_name},\n\n${ctx.user.displayName} has invited you to use Steward for ${tenant.name}.\n\nSet your password with this link (it works once, for 7 days):\n${link}\n\nIf you did not expect this invitation, you can ignore this email.\n`,
      dedupeKey: `invitation/${user.id}/${hashToken(token).slice(0, 16)}`,
      now,
    });
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "user-invited",
      subjectType: "User",
      subjectId: user.id,
      detail: { email: user.email, grants: input.grants, invitation: "emailed to the invitee" },
    });
    return { user: toUser(user, ctx.policy.document, new Set()), sentTo: user.email };
  });
