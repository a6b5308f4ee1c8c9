/**
 * Visits: booking one on a school day (with the term's agenda), moving or
 * cancelling it, recording its report against the type's form, publishing the
 * report to the school.
 */
import { describeIncompleteAnswers, type PolicyDocument, type VisitType } from "@steward/policy-config";

import { visitReportSubject, visitSubject } from "../../permissions/subjects.ts";
import type { CaseCommand } from "../commands.ts";
import type { CaseEventData } from "../events.ts";
import type { VisitRecordState } from "../state.ts";
import {
  authorise,
  calendarOf,
  fail,
  formValidator,
  holdsOneOf,
  onOpenCase,
  optional,
  requireApplicable,
  required,
  roleNames,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

function visitOf({ state }: OpenCase, visitId: string): VisitRecordState {
  const visit = state.visits.find((v) => v.id === visitId);
  if (!visit) fail("not-found", "There is no such visit on this case.", "/visitId");
  return visit;
}

/** The type of a visit already on the case: refused when the case's policy version no longer has it. */
function typeOfVisit(policy: PolicyDocument, visit: VisitRecordState): VisitType {
  const visitType = policy.visitTypes.find((v) => v.key === visit.visitType);
  if (!visitType) fail("conflict", "This visit's type is not in the case's policy version.");
  return visitType;
}

/**
 * Checks a visit of this type may be on this date for this school, and finds
 * the term the date falls in and that term's agenda (else the type's "any").
 */
function placeVisit(
  command: Extract<CaseCommand, { type: "schedule-visit" | "reschedule-visit" }>,
  on: OpenCase,
  visitType: VisitType,
  status: string,
) {
  authorise(on.context, command.type, visitSubject(on.facts, { visitType: visitType.key, status }));
  requireApplicable(visitType, visitType.label, on.state.school, "/visitType");
  const calendar = calendarOf(on.policy);
  if (!calendar.isSchoolDay(command.date))
    fail("invalid", `${command.date} is not a school day in the policy calendar: choose a term-time weekday.`, "/date");
  const term = calendar.locate(command.date)?.term.key;
  const agenda = visitType.agendas.find((a) => a.term === term) ?? visitType.agendas.find((a) => a.term === "any");
  return { term, agenda: agenda?.items.map((i) => ({ key: i.key, title: i.title })) ?? [] };
}

function findVisitType(policy: PolicyDocument, key: string): VisitType {
  const visitType = policy.visitTypes.find((v) => v.key === key);
  if (!visitType) fail("invalid", "There is no such visit type in this policy.", "/visitType");
  return visitType;
}

function scheduleVisit(command: CommandOf<"schedule-visit">, on: OpenCase): CaseEventData[] {
  const visitType = findVisitType(on.policy, command.visitType);
  const { term, agenda } = placeVisit(command, on, visitType, "scheduled");
  return [
    {
      type: "visit-scheduled",
      visitId: on.context.newId(),
      visitType: visitType.key,
      date: command.date,
      term,
      agenda,
    },
  ];
}

function rescheduleVisit(command: CommandOf<"reschedule-visit">, on: OpenCase): CaseEventData[] {
  const visit = visitOf(on, command.visitId);
  if (visit.status !== "scheduled")
    fail("conflict", `This visit is ${visit.status}: only a scheduled visit can be moved.`);
  const { term, agenda } = placeVisit(command, on, findVisitType(on.policy, visit.visitType), visit.status);
  return [
    {
      type: "visit-rescheduled",
      visitId: command.visitId,
      date: command.date,
      term,
      agenda,
      reason: optional(command.reason),
    },
  ];
}

function cancelVisit(command: CommandOf<"cancel-visit">, on: OpenCase): CaseEventData[] {
  const visit = visitOf(on, command.visitId);
  authorise(on.context, command.type, visitSubject(on.facts, visit));
  if (visit.status !== "scheduled")
    fail("conflict", `This visit is ${visit.status}: only a scheduled visit can be cancelled.`);
  return [
    {
      type: "visit-cancelled",
      visitId: visit.id,
      reason: required(command.reason, "a reason for cancelling", "/reason"),
    },
  ];
}

/** The report answers the type's report form, when it has one. */
function checkReport(policy: PolicyDocument, visitType: VisitType, data: Record<string, unknown>): void {
  const validate = visitType.reportForm ? formValidator(policy, visitType.reportForm) : undefined;
  if (!validate || validate(data)) return;
  const { message, pointer } = describeIncompleteAnswers("report", validate.errors);
  fail("invalid", message, pointer);
}

/** Notes are kept only against the items on the visit's own agenda. */
function checkAgendaNotes(visit: VisitRecordState, agendaNotes: Record<string, string>): void {
  for (const key of Object.keys(agendaNotes)) {
    if (!visit.agenda.some((i) => i.key === key))
      fail("invalid", `"${key}" is not an item on this visit's agenda.`, `/agendaNotes/${key}`);
  }
}

function recordVisit(command: CommandOf<"record-visit">, on: OpenCase): CaseEventData[] {
  const { context, policy } = on;
  const visit = visitOf(on, command.visitId);
  authorise(context, command.type, visitSubject(on.facts, visit));
  if (visit.status === "cancelled") fail("conflict", "This visit was cancelled: schedule a new one to record it.");
  if (visit.status === "completed") fail("conflict", "This visit has already been recorded.");
  const visitType = typeOfVisit(policy, visit);
  if (!holdsOneOf(context, visitType.ledBy))
    fail("forbidden", `${visitType.label} visits are recorded by ${roleNames(policy, visitType.ledBy)}.`);
  checkReport(policy, visitType, command.data);
  const agendaNotes = command.agendaNotes ?? {};
  checkAgendaNotes(visit, agendaNotes);
  if (command.publish && visitType.reportVisibility === "la-only")
    fail(
      "not-applicable",
      `${visitType.label} reports are for the LA only: they cannot be published to the school.`,
      "/publish",
    );
  const published =
    visitType.reportVisibility === "always" ||
    (visitType.reportVisibility === "on-publish" && Boolean(command.publish));
  return [
    {
      type: "visit-recorded",
      visitId: visit.id,
      data: command.data,
      agendaNotes,
      concerns: command.concerns,
      published,
    },
  ];
}

function publishVisitReport(command: CommandOf<"publish-visit-report">, on: OpenCase): CaseEventData[] {
  const visit = on.state.visits.find((v) => v.id === command.visitId);
  if (!visit?.report) fail("not-found", "There is no recorded report for that visit.", "/visitId");
  authorise(on.context, command.type, visitReportSubject(on.facts, visit));
  const visitType = typeOfVisit(on.policy, visit);
  if (visitType.reportVisibility === "la-only")
    fail("not-applicable", `${visitType.label} reports are for the LA only.`);
  if (visit.report.published) fail("conflict", "This report is already published.");
  return [{ type: "visit-report-published", visitId: visit.id }];
}

export const visitDeciders: Pick<
  Deciders,
  "schedule-visit" | "reschedule-visit" | "cancel-visit" | "record-visit" | "publish-visit-report"
> = {
  "schedule-visit": onOpenCase(scheduleVisit),
  "reschedule-visit": onOpenCase(rescheduleVisit),
  "cancel-visit": onOpenCase(cancelVisit),
  "record-visit": onOpenCase(recordVisit),
  "publish-visit-report": onOpenCase(publishVisitReport),
};
