// Visits the user may see (a report only once they may read it) and the visit plan (only beside a visible
// category, since the plan follows from it).
import { getCategoryCadence, getVisitPlan, visitReportSubject, visitSubject } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentVisits({ state, policy, facts, canRead, nameOf }: ViewContext): CaseView["visits"] {
  return state.visits
    .filter((v) => canRead(visitSubject(facts, v)))
    .map((v) => {
      const visitType = policy.visitTypes.find((t) => t.key === v.visitType);
      const report = v.report && canRead(visitReportSubject(facts, v)) ? v.report : undefined;
      return {
        id: v.id,
        visitType: label(policy.visitTypes, v.visitType),
        date: v.date,
        status: v.status,
        ...(v.term ? { term: v.term } : {}),
        agenda: v.agenda,
        ...(v.cancelledReason ? { cancelledReason: v.cancelledReason } : {}),
        ...(report
          ? {
              report: {
                ...report,
                recordedBy: nameOf(report.recordedBy),
                ...(visitType?.reportForm ? { form: visitType.reportForm } : {}),
              },
            }
          : {}),
        reportWithheld: Boolean(v.report) && !report,
      };
    });
}

export function presentVisitPlan({
  state,
  policy,
  facts,
  categoryVisible,
  mayOnSome,
  options,
}: ViewContext): CaseView["visitPlan"] {
  const mayReadSomeVisit = mayOnSome(
    policy.visitTypes,
    (t) => visitSubject(facts, { visitType: t.key, status: "scheduled" }),
    "read",
  );
  const plan = categoryVisible && mayReadSomeVisit ? getVisitPlan(state, policy, options.today) : [];
  return plan.map((s) => ({
    visitType: label(policy.visitTypes, s.visitType),
    label: s.label,
    opens: s.opens,
    dueBy: s.dueBy,
    status: s.status,
    ...(s.metBy ? { metBy: s.metBy } : {}),
    basis: s.basis,
  }));
}

/** Whether the category the user sees makes no LA visits to this school (an empty cadence, or none for its kind). */
export function presentNoVisits({ state, policy, categoryVisible }: ViewContext): boolean {
  return categoryVisible && state.category !== undefined && getCategoryCadence(state, policy).length === 0;
}
