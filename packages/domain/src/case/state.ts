import type { FollowUp, Participant } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import type { SchoolProfile } from "../rules/applicability.ts";
import type { DimensionValue, OfficerChoice } from "../rules/assessment.ts";
import type { LetterPeople } from "./letters.ts";

export type VisitStatus = "scheduled" | "completed" | "cancelled";
export type LetterStatus = "draft" | "approved" | "issued" | "acknowledged" | "withdrawn" | "removed";
export type ModerationStatus = "not-required" | "pending" | "confirmed" | "returned";

export interface AssessmentRecord {
  id: string;
  /** Per area: the descriptors that apply, and evidence notes. */
  selections: { area: string; descriptors: { category: string; descriptor: string }[]; evidence?: string }[];
  /** The officer's choices for the dimensions an officer values. */
  choices: OfficerChoice[];
  /** Every applicable dimension's value and why (empty on assessments recorded before dimensions). */
  dimensions: DimensionValue[];
  suggested: string | undefined;
  explanation: string[];
  recordedBy: string;
  recordedAt: string;
}

export interface CategoryDecision {
  key: string;
  effectiveFrom: IsoDate;
  assessmentId: string | undefined;
  decidedBy: string;
  decidedAt: string;
  rationale: string | undefined;
  moderation: ModerationStatus;
  moderatedBy?: string;
  moderationNote?: string;
}

export interface VisitRecordState {
  id: string;
  visitType: string;
  date: IsoDate;
  status: VisitStatus;
  /** The term key the agenda was taken from. */
  term: string | undefined;
  agenda: { key: string; title: string }[];
  cancelledReason?: string;
  /**
   * The report's header. Its body (the form answers and agenda notes, often tens of kilobytes) stays in the
   * `visit-recorded` event: nothing the engine decides reads it, and the state is stored whole on every command.
   */
  report?: {
    concerns: boolean;
    recordedBy: string;
    recordedAt: string;
    published: boolean;
    publishedAt?: string;
  };
}

export interface MeetingRecord {
  id: string;
  meetingType: string;
  date: IsoDate;
  attendees: string[];
  minutes: string;
  keyPoints: string[];
  progress: string;
  /** Whether its progress judgement counts as strong progress. */
  strong: boolean;
  stage: string;
  recordedBy: string;
}

/** Someone a letter goes to, its type's rule on them (`when`) applied to the school's facts. */
export interface LetterRecipient {
  /** The recipient's label, or their role's. */
  name: string;
  /** The policy role, when the recipient is one. */
  role?: string;
  /** A copy (cc) rather than an addressee. */
  copy: boolean;
}

/**
 * The school form an issued letter asks for, due by its deadline. `status` is
 * what happened (awaited or received); whether an awaited one is overdue is
 * the clock's to say (`letterResponseStatus`).
 */
export interface LetterResponse {
  /** The form's key. */
  form: string;
  /** In words, for example Action plan. */
  label: string;
  due: IsoDate;
  status: "awaited" | "received";
  /** The submitted form response, once received. */
  responseId?: string;
  receivedOn?: IsoDate;
}

export interface LetterRecord {
  id: string;
  letterType: string;
  status: LetterStatus;
  indicators: { key: string; evidence: string }[];
  actions: { text: string; due: IsoDate }[];
  notes: string;
  subject: string;
  html: string;
  draftedBy: string;
  draftedAt: string;
  approvedBy?: string;
  issuedBy?: string;
  issuedOn?: IsoDate;
  deadline?: IsoDate;
  reviewDate?: IsoDate;
  acknowledgedBy?: string;
  acknowledgedAt?: string;
  closedReason?: string;
  /** The stage the case was in when it was issued. */
  issuedInStage?: string;
  actionsComplete: boolean;
  /** What the drafting officer filled in for its type's parameters. */
  parameters?: Record<string, unknown>;
  /**
   * Who signs it and whom it is addressed to, with the school's address, fixed when it is drafted and kept at
   * issue (absent on letters drafted before they were kept: those take the people of the day of issue).
   */
  people?: LetterPeople;
  /** Who it goes to (addressees and copies), resolved when drafted and again when issued. */
  recipients?: LetterRecipient[];
  /** The school form it asks for, once issued (its type's response form). */
  response?: LetterResponse;
}

export interface StageEntry {
  stage: string;
  from: string;
  reason: string | undefined;
  by: string;
  transition: string | undefined;
}

export interface ActionItem {
  id: string;
  priority: string;
  text: string;
  owner: string;
  due: IsoDate;
  status: "open" | "done" | "dropped";
  notes: { at: string; by: string; text: string }[];
}

/** An entry in one of the policy's registers (a concern, a complaint, a referral) about the case's school. */
export interface RegisterEntryRecord {
  id: string;
  /** The register's key (`registers[].key`). */
  register: string;
  /** The date the thing happened (a concern was received): what measures count by. */
  occurredOn: IsoDate;
  /** The entry's fields, as the register's schema asks for them. */
  fields: Record<string, unknown>;
  status: "open" | "closed";
  loggedBy: string;
  /** When it was logged: may be days after it happened. */
  loggedAt: string;
  closedBy?: string;
  closedAt?: string;
  closeNote?: string;
}

/** A stage's follow-up as it becomes a task on entering the stage (`tasks-started`). */
export interface TaskStart {
  id: string;
  /** The follow-up's key (`escalation.stages[].followUps[].key`). */
  followUp: string;
  kind: FollowUp["kind"];
  label: string;
  visitType?: string;
  letterType?: string;
  meetingType?: string;
  notify?: Participant[];
  /** LA roles that may mark it done or dismiss it beside those with `update` on the case. */
  roles?: string[];
  /** The day it is due: the follow-up's `within` counted on the school calendar from the day the stage was entered. */
  due?: IsoDate;
}

/** Work a stage's follow-up put on the case: open until done (by the matching record, or by hand) or dismissed. */
export interface TaskRecord extends TaskStart {
  /** The stage whose entry started it; a task left open when the case moves on stays open. */
  stage: string;
  startedAt: string;
  status: "open" | "done" | "dismissed";
  /** `event`: the matching visit, letter or meeting on the case did it; `hand`: someone marked it done. */
  doneBy?: "event" | "hand";
  /** The record that did it, when `doneBy` is `event`. */
  doneWith?: { kind: "visit" | "letter" | "meeting"; id: string };
  /** Who marked it done or dismissed it (for `event`, who made the record), and when. */
  closedBy?: string;
  closedAt?: string;
  /** The note given marking it done, or the reason it was dismissed. */
  note?: string;
}

export interface Priority {
  id: string;
  title: string;
  targets: string[];
}

/** A school's improvement case, as folded from its events. */
export interface CaseState {
  id: string;
  school: SchoolProfile;
  /** URNs the school had before (an academy conversion gives a new one). */
  previousUrns: number[];
  policyVersionId: string;
  openedAt: string;
  status: "open" | "closed";
  assignedOfficerId: string | undefined;
  category: CategoryDecision | undefined;
  categoryHistory: CategoryDecision[];
  assessments: AssessmentRecord[];
  stage: string;
  stageSince: string;
  stageHistory: StageEntry[];
  visits: VisitRecordState[];
  meetings: MeetingRecord[];
  letters: LetterRecord[];
  priorities: Priority[];
  actions: ActionItem[];
  /** Entries in the policy's registers about this school, in the order they were logged. */
  registerEntries: RegisterEntryRecord[];
  /** The tasks the stages' follow-ups started, in the order they started. */
  tasks: TaskRecord[];
  /** How many events have been folded in. */
  version: number;
}
