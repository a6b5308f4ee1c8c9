/**
 * Steward's own vocabulary: what a policy's rules, permissions and templates
 * may refer to. This is the data model of the product, the same for every
 * authority; the policy document decides what to do with it.
 */

/** What a permission rule may allow or forbid. */
export const ACTION_DESCRIPTIONS = {
  manage: "Do anything to the subject (every action below).",
  read: "See it.",
  create: "Create one.",
  update: "Change it.",
  delete: "Delete it (drafts only: issued records are never deleted).",
  assign: "Assign an officer to a case.",
  categorise: "Record a category decision.",
  moderate: "Confirm or return another officer's category decision.",
  schedule: "Schedule, reschedule or cancel a visit or meeting.",
  record: "Record what happened at a visit or meeting.",
  publish: "Publish a report to the school, or a policy version.",
  draft: "Draft a letter or notice.",
  approve: "Approve a drafted letter or notice.",
  issue: "Issue an approved letter or notice to the school.",
  acknowledge: "Acknowledge receipt of a letter or notice, for the school.",
  withdraw: "Withdraw or remove a letter or notice.",
  close: "Close an entry in a register (with a note saying why).",
  submit: "Submit a form.",
  escalate: "Move a case to another stage.",
  export: "Export data.",
  import: "Import data (for example a school register).",
  invite: "Invite a user and give them roles.",
} as const;

export type Action = keyof typeof ACTION_DESCRIPTIONS;
export const ACTIONS = Object.keys(ACTION_DESCRIPTIONS) as Action[];

/** What a permission rule is about. */
export const SUBJECT_DESCRIPTIONS = {
  all: "Everything.",
  School: "A school in the register (name, URN, phase, governance, data).",
  Case: "A school's improvement case: its category, stage, officer and timeline.",
  Assessment:
    "An assessment of the school (the values of the policy's dimensions and the category they suggest), and its decision.",
  Visit: "A visit: its date, type and agenda.",
  VisitReport: "What was recorded at a visit.",
  Meeting: "A meeting (for example LAIG or Strategy): its date and attendees.",
  MeetingMinutes: "A meeting's full minutes.",
  MeetingKeyPoints: "The key points shared after a meeting.",
  Letter: "A letter or notice.",
  Action: "An action-plan priority, target or action.",
  FormResponse: "A response to one of the policy's forms.",
  RegisterEntry:
    "An entry in one of the policy's registers (a concern, complaint or referral). Who may log, read and close one is the register's own `access`, not a role's rules.",
  Policy: "The authority's policy versions.",
  User: "The authority's users and their roles.",
  AuditLog: "The record of who did what.",
  Message: "A notification email Steward has queued, sent or failed to send (the outbox).",
} as const;

export type Subject = keyof typeof SUBJECT_DESCRIPTIONS;
export const SUBJECTS = Object.keys(SUBJECT_DESCRIPTIONS) as Subject[];

/** The type of a field a permission condition may test, and what it holds. */
export interface SubjectField {
  type: "string" | "number" | "boolean";
  description: string;
  /** The values Steward gives the field, where it is one of a closed list (a record's status). */
  values?: readonly string[];
}

const schoolUrn = { type: "number", description: "The school's URN." } as const satisfies SubjectField;

/**
 * The school's attributes every record about a school carries, for rules that
 * scope a role by them (an area caseload: `{"school.district": "Fenland"}`; a
 * diocese's schools: `{"school.diocese": "Diocese of Ely"}`). From the
 * register's columns and the GIAS attributes Steward keeps; null when the
 * school has none.
 */
export const SCHOOL_ATTRIBUTES = [
  "phase",
  "governance",
  "district",
  "typeOfEstablishment",
  "trust",
  "diocese",
  "religiousCharacter",
] as const;

export type SchoolAttribute = (typeof SCHOOL_ATTRIBUTES)[number];

/** A school's attributes as permission checks see them (nested under `school`): null where the school has none. */
export type SchoolAttributeRecord = Record<SchoolAttribute, string | null>;

/** The school's attributes as subject fields (`school.district`): conditions name them with CASL's dot paths. */
const schoolFields = {
  "school.phase": { type: "string", description: "The school's phase (primary, secondary, ...)." },
  "school.governance": { type: "string", description: "maintained, academy, free-school or other." },
  "school.district": { type: "string", description: "The school's local authority district (an area caseload)." },
  "school.typeOfEstablishment": {
    type: "string",
    description: "GIAS's type of establishment (Community school, Academy converter, ...).",
  },
  "school.trust": { type: "string", description: "The academy trust the school belongs to." },
  "school.diocese": { type: "string", description: "The school's diocese (GIAS), for a church school." },
  "school.religiousCharacter": { type: "string", description: "The school's religious character (GIAS)." },
} as const satisfies Record<`school.${SchoolAttribute}`, SubjectField>;

/**
 * The fields of each subject that a permission rule's conditions may test and
 * its `fields` list may name. Steward builds every record it checks with ALL of
 * its subject's fields (a field the record does not have is null), so a rule
 * never meets a record that lacks the field it tests.
 */
export const SUBJECT_FIELDS = {
  all: { schoolUrn, ...schoolFields },
  School: {
    schoolUrn,
    phase: { type: "string", description: "The school's phase (primary, secondary, ...)." },
    governance: { type: "string", description: "maintained, academy, free-school or other." },
    district: { type: "string", description: "The school's local authority district." },
    ...schoolFields,
  },
  Case: {
    schoolUrn,
    assignedOfficerId: {
      type: "string",
      description: "The officer the case is assigned to (compare with ${user.id}).",
    },
    category: { type: "string", description: "The case's category key." },
    stage: { type: "string", description: "The case's escalation stage key." },
    status: { type: "string", description: "open or closed.", values: ["open", "closed"] },
    ...schoolFields,
  },
  Assessment: {
    schoolUrn,
    assignedOfficerId: { type: "string", description: "The case's assigned officer." },
    ...schoolFields,
  },
  Visit: {
    schoolUrn,
    visitType: { type: "string", description: "The visit type's key." },
    status: {
      type: "string",
      description: "scheduled, completed or cancelled.",
      values: ["scheduled", "completed", "cancelled"],
    },
    ...schoolFields,
  },
  VisitReport: {
    schoolUrn,
    visitType: { type: "string", description: "The visit type's key." },
    published: { type: "boolean", description: "Whether the report has been published to the school." },
    ...schoolFields,
  },
  Meeting: { schoolUrn, meetingType: { type: "string", description: "The meeting type's key." }, ...schoolFields },
  MeetingMinutes: {
    schoolUrn,
    meetingType: { type: "string", description: "The meeting type's key." },
    ...schoolFields,
  },
  MeetingKeyPoints: {
    schoolUrn,
    meetingType: { type: "string", description: "The meeting type's key." },
    ...schoolFields,
  },
  Letter: {
    schoolUrn,
    letterType: { type: "string", description: "The letter type's key." },
    status: {
      type: "string",
      description: "draft, approved, issued, acknowledged, closed, withdrawn or removed.",
      values: ["draft", "approved", "issued", "acknowledged", "closed", "withdrawn", "removed"],
    },
    ...schoolFields,
  },
  Action: { schoolUrn, ...schoolFields },
  FormResponse: {
    schoolUrn,
    formKey: { type: "string", description: "The form's key." },
    status: { type: "string", description: "draft or submitted.", values: ["draft", "submitted"] },
    ...schoolFields,
  },
  RegisterEntry: {
    schoolUrn,
    register: { type: "string", description: "The register's key." },
    status: { type: "string", description: "open or closed.", values: ["open", "closed"] },
    ...schoolFields,
  },
  Policy: {
    status: { type: "string", description: "draft, published or retired.", values: ["draft", "published", "retired"] },
  },
  User: { id: { type: "string", description: "The user's id (compare with ${user.id})." } },
  AuditLog: { actorId: { type: "string", description: "Who did it (compare with ${user.id})." } },
  Message: { recipientId: { type: "string", description: "The user it is addressed to (compare with ${user.id})." } },
} as const satisfies Record<string, Record<string, SubjectField>>;

type FieldsOf<S extends Subject> = (typeof SUBJECT_FIELDS)[S];

/**
 * A record of a subject as permission checks see it: every field of the
 * vocabulary, null where it has none; the school's attributes (`school.x`)
 * nested under `school`, as CASL's dot paths read them.
 */
export type SubjectRecord<S extends Subject> = {
  [K in Exclude<keyof FieldsOf<S>, `school.${string}`>]:
    | (FieldsOf<S>[K] extends { type: "number" }
        ? number
        : FieldsOf<S>[K] extends { type: "boolean" }
          ? boolean
          : string)
    | null;
} & ("school.district" extends keyof FieldsOf<S> ? { school: SchoolAttributeRecord } : unknown);

/** Fields a rule's `fields` list may name beyond those its conditions may test (parts of a case shown as a whole). */
export const EXTRA_READABLE_FIELDS: Partial<Record<Subject, readonly string[]>> = {
  Case: ["assessments", "stageHistory"],
};

/** What a condition may compare with: the signed-in user's own values. */
export const USER_PLACEHOLDERS = ["user.id", "user.schoolUrn", "user.tenantId"] as const;

export type FactType = "string" | "number" | "boolean" | "date" | "list";

export interface Fact {
  type: FactType;
  description: string;
  values?: readonly string[];
}

export const OFSTED_GRADES = [
  "outstanding",
  "good",
  "requires-improvement",
  "inadequate",
  "satisfactory",
  "no-overall-grade",
  "not-inspected",
] as const;

/**
 * Steward's built-in facts: what a trigger or transition rule may read with
 * `{"var": ...}` beside the policy's own indicators (`indicators.<key>`) and
 * measures (`measures.<key>`). A segment in braces stands for a key of the
 * policy (`{letterType}` is any letter type's key). Only what Steward itself
 * knows is here: the school's register entry, the national published
 * inspection data, and the case's own state. An authority's data (attendance,
 * attainment, finance, officers' judgements, ...) is declared by its policy as
 * indicators, and counts over meetings or visits as measures.
 */
export const FACTS: Record<string, Fact> = {
  "school.governance": {
    type: "string",
    description: "How the school is governed.",
    values: ["maintained", "academy", "free-school"],
  },
  "school.phase": { type: "string", description: "The school's phase." },
  "school.urn": { type: "number", description: "The school's unique reference number." },
  "school.district": {
    type: "string",
    description: "The school's local authority district (from the register), or null when not known.",
  },
  "school.diocese": {
    type: "string",
    description: "The school's diocese as GIAS names it (a church school), or null when it has none.",
  },
  "school.religiousCharacter": {
    type: "string",
    description: "The school's religious character as GIAS names it (for example Church of England), or null.",
  },
  "school.trust": {
    type: "string",
    description: "The academy trust the school belongs to, or null when it is in none.",
  },
  "ofsted.overallEffectiveness": {
    type: "string",
    description:
      "The latest Ofsted overall effectiveness. Since September 2024 state-funded schools get no overall grade.",
    values: OFSTED_GRADES,
  },
  "ofsted.previousOverallEffectiveness": {
    type: "string",
    description: "The overall effectiveness before the latest.",
    values: OFSTED_GRADES,
  },
  "ofsted.inadequateCategory": {
    type: "string",
    description: "Serious weaknesses or special measures, when the school is in one.",
    values: ["serious-weaknesses", "special-measures"],
  },
  "ofsted.inspectionDate": { type: "date", description: "The date of the latest inspection." },
  "ofsted.ratingDropped": { type: "boolean", description: "The latest grade is lower than the one before." },
  "ofsted.ratingImproved": { type: "boolean", description: "The latest grade is higher than the one before." },
  "case.category": { type: "string", description: "The case's current category key." },
  "case.stage": { type: "string", description: "The case's current escalation stage key." },
  "case.noticesInForce": {
    type: "list",
    description: "Keys of the letter types in force (issued, not withdrawn or removed).",
  },
  "case.monthsInStage": { type: "number", description: "Whole months since the case entered its stage." },
  "letters.{letterType}.inForce": { type: "boolean", description: "A letter of this type is in force." },
  "letters.{letterType}.actionsComplete": {
    type: "boolean",
    description: "Every action set by the letter in force is complete.",
  },
  "letters.{letterType}.compliedWith": {
    type: "boolean",
    description: "The school met the letter's terms by its deadline.",
  },
  "letters.{letterType}.deadlinePassed": { type: "boolean", description: "The letter's deadline has passed." },
  "visits.{visitType}.overdue": { type: "boolean", description: "A visit of this type is overdue." },
};

/**
 * The JsonLogic operations a rule may use: json-logic-js's own, less `log`
 * (it writes to the server's console), and none added (tenants cannot add
 * code). The validator refuses any other, and the engine's evaluator
 * (packages/domain/src/rules/evaluate.ts) never runs a rule that uses one.
 */
export const JSON_LOGIC_OPERATORS: ReadonlySet<string> = new Set([
  "==",
  "===",
  "!=",
  "!==",
  ">",
  ">=",
  "<",
  "<=",
  "!!",
  "!",
  "%",
  "in",
  "cat",
  "substr",
  "+",
  "*",
  "-",
  "/",
  "min",
  "max",
  "merge",
  "var",
  "missing",
  "missing_some",
  "if",
  "?:",
  "and",
  "or",
  "filter",
  "map",
  "reduce",
  "all",
  "none",
  "some",
]);

/** What a letter template may merge in (Liquid: `{{ school.name }}`, `{% for i in indicators %}`). */
export const MERGE_FIELDS: Record<string, string> = {
  "authority.name": "The authority's name.",
  "school.name": "The school's name.",
  "school.urn": "The school's URN.",
  "school.address": "The school's postal address.",
  "school.headteacher": "The headteacher's name.",
  "school.chairOfGovernors": "The chair of governors' name.",
  "school.trust": "The academy trust, if any.",
  "case.category": "The case's category label.",
  "case.stage": "The case's stage label.",
  "officer.name": "The officer who drafted the letter and signs it.",
  "officer.jobTitle": "Their job title.",
  "officer.email": "Their email.",
  "letter.type": "The letter type's label.",
  "letter.date": "The date of issue.",
  "letter.reference": "The letter's reference.",
  "letter.deadline": "The response or compliance deadline.",
  "letter.reviewDate": "When the letter will be reviewed.",
  "letter.notes": "The officer's own paragraph.",
  "recipient.name": "The addressee's name.",
  "recipient.role": "The addressee's role.",
  copies: "Who else receives a copy, after any rule on them (`when`) is applied: each has a name.",
  "parameters.{field}":
    "What the drafting officer filled in for one of the letter type's parameters (only the fields its parameters' schema declares).",
  indicators: "The indicators that apply: each has text and evidence.",
  actions: "The actions the school must take: each has text and a due date.",
};

/**
 * The lists among the merge fields (`{% for indicator in indicators %}`): what one entry is called in a loop, and
 * the fields each entry has, with their meanings.
 */
export const MERGE_LISTS: Record<string, { item: string; fields: Record<string, string> }> = {
  indicators: {
    item: "indicator",
    fields: { text: "The indicator's text.", evidence: "The evidence the officer recorded for it." },
  },
  actions: { item: "action", fields: { text: "The action the school must take.", due: "When it is due." } },
  copies: { item: "copy", fields: { name: "Who receives the copy." } },
};

/**
 * The fields of the records a measure counts (`measures[].of.kind`), which its
 * `where`, `streakWhile` and `field` may read. `date` is the date the thing
 * happened, which windows count by. A register entry's own fields are under
 * `fields.<name>` (the register's schema says which); an indicator's records
 * are its stored values.
 */
export const MEASURE_RECORD_FIELDS = {
  register: {
    date: { type: "date", description: "The date it happened (occurredOn), not the date it was logged." },
    loggedOn: { type: "date", description: "The date it was logged." },
    status: { type: "string", description: "open or closed.", values: ["open", "closed"] },
    "fields.{field}": { type: "string", description: "One of the entry's fields, as the register's schema names it." },
  },
  meetings: {
    date: { type: "date", description: "The date of the meeting." },
    meetingType: { type: "string", description: "The meeting type's key." },
    progress: { type: "string", description: "The progress judgement's key." },
    strong: { type: "boolean", description: "Whether the judgement counts as strong progress." },
    stage: { type: "string", description: "The stage the case was in at the meeting." },
  },
  visits: {
    date: { type: "date", description: "The date of the visit." },
    visitType: { type: "string", description: "The visit type's key." },
    status: {
      type: "string",
      description: "scheduled, completed or cancelled.",
      values: ["scheduled", "completed", "cancelled"],
    },
    reported: { type: "boolean", description: "Whether a report of the visit has been recorded." },
    concerns: {
      type: "boolean",
      description: "Whether the report recorded concerns about progress (false without one).",
    },
    published: { type: "boolean", description: "Whether the report has been published to the school." },
  },
  letters: {
    date: { type: "date", description: "The date it was issued (the date it was drafted, before then)." },
    letterType: { type: "string", description: "The letter type's key." },
    status: {
      type: "string",
      description: "draft, approved, issued, acknowledged, withdrawn or removed.",
      values: ["draft", "approved", "issued", "acknowledged", "withdrawn", "removed"],
    },
    actionsComplete: { type: "boolean", description: "Every action the letter set is complete." },
  },
  indicator: {
    date: { type: "date", description: "The date the value is as at." },
    value: { type: "string", description: "The value (its type is the indicator's)." },
  },
} as const satisfies Record<string, Record<string, Fact>>;

/**
 * The events a `since-event` window may start from: the latest such event in
 * the case (the whole case when there is none), optionally only those whose
 * fields meet the window's `where`.
 */
export const WINDOW_EVENTS = {
  "category-decided": {
    description: "A category decision took effect.",
    fields: { category: { type: "string", description: "The category's key." } },
  },
  "stage-changed": {
    description: "The case entered a stage.",
    fields: { stage: { type: "string", description: "The stage's key." } },
  },
  "letter-issued": {
    description: "A letter or notice was issued.",
    fields: { letterType: { type: "string", description: "The letter type's key." } },
  },
  "visit-recorded": {
    description: "A visit's report was recorded (dated the day of the visit).",
    fields: {
      visitType: { type: "string", description: "The visit type's key." },
      concerns: { type: "boolean", description: "Whether it recorded concerns." },
    },
  },
  "meeting-recorded": {
    description: "A meeting was held.",
    fields: {
      meetingType: { type: "string", description: "The meeting type's key." },
      strong: { type: "boolean", description: "Whether it judged strong progress." },
    },
  },
  "register-entry-logged": {
    description: "An entry in a register (dated the day it happened).",
    fields: { register: { type: "string", description: "The register's key." } },
  },
} as const satisfies Record<string, { description: string; fields: Record<string, Fact> }>;

export type WindowEvent = keyof typeof WINDOW_EVENTS;

/**
 * The case events a notification rule may send on (`notifications[].event`), what each means, and which of the
 * rule's narrowing fields (`stage`, `letterType`, ...) it may use.
 */
export const NOTIFICATION_EVENTS = {
  "case-opened": { description: "A case is opened for a school.", filters: ["stage"] },
  "officer-assigned": { description: "An officer is assigned to the case.", filters: [] },
  "category-decided": { description: "A category is decided for the school.", filters: ["category"] },
  "stage-changed": { description: "The case moves to another stage (by an officer or a rule).", filters: ["stage"] },
  "visit-scheduled": { description: "A visit is scheduled.", filters: ["visitType"] },
  "visit-report-published": { description: "A visit's report is published to the school.", filters: ["visitType"] },
  "letter-drafted": {
    description: "A letter or notice is drafted (for example, waiting for approval).",
    filters: ["letterType"],
  },
  "letter-approved": { description: "A drafted letter or notice is approved.", filters: ["letterType"] },
  "letter-issued": { description: "A letter or notice is issued to the school.", filters: ["letterType"] },
  "meeting-recorded": { description: "A meeting is recorded.", filters: [] },
  "tasks-started": {
    description: "Entering a stage starts its follow-ups (one message per follow-up that matches).",
    filters: ["stage", "followUp"],
  },
  "case-closed": { description: "The case is closed.", filters: [] },
} as const satisfies Record<string, { description: string; filters: readonly string[] }>;

export type NotificationEvent = keyof typeof NOTIFICATION_EVENTS;
export const NOTIFICATION_EVENT_KEYS = Object.keys(NOTIFICATION_EVENTS) as NotificationEvent[];

/** The case's own people a notification may go to (`notifications[].recipients[].person`). */
export const NOTIFICATION_PEOPLE = {
  assignedOfficer: "The officer the case is assigned to (after the event: the officer just assigned).",
} as const;

export type NotificationPerson = keyof typeof NOTIFICATION_PEOPLE;
export const NOTIFICATION_PERSON_KEYS = Object.keys(NOTIFICATION_PEOPLE) as NotificationPerson[];

/**
 * What a notification's subject and body may merge in: the case's fields a letter has, the recipient, and what
 * the event was about. A field the event does not have is empty.
 */
export const NOTIFICATION_MERGE_FIELDS: Record<string, string> = {
  "authority.name": MERGE_FIELDS["authority.name"] ?? "",
  "school.name": MERGE_FIELDS["school.name"] ?? "",
  "school.urn": MERGE_FIELDS["school.urn"] ?? "",
  "school.trust": MERGE_FIELDS["school.trust"] ?? "",
  "case.category": MERGE_FIELDS["case.category"] ?? "",
  "case.stage": MERGE_FIELDS["case.stage"] ?? "",
  "officer.name": "The case's assigned officer.",
  "recipient.name": "The person the message goes to.",
  "event.date": "The date it happened (14 March 2027).",
  "event.by": "Who did it (Steward for the daily check).",
  "event.reason": "The reason given, when the event has one.",
  "letter.type": "The letter type's label (letter events).",
  "visit.type": "The visit type's label (visit events).",
  "visit.date": "The visit's date (visit events).",
  "followUp.label": "What the follow-up asks for (tasks-started).",
  "followUp.due": "When the follow-up is due (tasks-started).",
};

/**
 * The `ui:widget` names a policy's form may use: every widget the GOV.UK theme registers (`@steward/forms`; a test
 * there keeps this list equal to the theme's), beside rjsf's short names, which rjsf maps to one of them by the
 * field's type.
 */
export const FORM_THEME_WIDGETS = [
  "AltDateTimeWidget",
  "AltDateWidget",
  "CheckboxWidget",
  "CheckboxesWidget",
  "ColorWidget",
  "DateTimeWidget",
  "DateWidget",
  "EmailWidget",
  "FileWidget",
  "HiddenWidget",
  "PasswordWidget",
  "RadioWidget",
  "RangeWidget",
  "RatingWidget",
  "SelectWidget",
  "TextWidget",
  "TextareaWidget",
  "TimeWidget",
  "URLWidget",
  "UpDownWidget",
  "YesNoWidget",
  "yesNo",
  "CategorySelectorWidget",
  "categorySelector",
  "RatingScaleWidget",
  "ratingScale",
  "BestFitWidget",
  "bestFit",
] as const;

/** rjsf's own short `ui:widget` names (`textarea`, `radio`, ...), each drawn by one of the theme's widgets. */
export const FORM_WIDGET_ALIASES = [
  "alt-date",
  "alt-datetime",
  "checkbox",
  "checkboxes",
  "color",
  "data-url",
  "date",
  "date-time",
  "datetime",
  "email",
  "file",
  "files",
  "hidden",
  "hostname",
  "ipv4",
  "ipv6",
  "password",
  "radio",
  "range",
  "select",
  "text",
  "textarea",
  "time",
  "updown",
  "uri",
] as const;
