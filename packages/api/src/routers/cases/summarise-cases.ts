import { z } from "zod";

import { summariseCases as countCases } from "@steward/db";
import { audienceOf, SchoolCalendar, toIsoDate } from "@steward/domain";

import { getCaseReadScope } from "../../services/access.ts";
import { tenantProcedure } from "../../trpc.ts";
import { caseFilterInput } from "./list-cases.ts";

const count = z.object({ key: z.string(), label: z.string(), colour: z.string().optional(), count: z.number() });

const summariseCasesOutput = z.object({
  cases: z.number(),
  byCategory: z.array(count),
  byStage: z.array(count),
  overdue: z.number(),
  /** Visits due by the end of the current half-term (or the next 6 weeks outside term). */
  dueThisHalfTerm: z.number(),
  halfTerm: z.object({ label: z.string(), ends: z.string() }).nullable(),
  openLetters: z.number(),
  /** Letters issued that schools must acknowledge and have not yet. */
  lettersAwaitingAcknowledgement: z.number(),
  lettersPastDeadline: z.number(),
});

/** Counts for the dashboard: schools by category and stage, visits due and overdue, letters open and past their deadline. */
export const summariseCases = tenantProcedure
  .input(caseFilterInput)
  .output(summariseCasesOutput)
  .query(async ({ ctx, input }) => {
    const today = toIsoDate(ctx.now());
    const policy = ctx.policy.document;
    const calendar = new SchoolCalendar(policy.calendar);
    const half =
      calendar.getHalfTerms().find((h) => h.start <= today && today <= h.end) ??
      calendar.getHalfTerms().find((h) => h.start > today);
    const dueBy = half?.end ?? today;
    const { mine, ...filter } = input;
    const counts = await countCases(ctx.trx, getCaseReadScope(ctx.ability, policy), {
      ...filter,
      ...(mine ? { officerId: ctx.user.id } : {}),
      today,
      dueBy,
    });
    const countOf = (list: { key: string | null; count: number }[], key: string | null) =>
      list.find((x) => x.key === key)?.count ?? 0;
    const uncategorised = countOf(counts.byCategory, null);
    // Every count comes from the query, which counts only what the user may read; the labels listed are those their side may see.
    const la = audienceOf(policy, ctx.user.grants) === "la";
    return {
      cases: counts.cases,
      byCategory: [
        ...policy.categories
          .filter((c) => la || c.visibleToSchool)
          .map((c) => ({ key: c.key, label: c.label, colour: c.colour, count: countOf(counts.byCategory, c.key) })),
        ...(uncategorised ? [{ key: "none", label: "Not yet categorised", count: uncategorised }] : []),
      ],
      byStage: policy.escalation.stages
        .filter((s) => la || s.visibleToSchool)
        .map((s) => ({ key: s.key, label: s.label, count: countOf(counts.byStage, s.key) })),
      overdue: counts.overdue,
      dueThisHalfTerm: counts.due,
      halfTerm: half ? { label: half.label, ends: half.end } : null,
      openLetters: counts.openLetters,
      lettersAwaitingAcknowledgement: counts.awaitingAcknowledgement,
      lettersPastDeadline: counts.pastDeadline,
    };
  });
