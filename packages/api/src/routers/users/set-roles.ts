import { z } from "zod";

import {
  appendAudit,
  clearSignInFailuresForEmail,
  deleteUserSessions,
  findUser,
  listHeldBackEmails,
  updateUser,
} from "@steward/db";
import { DomainError, userSubject } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayGrant, checkGrants, grantInput, toUser, userSchema } from "./shared.ts";

/** Changes a user's roles, or disables or re-enables them; their sessions end so the change takes effect at once. */
export const setRoles = tenantProcedure
  .input(
    z.strictObject({
      id: z.uuid(),
      grants: z.array(grantInput).max(20).optional(),
      status: z.enum(["active", "disabled"]).optional(),
      unlock: z.boolean().optional(),
    }),
  )
  .output(userSchema)
  .mutation(async ({ ctx, input }) => {
    const user = await findUser(ctx.trx, input.id);
    if (!user || !ctx.ability.ability.can("read", userSubject(user))) throw notFound("That user");
    if (!ctx.ability.ability.can("update", userSubject(user)))
      throw new DomainError("forbidden", "Your roles do not allow you to change users' roles.");
    // Whoever changes a user must be able to give every role they hold now and every role they will hold.
    assertMayGrant(ctx.policy.document, ctx.user.grants, [
      ...user.grants.map((g) => g.role),
      ...(input.grants ?? []).map((g) => g.role),
    ]);
    if (input.id === ctx.user.id && (input.status === "disabled" || input.grants))
      throw new DomainError(
        "conflict",
        "You cannot change your own roles or disable yourself: ask another administrator.",
      );
    if (input.grants) checkGrants(ctx.policy.document, input.grants);
    if (input.status === "active" && user.status === "invited")
      throw new DomainError("conflict", "An invited user becomes active by accepting their invitation.", "/status");
    const updated = await updateUser(ctx.trx, user.id, {
      ...(input.grants ? { grants: input.grants } : {}),
      ...(input.status ? { status: input.status } : {}),
    });
    // The user was read in this transaction; gone now means someone deleted them meanwhile.
    if (!updated) throw notFound("That user");
    if (input.unlock) await clearSignInFailuresForEmail(ctx.trx, user.email);
    await deleteUserSessions(ctx.trx, user.id);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "user-updated",
      subjectType: "User",
      subjectId: user.id,
      detail: { grants: input.grants, status: input.status, unlock: input.unlock },
    });
    return toUser(updated, ctx.policy.document, await listHeldBackEmails(ctx.trx, ctx.now()));
  });
