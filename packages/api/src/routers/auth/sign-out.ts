import { z } from "zod";

import { appendAudit, deleteSession } from "@steward/db";

import { CSRF_COOKIE, SESSION_COOKIE } from "../../auth/session-policy.ts";
import { authedProcedure } from "../../trpc.ts";

/** Ends the session, here and in the database. */
export const signOut = authedProcedure
  .input(z.strictObject({}).optional())
  .output(z.object({ signedOut: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await deleteSession(ctx.trx, ctx.session.id);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "signed-out",
      subjectType: "User",
      subjectId: ctx.user.id,
    });
    ctx.request?.clearCookie(SESSION_COOKIE);
    ctx.request?.clearCookie(CSRF_COOKIE);
    return { signedOut: true as const };
  });
