import { z } from "zod";

import { applicableOptions, audienceOf, getCaseFacts, toIsoDate } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { caseFactsOfRow, mayReadCase } from "../../services/access.ts";
import { loadCase, loadSchoolContext } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";

const keys = z.array(z.string());

const caseOptionsOutput = z.object({
  /** The categories that apply to the school. */
  categories: keys,
  letterTypes: keys,
  visitTypes: keys,
  meetingTypes: keys,
  /** The policy's forms that apply to the school. */
  forms: keys,
  /** The stages the case may be moved to: those that apply to the school, but the one it is in. */
  stages: keys,
  /** The manual and suggested transitions the user may take now (from the case's stage, by their roles, the rule holding). */
  transitions: keys,
});

/**
 * What applies to the case's school now, by the keys of the case's own policy
 * version: what the apps offer, and exactly what the engine accepts
 * (`applicableOptions` in packages/domain, the deciders' own predicate).
 * School staff get only the categories, stages and school forms the policy
 * shows them.
 */
export const getCaseOptions = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100) }))
  .output(caseOptionsOutput)
  .query(async ({ ctx, input }) => {
    const { row, state, policy } = await loadCase(ctx, input.caseId);
    if (!mayReadCase(ctx.ability, caseFactsOfRow(row))) throw notFound("That case");
    const doc = policy.document;
    const school = audienceOf(doc, ctx.user.grants) === "school";
    const { schoolData, indicatorReadings } = await loadSchoolContext(ctx.trx, doc, state.school.urn);
    const options = applicableOptions(doc, state.school, {
      stage: state.stage,
      roles: ctx.user.grants.map((g) => g.role),
      facts: getCaseFacts(state, doc, toIsoDate(ctx.now()), schoolData, indicatorReadings),
    });
    const keysOf = (list: readonly { key: string }[]) => list.map((x) => x.key);
    return {
      categories: keysOf(options.categories.filter((c) => !school || c.visibleToSchool)),
      letterTypes: school ? [] : keysOf(options.letterTypes),
      visitTypes: keysOf(options.visitTypes),
      meetingTypes: school ? [] : keysOf(options.meetingTypes),
      forms: keysOf(options.forms.filter((f) => !school || f.audience === "school")),
      stages: keysOf(options.stages.filter((s) => !school || s.visibleToSchool)),
      transitions: school ? [] : keysOf(options.transitions),
    };
  });
