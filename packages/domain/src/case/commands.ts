import type { IsoDate } from "../calendar/dates.ts";
import type { SchoolProfile } from "../rules/applicability.ts";
import type { DescriptorSelection, OfficerChoice } from "../rules/assessment.ts";
import type { LetterPeople } from "./letters.ts";

/** Everything an officer or a school can ask of a case. */
export type CaseCommand =
  | { type: "open-case"; school: SchoolProfile }
  | { type: "change-school"; school: SchoolProfile; reason: string }
  | { type: "assign-officer"; officerId: string }
  | { type: "record-assessment"; selections: DescriptorSelection[]; choices?: OfficerChoice[] }
  | { type: "decide-category"; category: string; effectiveFrom: IsoDate; rationale?: string; assessmentId?: string }
  | { type: "moderate-category"; outcome: "confirmed" | "returned"; note?: string }
  | { type: "schedule-visit"; visitType: string; date: IsoDate }
  | { type: "reschedule-visit"; visitId: string; date: IsoDate; reason?: string }
  | { type: "cancel-visit"; visitId: string; reason: string }
  | {
      type: "record-visit";
      visitId: string;
      data: Record<string, unknown>;
      agendaNotes?: Record<string, string>;
      concerns: boolean;
      publish?: boolean;
    }
  | { type: "publish-visit-report"; visitId: string }
  | {
      type: "record-meeting";
      meetingType: string;
      date: IsoDate;
      attendees: string[];
      minutes: string;
      keyPoints: string[];
      progress: string;
    }
  | {
      type: "draft-letter";
      letterType: string;
      indicators: { key: string; evidence: string }[];
      actions?: { text: string; due: IsoDate }[];
      notes?: string;
      /** What the officer fills in for the letter type's parameters (its JSON Schema). */
      parameters?: Record<string, unknown>;
      people: LetterPeople;
    }
  | { type: "approve-letter"; letterId: string }
  | { type: "issue-letter"; letterId: string; people: LetterPeople }
  | { type: "acknowledge-letter"; letterId: string }
  | { type: "complete-letter-actions"; letterId: string }
  | { type: "close-letter"; letterId: string; outcome: "withdrawn" | "removed"; reason: string }
  | { type: "record-letter-response"; letterId: string; form: string; responseId: string }
  | { type: "change-stage"; stage: string; reason?: string; transition?: string }
  | { type: "add-priority"; title: string; targets: string[] }
  | { type: "add-action"; priorityId: string; text: string; owner: string; due: IsoDate }
  | { type: "update-action"; actionId: string; status?: "open" | "done" | "dropped"; note?: string }
  | { type: "log-register-entry"; register: string; occurredOn: IsoDate; fields: Record<string, unknown> }
  | { type: "close-register-entry"; entryId: string; note: string }
  | { type: "change-policy-version"; policyVersionId: string; category: string | undefined; stage: string }
  | { type: "complete-task"; taskId: string; note?: string }
  | { type: "dismiss-task"; taskId: string; reason: string }
  | { type: "close-case"; reason: string };

export type CaseCommandType = CaseCommand["type"];
