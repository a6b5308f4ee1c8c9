import { listUsers as findUsers } from "@steward/db";
import { DomainError } from "@steward/domain";
import { z } from "zod";
import { tenantProcedure } from "../../trpc.ts";
import { toUser, userSchema } from "./shared.ts";

/** The authority's users and their roles. Officers (for assigning cases) are listed to anyone who may assign. */
export const listUsers = tenantProcedure
  .input(z.strictObject({ schoolUrn: z.number().int().positive().optional(), officersOnly: z.boolean().optional() }))
  .output(z.array(userSchema))
  .query(async ({ ctx, input }) => {
    const mayRead = ctx.ability.ability.can("read", "User");
    const mayAssign = ctx.ability.ability.can("assign", "Case");
    if (!mayRead && !(input.officersOnly && mayAssign)) throw new DomainError("forbidden", "Your roles do not allow you to see the authority's users.");
    const users = await findUsers(ctx.trx, { ...(input.schoolUrn ? { schoolUrn: input.schoolUrn } : {}) });
    const now = ctx.now();
    return users
      .filter((u) => !input.officersOnly || (u.status === "active" && (u.grants as { schoolUrn?: number }[]).every((g) => g.schoolUrn === undefined)))
      .map((u) => toUser(u, ctx.policy.document, now));
  });
