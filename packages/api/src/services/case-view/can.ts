// What the user may do to this case now, for the pages to offer or hide (the procedures check again, on the
// exact record). "Some record of a kind" is checked on each of the policy's types of that kind.
import {
  actionSubject,
  assessmentSubject,
  caseSubject,
  letterSubject,
  meetingSubject,
  visitReportSubject,
  visitSubject,
} from "@steward/domain";

import type { ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

type LetterStatus = "draft" | "approved" | "issued";

function caseLevel({ may, facts }: ViewContext) {
  const caseRecord = caseSubject(facts);
  return {
    assign: may("assign", caseRecord),
    categorise: may("categorise", caseRecord),
    moderate: may("moderate", caseRecord),
    assess: may("create", assessmentSubject(facts)),
    escalate: may("escalate", caseRecord),
    planActions: may("create", actionSubject(facts)),
    updateActions: may("update", actionSubject(facts)),
    changePolicyVersion: may("update", caseRecord),
  };
}

function visitsAndMeetings({ policy, facts, mayOnSome }: ViewContext) {
  const scheduledVisit = (t: { key: string }) => visitSubject(facts, { visitType: t.key, status: "scheduled" });
  return {
    scheduleVisit: mayOnSome(policy.visitTypes, scheduledVisit, "schedule"),
    recordVisit: mayOnSome(policy.visitTypes, scheduledVisit, "record"),
    publishReport: mayOnSome(
      policy.visitTypes,
      (t) => visitReportSubject(facts, { visitType: t.key, report: { published: false } }),
      "publish",
    ),
    recordMeeting: mayOnSome(
      policy.meetingTypes,
      (t) => meetingSubject("Meeting", facts, { meetingType: t.key }),
      "record",
    ),
  };
}

function letters({ policy, facts, mayOnSome }: ViewContext) {
  const some = (status: LetterStatus, action: "draft" | "approve" | "issue" | "acknowledge" | "withdraw") =>
    mayOnSome(policy.letterTypes, (t) => letterSubject(facts, { letterType: t.key, status }), action);
  return {
    draftLetter: some("draft", "draft"),
    approveLetter: some("draft", "approve"),
    issueLetter: some("approved", "issue"),
    acknowledgeLetter: some("issued", "acknowledge"),
    withdrawLetter: some("issued", "withdraw"),
  };
}

export function presentCan(view: ViewContext): CaseView["can"] {
  return { ...caseLevel(view), ...visitsAndMeetings(view), ...letters(view) };
}
