import { subject as tagSubject } from "@casl/ability";

import { SUBJECT_FIELDS, type Subject, type SubjectRecord } from "@steward/policy-config";

/**
 * Every record Steward checks a permission on is built here, one function per
 * subject, with ALL the fields of the subject's vocabulary (`SUBJECT_FIELDS`):
 * a field the record does not have is null, never missing. A rule testing a
 * field therefore always meets it, and an inverted rule cannot fail open
 * because the record was assembled without the field it names.
 */
export function permissionSubject<S extends Subject>(type: S, record: SubjectRecord<S>) {
  const fields: Record<string, unknown> = { ...record };
  for (const field of Object.keys(SUBJECT_FIELDS[type])) {
    if (fields[field] === undefined)
      throw new Error(`A ${type} checked for permissions must have its ${field} (null when it has none).`);
  }
  return tagSubject(type, fields);
}

export type PermissionTarget = ReturnType<typeof permissionSubject>;

/** What permission checks need of a case: its school, officer, category, stage and status. */
export interface CaseFacts {
  schoolUrn: number;
  assignedOfficerId: string | null | undefined;
  category: string | null | undefined;
  stage: string | null | undefined;
  status: string | null | undefined;
}

/** The case facts of an engine state. */
export function caseFactsOf(state: {
  school: { urn: number };
  assignedOfficerId?: string | undefined;
  category?: { key: string } | undefined;
  stage?: string;
  status?: string;
}): CaseFacts {
  return {
    schoolUrn: state.school.urn,
    assignedOfficerId: state.assignedOfficerId,
    category: state.category?.key,
    stage: state.stage,
    status: state.status,
  };
}

export const caseSubject = (c: CaseFacts) =>
  permissionSubject("Case", {
    schoolUrn: c.schoolUrn,
    assignedOfficerId: c.assignedOfficerId ?? null,
    category: c.category ?? null,
    stage: c.stage ?? null,
    status: c.status ?? null,
  });

export const assessmentSubject = (c: CaseFacts) =>
  permissionSubject("Assessment", { schoolUrn: c.schoolUrn, assignedOfficerId: c.assignedOfficerId ?? null });

export const visitSubject = (c: CaseFacts, visit: { visitType: string; status: string }) =>
  permissionSubject("Visit", { schoolUrn: c.schoolUrn, visitType: visit.visitType, status: visit.status });

export const visitReportSubject = (
  c: CaseFacts,
  visit: { visitType: string; report?: { published: boolean } | undefined },
) =>
  permissionSubject("VisitReport", {
    schoolUrn: c.schoolUrn,
    visitType: visit.visitType,
    published: visit.report?.published ?? false,
  });

/** A meeting, or its minutes or key points (each its own subject, with the meeting's type). */
export const meetingSubject = (
  part: "Meeting" | "MeetingMinutes" | "MeetingKeyPoints",
  c: CaseFacts,
  meeting: { meetingType: string },
) => permissionSubject(part, { schoolUrn: c.schoolUrn, meetingType: meeting.meetingType });

export const letterSubject = (c: CaseFacts, letter: { letterType: string; status: string }) =>
  permissionSubject("Letter", { schoolUrn: c.schoolUrn, letterType: letter.letterType, status: letter.status });

export const actionSubject = (c: CaseFacts) => permissionSubject("Action", { schoolUrn: c.schoolUrn });

export const formResponseSubject = (response: { schoolUrn: number; formKey: string; status: string }) =>
  permissionSubject("FormResponse", {
    schoolUrn: response.schoolUrn,
    formKey: response.formKey,
    status: response.status,
  });

export const schoolSubject = (school: {
  urn: number;
  phase?: string | null | undefined;
  governance?: string | null | undefined;
  district?: string | null | undefined;
}) =>
  permissionSubject("School", {
    schoolUrn: school.urn,
    phase: school.phase ?? null,
    governance: school.governance ?? null,
    district: school.district ?? null,
  });

/** An entry in one of the policy's registers, on the case's school. */
export const registerEntrySubject = (c: Pick<CaseFacts, "schoolUrn">, entry: { register: string; status: string }) =>
  permissionSubject("RegisterEntry", { schoolUrn: c.schoolUrn, register: entry.register, status: entry.status });

export const policySubject = (version: { status: string }) => permissionSubject("Policy", { status: version.status });

export const userSubject = (user: { id: string | null }) => permissionSubject("User", { id: user.id });
