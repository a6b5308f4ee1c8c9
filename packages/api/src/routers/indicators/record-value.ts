import { z } from "zod";

import { findSchool } from "@steward/db";

import { notFound } from "../../errors.ts";
import { schoolRecordOf } from "../../services/access.ts";
import { recordValue as record } from "../../services/indicators/entry.ts";
import { tenantProcedure } from "../../trpc.ts";

/** An officer's value of an indicator whose values come from an entry (by the roles the indicator names, or whoever may update the school). */
export const recordValue = tenantProcedure
  .input(
    z.strictObject({
      urn: z.number().int().positive(),
      indicator: z.string().min(1).max(64),
      value: z.union([
        z.string().trim().max(10_000, "The value must be 10,000 characters or fewer"),
        z.number(),
        z.boolean(),
      ]),
      asAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date the value is as at, like 2027-03-31"),
      note: z.string().max(2000, "The note must be 2,000 characters or fewer").optional(),
    }),
  )
  .output(z.object({ display: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const school = await findSchool(ctx.trx, input.urn);
    if (!school || !ctx.ability.ability.can("read", schoolRecordOf(school))) throw notFound("That school");
    return record(ctx, ctx.policy.document, school, input);
  });
