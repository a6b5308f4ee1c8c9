import { z } from "zod";

import { ALLOW_ALL, listUsers as findUsers, listHeldBackEmails } from "@steward/db";
import { DomainError } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { isLaStaff } from "../../services/grants.ts";
import { tenantProcedure } from "../../trpc.ts";
import { toUser, userSchema } from "./shared.ts";

/** The authority's users and their roles. Officers (for assigning cases) are listed to anyone who may assign. */
export const listUsers = tenantProcedure
  .input(z.strictObject({ schoolUrn: z.number().int().positive().optional(), officersOnly: z.boolean().optional() }))
  .output(z.array(userSchema))
  .query(async ({ ctx, input }) => {
    const readable = getAccessFilter(ctx.ability, "read", "User");
    // Whoever may assign cases sees the officers they could assign to (names only matter there).
    const mayAssign = input.officersOnly === true && getAccessFilter(ctx.ability, "assign", "Case").kind !== "none";
    if (readable.kind === "none" && !mayAssign)
      throw new DomainError("forbidden", "Your roles do not allow you to see the authority's users.");
    const users = await findUsers(ctx.trx, mayAssign ? ALLOW_ALL : readable, {
      ...(input.schoolUrn ? { schoolUrn: input.schoolUrn } : {}),
    });
    const heldBack = await listHeldBackEmails(ctx.trx, ctx.now());
    const policy = ctx.policy.document;
    return users
      .filter((u) => !input.officersOnly || (u.status === "active" && isLaStaff(policy, u.grants)))
      .map((u) => toUser(u, ctx.policy.document, heldBack));
  });
