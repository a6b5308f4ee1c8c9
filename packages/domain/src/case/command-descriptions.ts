/**
 * What each command does, in words: the source of the command table in
 * docs/case-engine.md (scripts/docs.ts writes it, a test keeps it in step).
 * Typed by the command union, so a new command without a description does not
 * compile; its permission comes from COMMAND_PERMISSIONS, not from here.
 */
import type { CaseCommandType } from "./commands.ts";
import type { CaseEventType } from "./events.ts";

export interface CommandDescription {
  /** What the command does, in a sentence. */
  summary: string;
  /** Where the permission record's values come from, when a condition may want to know (`status` is "draft"). */
  record?: string;
  /** What the engine checks beside the permission, in the order it checks them. */
  checks: string;
  /** The events its decider emits (the automatic transitions that may follow are not listed). */
  events: readonly [CaseEventType, ...CaseEventType[]];
  /** What the events carry or when each is emitted, when it is worth saying. */
  eventsNote?: string;
}

export const COMMAND_DESCRIPTIONS: Record<CaseCommandType, CommandDescription> = {
  "open-case": {
    summary: "Opens a case for a school.",
    record: "`schoolUrn` is the school's in the command and `school.*` its attributes in the register, the rest null",
    checks: "the case is not already open",
    events: ["case-opened"],
    eventsNote: "at the policy's `escalation.initialStage`",
  },
  "change-school": {
    summary: "Follows the school to a new identity (an academy conversion gives a new URN).",
    checks: "a reason; the URN differs",
    events: ["school-changed"],
    eventsNote: "the old URN joins `previousUrns`",
  },
  "assign-officer": {
    summary: "Makes an officer the case's officer.",
    checks: "nothing more (the officer is not looked up)",
    events: ["officer-assigned"],
  },
  "record-assessment": {
    summary:
      "Records an assessment: the descriptors an officer ticked in each criteria dimension's area and the officer's " +
      "`choices` of level for the dimensions an officer values.",
    checks:
      "every area is in `areas` and judged by a criteria dimension; every ticked descriptor is in `criteria` for that " +
      "area and category; every choice names an applicable officer dimension once, one of its levels, a `rationale` " +
      "when the dimension requires one, and the actor holds one of its `roles` (pointers `/choices/<i>/...`)",
    events: ["assessment-recorded"],
    eventsNote:
      "with every applicable dimension's value and why, the suggested category (derivation, then triggers) and its explanation",
  },
  "decide-category": {
    summary: "Decides the school's category, effective from a date.",
    checks:
      "the category exists and applies to the school; no decision awaits moderation; the assessment named exists " +
      "(else the latest is used); a `rationale` when the category differs from the assessment's suggestion",
    events: ["category-decided"],
    eventsNote: "awaiting moderation when `assessment.moderation` requires it for the category",
  },
  "moderate-category": {
    summary: "Confirms or returns the category decision awaiting moderation.",
    checks:
      "a decision awaits moderation; the actor holds a moderation role (when the policy names them); " +
      "the actor did not make the decision; a `note` when returning it",
    events: ["category-moderated"],
  },
  "schedule-visit": {
    summary: "Books a visit of one of the policy's types on a date.",
    record: '`status` is "scheduled"',
    checks: "the visit type exists and applies to the school; the date is a school day in the policy calendar",
    events: ["visit-scheduled"],
    eventsNote: "with the term the date falls in and that term's agenda (else the type's `any` agenda)",
  },
  "reschedule-visit": {
    summary: "Moves a scheduled visit to another date.",
    record: "those of the visit",
    checks: "the visit exists and is still scheduled; then as for scheduling",
    events: ["visit-rescheduled"],
    eventsNote: "with the new date's term and agenda",
  },
  "cancel-visit": {
    summary: "Cancels a scheduled visit.",
    record: "those of the visit",
    checks: "the visit exists and is scheduled; a reason",
    events: ["visit-cancelled"],
  },
  "record-visit": {
    summary: "Records that a visit took place: its report, agenda notes and whether it raised concerns.",
    record: "those of the visit",
    checks:
      "the visit is scheduled (not cancelled or already recorded); the actor holds one of the type's `ledBy` roles; " +
      "`data` is valid against the type's `reportForm`; `agendaNotes` name items on the visit's agenda; " +
      "no `publish` for an `la-only` report",
    events: ["visit-recorded"],
    eventsNote: "published at once when the type's reports are `always` visible, or `on-publish` with `publish`",
  },
  "publish-visit-report": {
    summary: "Makes a recorded visit report visible to the school.",
    record: "those of the visit and its report",
    checks: "a report was recorded; the type's reports are not `la-only`; not already published",
    events: ["visit-report-published"],
  },
  "record-meeting": {
    summary: "Records a meeting: attendees, minutes, key points and the progress judgement.",
    checks:
      "the meeting type exists and applies; `progress` is one of the type's `progressJudgements` " +
      "(a type with none records none, whatever `progress` says); no more key points than the type's " +
      "`key-points` sharing `maxItems`; at least one attendee",
    events: ["meeting-recorded"],
    eventsNote: "with the stage the case is at and whether the judgement is strong",
  },
  "draft-letter": {
    summary: "Drafts a letter or notice of one of the policy's types, rendered from its template.",
    record: '`status` is "draft"',
    checks:
      "the letter type exists; the actor holds a `permissions.draft` role; the type applies to the school; " +
      "indicators are the type's, at least `minimumIndicators` of them; `parameters` meet the type's " +
      "`parameters.schema` (a problem at `/parameters/<field>`; none given when the type has none)",
    events: ["letter-drafted"],
    eventsNote:
      "with the parameters and the recipients whose `when` holds over the school's facts (the others left out)",
  },
  "approve-letter": {
    summary: "A second officer approves a draft.",
    record: "those of the letter",
    checks: "the letter is a draft; the actor holds a `permissions.approve` role; the actor did not draft it",
    events: ["letter-approved"],
  },
  "issue-letter": {
    summary: "Issues a letter to the school, with its deadline and review date.",
    record: "those of the letter",
    checks:
      "the actor holds a `permissions.issue` role; approved first when `approvalRequired` " +
      "(otherwise a draft or approved letter); a deadline from a date parameter is not before the day of issue",
    events: ["letter-issued", "stage-changed"],
    eventsNote:
      "the letter re-rendered with its dates, its recipients resolved again, and the response its type's " +
      "`responseForm` asks for, due by the deadline (`deadline.within`, or `deadline.fromParameter`: a whole " +
      "number of `unit` from the day of issue, or the date itself); then `stage-changed` when the type's " +
      "`effect.stage` is not the case's stage",
  },
  "acknowledge-letter": {
    summary: "The school acknowledges an issued letter.",
    record: "those of the letter",
    checks: "the letter is issued (not yet acknowledged)",
    events: ["letter-acknowledged"],
  },
  "complete-letter-actions": {
    summary: "Marks the actions a letter set as complete.",
    record: "those of the letter",
    checks: "the letter is in force (issued or acknowledged); its actions are not already complete",
    events: ["letter-actions-completed"],
  },
  "close-letter": {
    summary: "Withdraws a letter, or removes one in force whose purpose is met.",
    record: "those of the letter",
    checks:
      "a reason; not already withdrawn or removed; to **remove**: the letter is in force and the type has " +
      "`removal.allowed`",
    events: ["letter-closed"],
    eventsNote: "`withdrawn` or `removed`",
  },
  "record-letter-response": {
    summary:
      "Ties a submitted school form to the issued letter awaiting it as its response (the API sends it when the school submits the form).",
    record: '`formKey` is the form, `status` is "draft" (as when it is submitted)',
    checks: "the letter is in force (issued or acknowledged) and awaits a response on that form",
    events: ["letter-response-received"],
    eventsNote: "with the form response's id and the day it came",
  },
  "change-stage": {
    summary: "Moves the case to another escalation stage, by a named transition or, with a reason, outside them.",
    checks:
      "the stage exists, is not the current one and applies to the school; with a `transition`: it exists, " +
      "leads from the current stage (or `*`) to that stage, the actor holds one of its `roles`, a reason when " +
      "`requiresReason`, and its `when` rule holds now; without one: a reason",
    events: ["stage-changed"],
  },
  "add-priority": {
    summary: "Adds an improvement priority to the school's plan.",
    checks: "a title",
    events: ["priority-added"],
  },
  "add-action": {
    summary: "Adds an action under a priority.",
    checks: "the priority exists; the action's text and owner",
    events: ["action-added"],
  },
  "update-action": {
    summary: "Changes an action's status or adds a progress note.",
    checks: "the action exists; a new status or a note",
    events: ["action-updated"],
  },
  "log-register-entry": {
    summary: "Logs an entry in one of the policy's registers (a concern, a complaint, a referral) about the school.",
    record: "`register` is the command's, `status` is open",
    checks:
      "the register is in the case's policy version; the date it happened is a real date, not after today; the fields answer the register's schema (the first problem named by its field)",
    events: ["register-entry-logged"],
    eventsNote: "dated the day it happened (`occurredOn`), logged at the event's instant",
  },
  "close-register-entry": {
    summary: "Closes an open register entry, with a note saying why.",
    record: "the entry's `register` and `status`",
    checks: "the entry exists on the case and is open; a note",
    events: ["register-entry-closed"],
  },
  "change-policy-version": {
    summary: "Moves the case to another policy version, decided under the new version.",
    checks: "the category (if given) and the stage exist in the **new** version",
    events: ["policy-version-changed"],
  },
  "complete-task": {
    summary: "Marks a task from a stage's follow-up done by hand, with an optional note.",
    checks:
      "the task is on the case; the actor holds one of the follow-up's `roles` (else needs the permission); " +
      "the task is open",
    events: ["task-completed"],
    eventsNote:
      "`doneBy: hand`; a visit, letter or meeting task is also done without it when a visit of its type is " +
      "scheduled or recorded, a letter of its type drafted or a meeting of its type recorded",
  },
  "dismiss-task": {
    summary: "Dismisses a task from a stage's follow-up that is not needed, with a reason.",
    checks:
      "the task is on the case; the actor holds one of the follow-up's `roles` (else needs the permission); " +
      "the task is open; a reason",
    events: ["task-dismissed"],
  },
  "close-case": {
    summary: "Closes the case; no command is accepted after it.",
    checks: "a reason",
    events: ["case-closed"],
  },
};
