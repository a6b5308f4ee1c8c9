import type { Cadence, PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { SchoolCalendar } from "../calendar/school-calendar.ts";
import { getSlotStatuses, planVisits, type SlotStatus } from "../calendar/visit-plan.ts";
import { applies } from "../rules/applicable.ts";
import type { CaseState } from "./state.ts";

/**
 * The LA visits the case's category asks for at this school: the category's
 * cadences that apply to it. None when the case has no category, or when its
 * category makes no visits (an empty cadence, as for academies the LA does not
 * visit) or none to a school like this one: then there is no visit plan, so
 * nothing is due or overdue.
 */
export function getCategoryCadence(state: CaseState, policy: PolicyDocument): Cadence[] {
  const category = policy.categories.find((c) => c.key === state.category?.key);
  return category ? category.cadence.filter((cadence) => applies(cadence, state.school)) : [];
}

/**
 * The visits a case's category asks for, from the day the category took effect
 * to the end of the policy calendar, each marked done, due, overdue or upcoming
 * against the visits recorded. A new category re-plans from its own date.
 */
export function getVisitPlan(state: CaseState, policy: PolicyDocument, today: IsoDate): SlotStatus[] {
  const decision = state.category;
  const cadence = getCategoryCadence(state, policy);
  if (!decision || cadence.length === 0) return [];
  const calendar = SchoolCalendar.of(policy.calendar);
  const { end } = calendar.span;
  const slots = cadence
    .flatMap((c) => planVisits(calendar, c, decision.effectiveFrom, end))
    .sort((a, b) => a.opens.localeCompare(b.opens) || a.visitType.localeCompare(b.visitType));
  const done = state.visits
    .filter((v) => v.status === "completed")
    .map((v) => ({ visitType: v.visitType, date: v.date }));
  return getSlotStatuses(slots, done, today);
}
