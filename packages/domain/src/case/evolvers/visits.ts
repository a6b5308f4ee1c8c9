/** Visits: booked, moved, cancelled, recorded, their reports published. */
import type { CaseState, VisitRecordState } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function updateVisit(state: CaseState, id: string, change: (visit: VisitRecordState) => VisitRecordState): CaseState {
  return { ...state, visits: state.visits.map((v) => (v.id === id ? change(v) : v)) };
}

function scheduleVisit(state: CaseState, event: EventOf<"visit-scheduled">): CaseState {
  const visit: VisitRecordState = {
    id: event.visitId,
    visitType: event.visitType,
    date: event.date,
    status: "scheduled",
    term: event.term,
    agenda: event.agenda,
  };
  return { ...state, visits: [...state.visits, visit] };
}

function recordVisit(state: CaseState, event: EventOf<"visit-recorded">): CaseState {
  return updateVisit(state, event.visitId, (v) => ({
    ...v,
    status: "completed",
    // The body (data, agendaNotes) stays in the event: see VisitRecordState.report.
    report: {
      concerns: event.concerns,
      recordedBy: event.actorId,
      recordedAt: event.at,
      published: event.published,
      ...(event.published ? { publishedAt: event.at } : {}),
    },
  }));
}

export const visitEvolvers: Pick<
  Evolvers,
  "visit-scheduled" | "visit-rescheduled" | "visit-cancelled" | "visit-recorded" | "visit-report-published"
> = {
  "visit-scheduled": scheduleVisit,
  "visit-rescheduled": (state, event) =>
    updateVisit(state, event.visitId, (v) => ({ ...v, date: event.date, term: event.term, agenda: event.agenda })),
  "visit-cancelled": (state, event) =>
    updateVisit(state, event.visitId, (v) => ({ ...v, status: "cancelled", cancelledReason: event.reason })),
  "visit-recorded": recordVisit,
  "visit-report-published": (state, event) =>
    updateVisit(state, event.visitId, (v) =>
      v.report ? { ...v, report: { ...v.report, published: true, publishedAt: event.at } } : v,
    ),
};
