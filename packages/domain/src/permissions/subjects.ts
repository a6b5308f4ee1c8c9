import { subject as tagSubject } from "@casl/ability";

import { SUBJECT_FIELDS, type SchoolAttributeRecord, type Subject, type SubjectRecord } from "@steward/policy-config";

/** The value at a CASL dot path (`school.district`) of a record, as its conditions read it. */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => {
    if (node === null || typeof node !== "object") return undefined;
    return (node as Record<string, unknown>)[key];
  }, record);
}

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
    if (valueAt(fields, field) === undefined)
      throw new Error(`A ${type} checked for permissions must have its ${field} (null when it has none).`);
  }
  return tagSubject(type, fields);
}

export type PermissionTarget = ReturnType<typeof permissionSubject>;

/** A school's attributes with none known: every one null. For a record whose school is not in the register. */
export const NO_SCHOOL_ATTRIBUTES: Readonly<SchoolAttributeRecord> = Object.freeze({
  phase: null,
  governance: null,
  district: null,
  typeOfEstablishment: null,
  trust: null,
  diocese: null,
  religiousCharacter: null,
});

/**
 * What permission checks need of a case: its school (URN and attributes, from
 * the register as it is now), officer, category, stage and status.
 */
export interface CaseFacts {
  schoolUrn: number;
  /** The school's attributes (`school.district`, ...) that rules may scope a role by. */
  school: SchoolAttributeRecord;
  assignedOfficerId: string | null | undefined;
  category: string | null | undefined;
  stage: string | null | undefined;
  status: string | null | undefined;
}

/** The case facts of an engine state, with its school's attributes from the register. */
export function caseFactsOf(
  state: {
    school: { urn: number };
    assignedOfficerId?: string | undefined;
    category?: { key: string } | undefined;
    stage?: string;
    status?: string;
  },
  school: SchoolAttributeRecord,
): CaseFacts {
  return {
    schoolUrn: state.school.urn,
    school,
    assignedOfficerId: state.assignedOfficerId,
    category: state.category?.key,
    stage: state.stage,
    status: state.status,
  };
}

export const caseSubject = (c: CaseFacts) =>
  permissionSubject("Case", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    assignedOfficerId: c.assignedOfficerId ?? null,
    category: c.category ?? null,
    stage: c.stage ?? null,
    status: c.status ?? null,
  });

export const assessmentSubject = (c: CaseFacts) =>
  permissionSubject("Assessment", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    assignedOfficerId: c.assignedOfficerId ?? null,
  });

export const visitSubject = (c: CaseFacts, visit: { visitType: string; status: string }) =>
  permissionSubject("Visit", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    visitType: visit.visitType,
    status: visit.status,
  });

export const visitReportSubject = (
  c: CaseFacts,
  visit: { visitType: string; report?: { published: boolean } | undefined },
) =>
  permissionSubject("VisitReport", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    visitType: visit.visitType,
    published: visit.report?.published ?? false,
  });

/** A meeting, or its minutes or key points (each its own subject, with the meeting's type). */
export const meetingSubject = (
  part: "Meeting" | "MeetingMinutes" | "MeetingKeyPoints",
  c: CaseFacts,
  meeting: { meetingType: string },
) => permissionSubject(part, { schoolUrn: c.schoolUrn, school: c.school, meetingType: meeting.meetingType });

export const letterSubject = (c: CaseFacts, letter: { letterType: string; status: string }) =>
  permissionSubject("Letter", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    letterType: letter.letterType,
    status: letter.status,
  });

export const actionSubject = (c: CaseFacts) =>
  permissionSubject("Action", { schoolUrn: c.schoolUrn, school: c.school });

/** A response to one of the policy's forms, from a school (with its attributes). */
export const formResponseSubject = (response: {
  schoolUrn: number;
  school: SchoolAttributeRecord;
  formKey: string;
  status: string;
}) =>
  permissionSubject("FormResponse", {
    schoolUrn: response.schoolUrn,
    school: response.school,
    formKey: response.formKey,
    status: response.status,
  });

/** A school of the register, by its URN and attributes (its phase, governance and district are also fields of its own). */
export const schoolSubject = (urn: number, school: SchoolAttributeRecord) =>
  permissionSubject("School", {
    schoolUrn: urn,
    school,
    phase: school.phase,
    governance: school.governance,
    district: school.district,
  });

/** An entry in one of the policy's registers, on the case's school. */
export const registerEntrySubject = (
  c: Pick<CaseFacts, "schoolUrn" | "school">,
  entry: { register: string; status: string },
) =>
  permissionSubject("RegisterEntry", {
    schoolUrn: c.schoolUrn,
    school: c.school,
    register: entry.register,
    status: entry.status,
  });

export const policySubject = (version: { status: string }) => permissionSubject("Policy", { status: version.status });

export const userSubject = (user: { id: string | null }) => permissionSubject("User", { id: user.id });
