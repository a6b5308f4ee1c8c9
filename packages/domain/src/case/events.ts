import type { IsoDate } from "../calendar/dates.ts";
import type { SchoolProfile } from "../rules/applicability.ts";
import type {
  ActionItem,
  AssessmentRecord,
  LetterRecipient,
  LetterRecord,
  LetterResponse,
  MeetingRecord,
  Priority,
  TaskStart,
} from "./state.ts";

/** What every event carries: who, when, and under which policy version. */
export interface EventEnvelope {
  actorId: string;
  /** The instant it happened (ISO 8601). */
  at: string;
  policyVersionId: string;
}

/** Everything that can happen to a case. Events are facts: never changed or removed. */
export type CaseEventData =
  | { type: "case-opened"; caseId: string; school: SchoolProfile; stage: string }
  | { type: "school-changed"; school: SchoolProfile; previousUrn: number; reason: string }
  | { type: "officer-assigned"; officerId: string }
  | {
      type: "assessment-recorded";
      // Events stored before format 4 have no choices or dimensions.
      assessment: Omit<AssessmentRecord, "recordedBy" | "recordedAt" | "choices" | "dimensions"> &
        Partial<Pick<AssessmentRecord, "choices" | "dimensions">>;
    }
  | {
      type: "category-decided";
      category: string;
      effectiveFrom: IsoDate;
      assessmentId: string | undefined;
      rationale: string | undefined;
      moderationRequired: boolean;
    }
  | { type: "category-moderated"; outcome: "confirmed" | "returned"; note: string | undefined }
  | {
      type: "visit-scheduled";
      visitId: string;
      visitType: string;
      date: IsoDate;
      term: string | undefined;
      agenda: { key: string; title: string }[];
    }
  | {
      type: "visit-rescheduled";
      visitId: string;
      date: IsoDate;
      term: string | undefined;
      agenda: { key: string; title: string }[];
      reason: string | undefined;
    }
  | { type: "visit-cancelled"; visitId: string; reason: string }
  | {
      type: "visit-recorded";
      visitId: string;
      data: Record<string, unknown>;
      agendaNotes: Record<string, string>;
      concerns: boolean;
      published: boolean;
    }
  | { type: "visit-report-published"; visitId: string }
  | { type: "meeting-recorded"; meeting: Omit<MeetingRecord, "recordedBy"> }
  | {
      type: "letter-drafted";
      letter: Pick<
        LetterRecord,
        | "id"
        | "letterType"
        | "indicators"
        | "actions"
        | "notes"
        | "subject"
        | "html"
        | "parameters"
        | "recipients"
        | "people"
      >;
    }
  | { type: "letter-approved"; letterId: string }
  | {
      type: "letter-issued";
      letterId: string;
      issuedOn: IsoDate;
      deadline: IsoDate | undefined;
      reviewDate: IsoDate | undefined;
      subject: string;
      html: string;
      /** Who it went to, the recipients' rules applied on the day of issue (absent in events before format 4). */
      recipients?: LetterRecipient[];
      /** The school form it asks for, due by its deadline. */
      response?: Pick<LetterResponse, "form" | "label" | "due">;
    }
  | { type: "letter-response-received"; letterId: string; responseId: string; receivedOn: IsoDate }
  | { type: "letter-acknowledged"; letterId: string }
  | { type: "letter-actions-completed"; letterId: string }
  | { type: "letter-closed"; letterId: string; outcome: "withdrawn" | "removed"; reason: string }
  | { type: "stage-changed"; stage: string; reason: string | undefined; transition: string | undefined }
  | { type: "priority-added"; priority: Priority }
  | { type: "action-added"; action: Omit<ActionItem, "status" | "notes"> }
  | { type: "action-updated"; actionId: string; status: ActionItem["status"] | undefined; note: string | undefined }
  | {
      type: "register-entry-logged";
      entryId: string;
      register: string;
      /** The date the thing happened (may be before the day it was logged, which is the envelope's `at`). */
      occurredOn: IsoDate;
      fields: Record<string, unknown>;
    }
  | { type: "register-entry-closed"; entryId: string; note: string }
  | { type: "policy-version-changed"; policyVersionId: string; category: string | undefined; stage: string }
  | { type: "tasks-started"; stage: string; tasks: TaskStart[] }
  | { type: "task-completed"; taskId: string; note: string | undefined }
  | { type: "task-dismissed"; taskId: string; reason: string }
  | { type: "case-closed"; reason: string };

export type CaseEvent = CaseEventData & EventEnvelope;
export type CaseEventType = CaseEventData["type"];
