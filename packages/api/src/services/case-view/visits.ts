// Visits the user may see (a report only once they may read it) and the visit plan (only beside a visible
// category, since the plan follows from it).
import { findVisitReportBodies, type TenantTransaction, type VisitReportBody } from "@steward/db";
import { getCategoryCadence, getVisitPlan, visitReportSubject, visitSubject } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

/** Whether the user may read this visit and its report: the one check for showing a report, and for reading its body. */
function mayReadReport({ facts, canRead }: ViewContext, visit: ViewContext["state"]["visits"][number]) {
  return visit.report !== undefined && canRead(visitSubject(facts, visit)) && canRead(visitReportSubject(facts, visit));
}

/**
 * The bodies of the reports the user may read, from their events (the state keeps each report's header only,
 * so recording a visit does not rewrite every earlier report). Reports the user may not read are not fetched.
 */
export async function loadReadableReports(
  trx: TenantTransaction,
  view: ViewContext,
): Promise<ReadonlyMap<string, VisitReportBody>> {
  const readable = view.state.visits.filter((v) => mayReadReport(view, v)).map((v) => v.id);
  return findVisitReportBodies(trx, view.state.id, readable);
}

const NO_BODY: VisitReportBody = { data: {}, agendaNotes: {} };

export function presentVisits(view: ViewContext, bodies: ReadonlyMap<string, VisitReportBody>): CaseView["visits"] {
  const { state, policy, facts, canRead, nameOf } = view;
  return state.visits
    .filter((v) => canRead(visitSubject(facts, v)))
    .map((v) => {
      const visitType = policy.visitTypes.find((t) => t.key === v.visitType);
      const report = v.report && mayReadReport(view, v) ? { ...v.report, ...(bodies.get(v.id) ?? NO_BODY) } : undefined;
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
