/** Letters through their life: drafted, approved, issued, acknowledged, actions done, closed. */
import type { CaseState, LetterRecord } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function updateLetter(state: CaseState, id: string, change: (letter: LetterRecord) => LetterRecord): CaseState {
  return { ...state, letters: state.letters.map((l) => (l.id === id ? change(l) : l)) };
}

function draftLetter(state: CaseState, event: EventOf<"letter-drafted">): CaseState {
  const letter: LetterRecord = {
    ...event.letter,
    status: "draft",
    draftedBy: event.actorId,
    draftedAt: event.at,
    actionsComplete: false,
  };
  return { ...state, letters: [...state.letters, letter] };
}

function issueLetter(state: CaseState, event: EventOf<"letter-issued">): CaseState {
  return updateLetter(state, event.letterId, (l) => ({
    ...l,
    status: "issued",
    issuedBy: event.actorId,
    issuedOn: event.issuedOn,
    subject: event.subject,
    html: event.html,
    issuedInStage: state.stage,
    ...(event.deadline ? { deadline: event.deadline } : {}),
    ...(event.reviewDate ? { reviewDate: event.reviewDate } : {}),
    ...(event.recipients ? { recipients: event.recipients } : {}),
    ...(event.response ? { response: { ...event.response, status: "awaited" as const } } : {}),
  }));
}

export const letterEvolvers: Pick<
  Evolvers,
  | "letter-drafted"
  | "letter-approved"
  | "letter-issued"
  | "letter-acknowledged"
  | "letter-actions-completed"
  | "letter-closed"
  | "letter-response-received"
> = {
  "letter-drafted": draftLetter,
  "letter-approved": (state, event) =>
    updateLetter(state, event.letterId, (l) => ({ ...l, status: "approved", approvedBy: event.actorId })),
  "letter-issued": issueLetter,
  "letter-acknowledged": (state, event) =>
    updateLetter(state, event.letterId, (l) => ({
      ...l,
      status: "acknowledged",
      acknowledgedBy: event.actorId,
      acknowledgedAt: event.at,
    })),
  "letter-actions-completed": (state, event) =>
    updateLetter(state, event.letterId, (l) => ({ ...l, actionsComplete: true })),
  "letter-response-received": (state, event) =>
    updateLetter(state, event.letterId, (l) =>
      l.response
        ? {
            ...l,
            response: { ...l.response, status: "received", responseId: event.responseId, receivedOn: event.receivedOn },
          }
        : l,
    ),
  "letter-closed": (state, event) =>
    updateLetter(state, event.letterId, (l) => ({ ...l, status: event.outcome, closedReason: event.reason })),
};
