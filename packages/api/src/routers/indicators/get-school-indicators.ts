import { z } from "zod";

import { findSchool } from "@steward/db";
import { audienceOf, toIsoDate } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { schoolRecordOf } from "../../services/access.ts";
import { mayRecordValue } from "../../services/indicators/entry.ts";
import { presentSchoolIndicators } from "../../services/indicators/readings.ts";
import { tenantProcedure } from "../../trpc.ts";

const value = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  display: z.string(),
  asAt: z.string(),
  source: z.enum(["import", "entry", "form", "derived"]),
  sourceDetail: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});

/**
 * A school's indicators: every one the policy declares with its latest value
 * (as at, source, who) and its history. A school user gets only those the
 * policy lets schools see: the others never leave the server.
 */
export const getSchoolIndicators = tenantProcedure
  .input(z.strictObject({ urn: z.number().int().positive() }))
  .output(
    z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        description: z.string().nullable(),
        group: z.string().nullable(),
        kind: z.enum(["number", "boolean", "choice", "date", "text"]),
        unit: z.string().nullable(),
        options: z.array(z.object({ value: z.string(), label: z.string() })),
        from: z.array(z.enum(["import", "entry", "form", "derived"])),
        latest: value.extend({ current: z.boolean(), currentUntil: z.string().nullable() }).nullable(),
        history: z.array(value),
        mayRecord: z.boolean(),
      }),
    ),
  )
  .query(async ({ ctx, input }) => {
    const school = await findSchool(ctx.trx, input.urn);
    if (!school || !ctx.ability.ability.can("read", schoolRecordOf(school))) throw notFound("That school");
    const audience = audienceOf(ctx.policy.document, ctx.user.grants);
    const indicators = await presentSchoolIndicators(ctx.trx, ctx.policy.document, school.urn, {
      audience,
      today: toIsoDate(ctx.now()),
    });
    return indicators.map((presented) => {
      const definition = ctx.policy.document.indicators?.find((d) => d.key === presented.key);
      return {
        ...presented,
        mayRecord: audience === "la" && definition !== undefined && mayRecordValue(ctx, definition, school),
      };
    });
  });
