import type { CaseEvent } from "./events.ts";
import type { CaseState, LetterRecord, VisitRecordState } from "./state.ts";

function updateVisit(
  state: CaseState,
  id: string,
  change: (visit: VisitRecordState) => VisitRecordState,
): VisitRecordState[] {
  return state.visits.map((v) => (v.id === id ? change(v) : v));
}

function updateLetter(state: CaseState, id: string, change: (letter: LetterRecord) => LetterRecord): LetterRecord[] {
  return state.letters.map((l) => (l.id === id ? change(l) : l));
}

/**
 * Folds one event into a case's state. Pure: the same events always give the
 * same state, so the state at any past moment is the fold of the events up to it.
 */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === "case-opened") {
    return {
      id: event.caseId,
      school: event.school,
      previousUrns: [],
      policyVersionId: event.policyVersionId,
      openedAt: event.at,
      status: "open",
      assignedOfficerId: undefined,
      category: undefined,
      categoryHistory: [],
      assessments: [],
      stage: event.stage,
      stageSince: event.at,
      stageHistory: [
        { stage: event.stage, from: event.at, reason: "Case opened", by: event.actorId, transition: undefined },
      ],
      visits: [],
      meetings: [],
      letters: [],
      priorities: [],
      actions: [],
      version: 1,
    };
  }
  if (!state) throw new Error(`A ${event.type} event needs an opened case.`);
  const next = ((): CaseState => {
    switch (event.type) {
      case "school-changed":
        return { ...state, school: event.school, previousUrns: [...state.previousUrns, event.previousUrn] };
      case "officer-assigned":
        return { ...state, assignedOfficerId: event.officerId };
      case "assessment-recorded":
        return {
          ...state,
          assessments: [...state.assessments, { ...event.assessment, recordedBy: event.actorId, recordedAt: event.at }],
        };
      case "category-decided": {
        const decision = {
          key: event.category,
          effectiveFrom: event.effectiveFrom,
          assessmentId: event.assessmentId,
          decidedBy: event.actorId,
          decidedAt: event.at,
          rationale: event.rationale,
          moderation: event.moderationRequired ? ("pending" as const) : ("not-required" as const),
        };
        return { ...state, category: decision, categoryHistory: [...state.categoryHistory, decision] };
      }
      case "category-moderated": {
        if (!state.category) return state;
        const moderated = {
          ...state.category,
          moderation: event.outcome,
          moderatedBy: event.actorId,
          ...(event.note ? { moderationNote: event.note } : {}),
        };
        const history = [...state.categoryHistory.slice(0, -1), moderated];
        if (event.outcome === "returned") {
          // A returned decision does not stand: the case goes back to the one before it.
          const previous = history.slice(0, -1).findLast((d) => d.moderation !== "returned");
          return { ...state, category: previous, categoryHistory: history };
        }
        return { ...state, category: moderated, categoryHistory: history };
      }
      case "visit-scheduled":
        return {
          ...state,
          visits: [
            ...state.visits,
            {
              id: event.visitId,
              visitType: event.visitType,
              date: event.date,
              status: "scheduled",
              term: event.term,
              agenda: event.agenda,
            },
          ],
        };
      case "visit-rescheduled":
        return {
          ...state,
          visits: updateVisit(state, event.visitId, (v) => ({
            ...v,
            date: event.date,
            term: event.term,
            agenda: event.agenda,
          })),
        };
      case "visit-cancelled":
        return {
          ...state,
          visits: updateVisit(state, event.visitId, (v) => ({
            ...v,
            status: "cancelled",
            cancelledReason: event.reason,
          })),
        };
      case "visit-recorded":
        return {
          ...state,
          visits: updateVisit(state, event.visitId, (v) => ({
            ...v,
            status: "completed",
            report: {
              data: event.data,
              agendaNotes: event.agendaNotes,
              concerns: event.concerns,
              recordedBy: event.actorId,
              recordedAt: event.at,
              published: event.published,
              ...(event.published ? { publishedAt: event.at } : {}),
            },
          })),
        };
      case "visit-report-published":
        return {
          ...state,
          visits: updateVisit(state, event.visitId, (v) =>
            v.report ? { ...v, report: { ...v.report, published: true, publishedAt: event.at } } : v,
          ),
        };
      case "meeting-recorded":
        return { ...state, meetings: [...state.meetings, { ...event.meeting, recordedBy: event.actorId }] };
      case "letter-drafted":
        return {
          ...state,
          letters: [
            ...state.letters,
            { ...event.letter, status: "draft", draftedBy: event.actorId, draftedAt: event.at, actionsComplete: false },
          ],
        };
      case "letter-approved":
        return {
          ...state,
          letters: updateLetter(state, event.letterId, (l) => ({
            ...l,
            status: "approved",
            approvedBy: event.actorId,
          })),
        };
      case "letter-issued":
        return {
          ...state,
          letters: updateLetter(state, event.letterId, (l) => ({
            ...l,
            status: "issued",
            issuedBy: event.actorId,
            issuedOn: event.issuedOn,
            subject: event.subject,
            html: event.html,
            issuedInStage: state.stage,
            ...(event.deadline ? { deadline: event.deadline } : {}),
            ...(event.reviewDate ? { reviewDate: event.reviewDate } : {}),
          })),
        };
      case "letter-acknowledged":
        return {
          ...state,
          letters: updateLetter(state, event.letterId, (l) => ({
            ...l,
            status: "acknowledged",
            acknowledgedBy: event.actorId,
            acknowledgedAt: event.at,
          })),
        };
      case "letter-actions-completed":
        return { ...state, letters: updateLetter(state, event.letterId, (l) => ({ ...l, actionsComplete: true })) };
      case "letter-closed":
        return {
          ...state,
          letters: updateLetter(state, event.letterId, (l) => ({
            ...l,
            status: event.outcome,
            closedReason: event.reason,
          })),
        };
      case "stage-changed":
        return {
          ...state,
          stage: event.stage,
          stageSince: event.at,
          stageHistory: [
            ...state.stageHistory,
            {
              stage: event.stage,
              from: event.at,
              reason: event.reason,
              by: event.actorId,
              transition: event.transition,
            },
          ],
        };
      case "priority-added":
        return { ...state, priorities: [...state.priorities, event.priority] };
      case "action-added":
        return { ...state, actions: [...state.actions, { ...event.action, status: "open", notes: [] }] };
      case "action-updated":
        return {
          ...state,
          actions: state.actions.map((a) =>
            a.id === event.actionId
              ? {
                  ...a,
                  ...(event.status ? { status: event.status } : {}),
                  notes: event.note ? [...a.notes, { at: event.at, by: event.actorId, text: event.note }] : a.notes,
                }
              : a,
          ),
        };
      case "policy-version-changed": {
        const category = state.category && event.category ? { ...state.category, key: event.category } : state.category;
        const stageChanged = event.stage !== state.stage;
        return {
          ...state,
          policyVersionId: event.policyVersionId,
          category,
          stage: event.stage,
          ...(stageChanged
            ? {
                stageSince: event.at,
                stageHistory: [
                  ...state.stageHistory,
                  {
                    stage: event.stage,
                    from: event.at,
                    reason: "Moved to a new policy version",
                    by: event.actorId,
                    transition: undefined,
                  },
                ],
              }
            : {}),
        };
      }
      case "case-closed":
        return { ...state, status: "closed" };
    }
  })();
  return { ...next, version: state.version + 1 };
}

/** The state after a list of events (undefined before the case was opened). */
export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>((state, event) => evolve(state, event), undefined);
}

/** The case as it was at an instant: the fold of the events that had happened by then. */
export function getStateAt(events: readonly CaseEvent[], instant: string): CaseState | undefined {
  return fold(events.filter((e) => e.at <= instant));
}
