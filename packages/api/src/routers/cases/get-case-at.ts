import { z } from "zod";

import { audienceOf, toIsoDate } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { mayReadCase } from "../../services/access.ts";
import { caseViewSchema, presentCase } from "../../services/case-view/index.ts";
import { getSchoolFacts, loadCase, loadCaseAt } from "../../services/cases.ts";
import { loadIndicatorReadings } from "../../services/indicators/readings.ts";
import { tenantProcedure } from "../../trpc.ts";

/**
 * The case as it was at the end of a past day: its events up to then, folded
 * under the policy version then in force. Null when the case did not exist yet.
 */
export const getCaseAt = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100), date: z.iso.date("Enter a real date, like 2022-03-14") }))
  .output(caseViewSchema.nullable())
  .query(async ({ ctx, input }) => {
    const { row, school, facts } = await loadCase(ctx, input.caseId);
    if (!mayReadCase(ctx.ability, facts)) throw notFound("That case");
    const instant = new Date(`${input.date}T23:59:59.999Z`);
    const { state, policy, events } = await loadCaseAt(ctx, input.caseId, instant);
    if (!state || !policy) return null;
    return presentCase(ctx.trx, state, policy.document, ctx.ability, {
      // Who may see what is decided on the school as it is now, as every list and check decides it.
      schoolAttributes: facts.school,
      audience: audienceOf(policy.document, ctx.user.grants),
      user: ctx.user,
      today: input.date < toIsoDate(ctx.now()) ? input.date : toIsoDate(ctx.now()),
      events,
      // The school's data as Steward held it then: rules and triggers read the values as they were.
      schoolData: getSchoolFacts(school),
      indicatorReadings: await loadIndicatorReadings(ctx.trx, policy.document, row.school_urn, instant),
    });
  });
