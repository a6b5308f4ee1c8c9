/** Assessments and category decisions, and a decision's moderation. */
import type { CaseState, CategoryDecision } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function decideCategory(state: CaseState, event: EventOf<"category-decided">): CaseState {
  const decision: CategoryDecision = {
    key: event.category,
    effectiveFrom: event.effectiveFrom,
    assessmentId: event.assessmentId,
    decidedBy: event.actorId,
    decidedAt: event.at,
    rationale: event.rationale,
    moderation: event.moderationRequired ? "pending" : "not-required",
  };
  return { ...state, category: decision, categoryHistory: [...state.categoryHistory, decision] };
}

function moderateCategory(state: CaseState, event: EventOf<"category-moderated">): CaseState {
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

export const categoryEvolvers: Pick<Evolvers, "assessment-recorded" | "category-decided" | "category-moderated"> = {
  "assessment-recorded": (state, event) => ({
    ...state,
    assessments: [
      ...state.assessments,
      {
        ...event.assessment,
        choices: event.assessment.choices ?? [],
        dimensions: event.assessment.dimensions ?? [],
        recordedBy: event.actorId,
        recordedAt: event.at,
      },
    ],
  }),
  "category-decided": decideCategory,
  "category-moderated": moderateCategory,
};
