import type { PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { SchoolCalendar } from "../calendar/school-calendar.ts";
import { getSlotStatuses, planVisits, type SlotStatus } from "../calendar/visit-plan.ts";
import { isApplicable } from "../rules/applicability.ts";
import type { CaseState } from "./state.ts";

/**
 * The visits a case's category asks for, from the day the category took effect
 * to the end of the policy calendar, each marked done, due, overdue or upcoming
 * against the visits recorded. A new category re-plans from its own date.
 */
export function getVisitPlan(state: CaseState, policy: PolicyDocument, today: IsoDate): SlotStatus[] {
  const decision = state.category;
  const category = policy.categories.find((c) => c.key === decision?.key);
  if (!category || !decision) return [];
  const calendar = new SchoolCalendar(policy.calendar);
  const { end } = calendar.span;
  const slots = category.cadence
    .filter((cadence) => isApplicable(cadence.applicability, state.school))
    .flatMap((cadence) => planVisits(calendar, cadence, decision.effectiveFrom, end))
    .sort((a, b) => a.opens.localeCompare(b.opens) || a.visitType.localeCompare(b.visitType));
  const done = state.visits
    .filter((v) => v.status === "completed")
    .map((v) => ({ visitType: v.visitType, date: v.date }));
  return getSlotStatuses(slots, done, today);
}
