import type { LetterType, PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { applies } from "../rules/applicable.ts";
import type { CaseState, LetterRecord } from "./state.ts";
import { getVisitPlan } from "./visit-plan.ts";

/** What a dashboard shows of a case at a glance, worked out from its state. */
export interface CaseSummary {
  /** When the next planned visit is due by: the earliest slot not yet met (overdue when before today). */
  nextVisitDue: IsoDate | null;
  /** Letters drafted, approved or in force (not withdrawn or removed). */
  openLetters: number;
  /** Letters issued that the school must acknowledge and has not yet. */
  lettersAwaitingAcknowledgement: number;
  /** The earliest deadline of a letter in force. */
  letterDeadline: IsoDate | null;
  /** The earliest review date of a letter in force. */
  reviewDate: IsoDate | null;
}

const inForce = (l: LetterRecord) => l.status === "issued" || l.status === "acknowledged";

export function summariseCase(state: CaseState, policy: PolicyDocument, today: IsoDate): CaseSummary {
  const plan = getVisitPlan(state, policy, today);
  // The earliest deadline among visits due or overdue (a long termly window must not hide an overdue monthly visit).
  const open = plan
    .filter((s) => s.status === "overdue" || s.status === "due")
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
  const next = open[0] ?? plan.find((s) => s.status === "upcoming");
  const earliest = (dates: (IsoDate | undefined)[]) => dates.filter((d): d is IsoDate => Boolean(d)).sort()[0] ?? null;
  const live = state.letters.filter(inForce);
  return {
    nextVisitDue: state.status === "open" ? (next?.dueBy ?? null) : null,
    openLetters: state.letters.filter((l) => l.status !== "withdrawn" && l.status !== "removed").length,
    lettersAwaitingAcknowledgement: state.letters.filter(
      (l) =>
        l.status === "issued" &&
        policy.letterTypes.find((t) => t.key === l.letterType)?.acknowledgementRequired !== false,
    ).length,
    letterDeadline: earliest(live.filter((l) => !l.actionsComplete).map((l) => l.deadline)),
    reviewDate: earliest(live.map((l) => l.reviewDate)),
  };
}

export interface LetterEligibility {
  letterType: LetterType;
  /** Whether the letter type applies to this school at all (governance, phase). */
  applicable: boolean;
  /** Why not, when it does not. */
  reason: string | undefined;
  /** A letter of this type already in force on the case. */
  inForce: boolean;
}

/**
 * The letter types a case could receive: each with whether it applies to the
 * school (from the type's applicability) and whether one is already in force.
 * Which indicators hold is the officer's judgement, recorded with evidence when
 * the letter is drafted (at least `minimumIndicators` of them).
 */
export function getLetterEligibility(state: CaseState, policy: PolicyDocument): LetterEligibility[] {
  return policy.letterTypes.map((letterType) => {
    const applicable = applies(letterType, state.school);
    return {
      letterType,
      applicable,
      reason: applicable
        ? undefined
        : (letterType.applicability?.note ?? `It does not apply to ${state.school.governance} schools.`),
      inForce: state.letters.some((l) => l.letterType === letterType.key && inForce(l)),
    };
  });
}
