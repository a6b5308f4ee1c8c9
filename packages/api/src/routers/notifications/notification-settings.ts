import { z } from "zod";

import { appendAudit, findUser, setNotificationDelivery } from "@steward/db";

import { notFound } from "../../errors.ts";
import { tenantProcedure } from "../../trpc.ts";

const delivery = z.enum(["immediate", "digest"], {
  error: "Choose whether to get each email as it happens or one daily summary",
});

/** How the signed-in user gets their notifications: each as it happens, or one daily summary. */
export const getNotificationSettings = tenantProcedure
  .input(z.strictObject({}).optional())
  .output(z.object({ delivery, email: z.string() }))
  .query(async ({ ctx }) => {
    const user = await findUser(ctx.trx, ctx.user.id);
    if (!user) throw notFound("Your account");
    return { delivery: user.notification_delivery, email: user.email };
  });

/** Sets the signed-in user's own choice (anyone may choose for themselves, nobody for another). */
export const setNotificationSettings = tenantProcedure
  .input(z.strictObject({ delivery }))
  .output(z.object({ delivery }))
  .mutation(async ({ ctx, input }) => {
    await setNotificationDelivery(ctx.trx, ctx.user.id, input.delivery);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "notification-settings-changed",
      subjectType: "User",
      subjectId: ctx.user.id,
      detail: { delivery: input.delivery },
    });
    return { delivery: input.delivery };
  });
