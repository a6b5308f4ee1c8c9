import { z } from "zod";

import { listCaseEventHeaders } from "@steward/db";
import { audienceOf, toIsoDate } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { mayReadCase } from "../../services/access.ts";
import { caseViewSchema, presentCase } from "../../services/case-view/index.ts";
import { eventHeaderFromRow, getSchoolFacts, loadCase } from "../../services/cases.ts";
import { loadIndicatorReadings } from "../../services/indicators/readings.ts";
import { tenantProcedure } from "../../trpc.ts";

/** A case with its timeline, visit plan, meetings, letters and action plan, as far as the user may see them. */
export const getCase = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100) }))
  .output(caseViewSchema)
  .query(async ({ ctx, input }) => {
    const { row, state, policy, school, facts } = await loadCase(ctx, input.caseId);
    // A case the user may not read is "not found", exactly like one that does not exist.
    if (!mayReadCase(ctx.ability, facts)) throw notFound("That case");
    // The timeline names events; it never needs their bodies (report answers, letter HTML, minutes).
    const events = (await listCaseEventHeaders(ctx.trx, row.id)).map(eventHeaderFromRow);
    return presentCase(ctx.trx, state, policy.document, ctx.ability, {
      schoolAttributes: facts.school,
      audience: audienceOf(policy.document, ctx.user.grants),
      user: ctx.user,
      today: toIsoDate(ctx.now()),
      events,
      schoolData: getSchoolFacts(school),
      indicatorReadings: await loadIndicatorReadings(ctx.trx, policy.document, row.school_urn),
    });
  });
