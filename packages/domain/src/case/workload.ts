import type { PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { SchoolCalendar } from "../calendar/school-calendar.ts";
import type { CaseState } from "./state.ts";
import { getVisitPlan } from "./visit-plan.ts";

/** Visits planned per officer per half-term: `workload[officer][halfTerm] = visits`. */
export type VisitWorkload = Record<string, Record<string, number>>;

/**
 * The visits each officer's cases ask for, from today to the end of the
 * policy calendar, per half-term of that calendar (what a category change or
 * a new policy version does to an adviser's diary).
 */
export function getVisitWorkload(
  cases: readonly { state: CaseState; officer: string }[],
  policy: PolicyDocument,
  today: IsoDate,
): VisitWorkload {
  const halfTerms = SchoolCalendar.of(policy.calendar).getHalfTerms();
  const workload: VisitWorkload = {};
  for (const { state, officer } of cases) {
    for (const slot of getVisitPlan(state, policy, today)) {
      if (slot.dueBy < today || slot.status === "done") continue;
      const half = halfTerms.find((h) => h.start <= slot.opens && slot.opens <= h.end)?.label ?? slot.label;
      const row = (workload[officer] ??= {});
      row[half] = (row[half] ?? 0) + 1;
    }
  }
  return workload;
}
