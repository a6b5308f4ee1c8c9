import { Type, type Static } from "@sinclair/typebox";

import { ACTIONS, SUBJECTS } from "../vocabulary.ts";
import { Derivation, Dimension, Moderation } from "./assessment.ts";
import {
  Applicability,
  Audience,
  IsoDate,
  JsonLogicRule,
  Key,
  List,
  RefTo,
  SIZE_LIMITS,
  SourceRef,
  Strict,
  TagColour,
  Text,
} from "./common.ts";
import { IndicatorDefinition, MeasureDefinition, RegisterDefinition } from "./data.ts";
import { NotificationRule } from "./notifications.ts";

/**
 * The meta-schema's own format version: the shape of a policy document, not a
 * tenant's policy version. Format 2 counts deadlines in calendar days, working
 * days, school days, weeks or months (format 1 had calendar days only) and lets
 * a frequency say "N times a year". Format 3 has the policy declare the data it
 * watches (indicators), the logs it keeps (registers) and what it counts
 * (measures): the authority's data is no longer among Steward's built-in facts.
 * Format 4 composes the assessment from dimensions and a derivation (format 3
 * had two fixed methods, best-fit and risk-rating), lets letters take
 * parameters, conditional recipients and a response form, lets stages start
 * follow-ups, and lets a category have no visits.
 */
export const FORMAT_VERSION = 4 as const;

// ---------------------------------------------------------------- authority, strategy

export const Authority = Strict(
  {
    name: Text({
      title: "Name",
      description: "The authority's full name, for example North Shire County Council.",
      maxLength: 200,
    }),
    shortName: Type.Optional(Text({ title: "Short name", maxLength: 80 })),
    laCode: Type.String({
      pattern: "^[0-9]{3}$",
      maxLength: 3,
      title: "LA code",
      description: "The DfE three-digit local authority code.",
    }),
    contact: Type.Optional(
      Strict(
        {
          team: Type.Optional(Text({ title: "Team", maxLength: 200 })),
          email: Type.Optional(Type.String({ format: "email", maxLength: 254, title: "Email" })),
          phone: Type.Optional(Text({ title: "Phone", maxLength: 40 })),
        },
        { title: "Contact" },
      ),
    ),
  },
  { title: "Authority" },
);

export const Priority = Strict(
  {
    key: Key,
    title: Text({ title: "Priority", maxLength: 300 }),
    actions: List(Text({ maxLength: 500 }), { title: "Key actions" }),
  },
  { title: "Priority" },
);

export const Strategy = Strict(
  {
    title: Text({ title: "Title", maxLength: 200 }),
    period: Type.String({
      pattern: "^[0-9]{4}(-[0-9]{4})?$",
      maxLength: 9,
      title: "Period",
      description: "The years the strategy covers, for example 2021-2023.",
    }),
    effectiveFrom: IsoDate,
    effectiveTo: Type.Optional(IsoDate),
    summary: Type.Optional(Text({ title: "Summary", maxLength: 4000 })),
    priorities: Type.Optional(List(Priority, { title: "Priorities" })),
  },
  { title: "Strategy" },
);

// ---------------------------------------------------------------- calendar

export const DateRange = {
  start: IsoDate,
  end: IsoDate,
};

export const HalfTerm = Strict({ key: Key, label: Text({ maxLength: 80 }), ...DateRange }, { title: "Half term" });

export const Term = Strict(
  {
    key: Key,
    label: Text({ maxLength: 80 }),
    ...DateRange,
    halfTerms: List(HalfTerm, { minItems: 1, maxItems: 3, title: "Half terms" }),
  },
  { title: "Term" },
);

export const Holiday = Strict({ label: Text({ maxLength: 120 }), ...DateRange }, { title: "Holiday" });

export const AcademicYear = Strict(
  {
    key: Type.String({
      pattern: "^[0-9]{4}-[0-9]{2}$",
      maxLength: 7,
      title: "Key",
      description: "The school year, for example 2021-22.",
    }),
    label: Text({ maxLength: 80 }),
    terms: List(Term, { minItems: 1, maxItems: 6, title: "Terms" }),
    holidays: List(Holiday, { title: "Holidays" }),
    assumed: Type.Optional(
      Type.Boolean({
        title: "Dates assumed",
        description: "True when these dates are not the authority's published dates but an assumption to be confirmed.",
      }),
    ),
    note: Type.Optional(Text({ maxLength: 1000 })),
  },
  { title: "Academic year" },
);

export const Calendar = Strict(
  {
    model: Type.Union([Type.Literal("three-term"), Type.Literal("six-term")], {
      title: "Term model",
      description: "three-term: autumn, spring, summer with half terms; six-term: the same dates counted as six terms.",
    }),
    years: List(AcademicYear, { minItems: 1, title: "Academic years" }),
  },
  { title: "Calendar" },
);

// ---------------------------------------------------------------- areas, categories, criteria

export const Area = Strict(
  { key: Key, label: Text({ maxLength: 200 }), description: Type.Optional(Text({ maxLength: 2000 })) },
  { title: "Judgement area" },
);

export const Frequency = Strict(
  {
    every: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 52, title: "Every", description: "Every N units: every 4 weeks." }),
    ),
    times: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 52, title: "Times", description: "N times in each unit: 4 times a year." }),
    ),
    unit: Type.Union(
      [
        Type.Literal("week"),
        Type.Literal("month"),
        Type.Literal("half-term"),
        Type.Literal("term"),
        Type.Literal("year"),
      ],
      { title: "Unit" },
    ),
  },
  {
    title: "Frequency",
    description:
      "Every N weeks, months, half terms, terms or years, or N times in each: counted in the policy calendar. Give every or times, not both.",
  },
);

export const PeriodUnit = Type.Union(
  [
    Type.Literal("calendar-days"),
    Type.Literal("working-days"),
    Type.Literal("school-days"),
    Type.Literal("weeks"),
    Type.Literal("months"),
  ],
  {
    title: "Unit",
    description: "working-days skip weekends and bank holidays; school-days also skip the calendar's holidays.",
  },
);

export const Period = Strict(
  {
    amount: Type.Integer({ minimum: 1, maximum: 730, title: "Amount" }),
    unit: PeriodUnit,
  },
  { title: "Period" },
);

export const Cadence = Strict(
  {
    visitType: RefTo("visitTypes"),
    frequency: Frequency,
    basis: Type.Union([Type.Literal("minimum"), Type.Literal("typical"), Type.Literal("exact")], {
      title: "Basis",
      description: "minimum: at least this often; typical: about this often; exact: on this cadence.",
    }),
    label: Text({
      title: "In words",
      maxLength: 200,
      description: "As the strategy says it, for example 'monthly (as a minimum)'.",
    }),
    applicability: Type.Optional(Applicability),
  },
  { title: "Visit cadence" },
);

export const RequiredMeeting = Strict(
  { meetingType: RefTo("meetingTypes"), note: Type.Optional(Text({ maxLength: 500 })) },
  { title: "Required meeting" },
);

export const Category = Strict(
  {
    key: Key,
    label: Text({ maxLength: 120 }),
    description: Text({ maxLength: 4000 }),
    severity: Type.Integer({
      minimum: 0,
      maximum: 20,
      title: "Severity",
      description: "0 is the least concern; each category has its own.",
    }),
    colour: TagColour,
    cadence: List(Cadence, {
      title: "Visits",
      description: "The LA's visits to schools in this category; empty when the LA makes none (for example academies).",
    }),
    support: List(Text({ maxLength: 1000 }), { title: "Support offered" }),
    requiredMeetings: List(RequiredMeeting, { title: "Required meetings" }),
    visibleToSchool: Type.Boolean({ title: "School staff may see this category" }),
    applicability: Type.Optional(Applicability),
    source: Type.Optional(SourceRef),
  },
  { title: "Category" },
);

export const DataLink = Strict(
  {
    label: Text({ maxLength: 80, title: "Link text", description: "For example 'See data'." }),
    metric: Type.Optional(
      Text({ maxLength: 120, title: "Data field", description: "The school data field it points to." }),
    ),
  },
  { title: "Data link" },
);

export const Descriptor = Strict(
  { key: Key, text: Text({ maxLength: 1000 }), dataLink: Type.Optional(DataLink) },
  { title: "Descriptor" },
);

export const CriteriaSet = Strict(
  {
    area: RefTo("areas"),
    category: RefTo("categories"),
    descriptors: List(Descriptor, { minItems: 1, title: "Descriptors" }),
  },
  { title: "Criteria", description: "The descriptors a best-fit judgement makes against one category in one area." },
);

export const Assessment = Strict(
  {
    description: Text({ maxLength: 4000 }),
    dimensions: List(Dimension, { minItems: 1, maxItems: 20, title: "Dimensions" }),
    derivation: Derivation,
    frequency: Frequency,
    reviewFrequency: Type.Optional(Frequency),
    moderation: Moderation,
    evidenceSources: Type.Optional(List(Text({ maxLength: 300 }), { title: "Evidence sources" })),
    applicability: Type.Optional(Applicability),
  },
  { title: "Assessment" },
);

// ---------------------------------------------------------------- triggers

export const Trigger = Strict(
  {
    key: Key,
    label: Text({ maxLength: 300 }),
    description: Type.Optional(Text({ maxLength: 2000 })),
    when: JsonLogicRule,
    suggests: Strict(
      {
        category: Type.Optional(RefTo("categories")),
        categoryEffect: Type.Optional(
          Type.Union([Type.Literal("raise"), Type.Literal("lower"), Type.Literal("set")], {
            title: "Effect on the category",
            description:
              "raise (the default): the suggestion rises to this category if it is more severe; lower: falls to it if it is less severe; set: becomes it.",
          }),
        ),
        letterType: Type.Optional(RefTo("letterTypes")),
        stage: Type.Optional(RefTo("stages")),
        action: Type.Optional(Text({ maxLength: 500 })),
      },
      { title: "Suggests", description: "At least one of: a category, a letter type, a stage or an action." },
    ),
    applicability: Type.Optional(Applicability),
    source: Type.Optional(SourceRef),
  },
  { title: "Trigger" },
);

// ---------------------------------------------------------------- visits, meetings

export const Participant = Strict(
  {
    role: Type.Optional(RefTo("roles")),
    label: Type.Optional(
      Text({
        maxLength: 200,
        description: "Someone outside Steward's roles, for example the Regional Schools Commissioner.",
      }),
    ),
  },
  { title: "Participant", description: "A role of this policy, or a named party outside it." },
);

export const AgendaItem = Strict(
  {
    key: Key,
    title: Text({ maxLength: 300 }),
    prompts: Type.Optional(List(Text({ maxLength: 500 }), { title: "Prompts" })),
  },
  { title: "Agenda item" },
);

export const Agenda = Strict(
  {
    term: Type.Union([RefTo("terms"), Type.Literal("any")], {
      title: "Term",
      description: "The term key this agenda is for, or any.",
    }),
    title: Text({ maxLength: 200 }),
    items: List(AgendaItem, { minItems: 1, title: "Items" }),
  },
  { title: "Agenda" },
);

export const ReportVisibility = Type.Union(
  [Type.Literal("la-only"), Type.Literal("on-publish"), Type.Literal("always")],
  {
    title: "School sees the report",
    description: "la-only: never; on-publish: when an officer publishes it; always: as soon as it is recorded.",
  },
);

export const VisitType = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    purpose: Text({ maxLength: 4000 }),
    attendees: List(Participant, { title: "Who attends" }),
    ledBy: List(RefTo("roles"), { minItems: 1, title: "Roles that lead and record it" }),
    agendas: List(Agenda, { title: "Agendas" }),
    activities: Type.Optional(List(Text({ maxLength: 300 }), { title: "Activities may include" })),
    reportForm: Type.Optional(RefTo("forms")),
    reportVisibility: ReportVisibility,
    preVisitForm: Type.Optional(RefTo("forms")),
    applicability: Type.Optional(Applicability),
    source: Type.Optional(SourceRef),
  },
  { title: "Visit type" },
);

export const Sharing = Strict(
  {
    content: Type.Union(
      [Type.Literal("key-points"), Type.Literal("minutes"), Type.Literal("actions"), Type.Literal("decisions")],
      {
        title: "What is shared",
      },
    ),
    with: List(Participant, { minItems: 1, title: "With whom" }),
    maxItems: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 50, title: "At most", description: "For example 5 key points." }),
    ),
    description: Text({ maxLength: 1000 }),
  },
  { title: "Sharing" },
);

export const ProgressJudgement = Strict(
  {
    key: Key,
    label: Text({ maxLength: 120 }),
    isStrong: Type.Boolean({
      title: "Counts as strong progress",
      description: "Exit rules count meetings that judged strong progress.",
    }),
  },
  { title: "Progress judgement" },
);

export const MeetingType = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    purpose: Text({ maxLength: 4000 }),
    chair: Type.Optional(Participant),
    attendees: List(Participant, { minItems: 1, title: "Attendees" }),
    frequency: Type.Optional(Frequency),
    confidential: Type.Boolean({
      title: "Confidential",
      description: "Minutes are for LA attendees only; only what is listed under sharing reaches anyone else.",
    }),
    sharing: List(Sharing, { title: "Shared after the meeting" }),
    minutesForm: Type.Optional(RefTo("forms")),
    progressJudgements: List(ProgressJudgement, { title: "Progress judgements" }),
    applicability: Type.Optional(Applicability),
    source: Type.Optional(SourceRef),
  },
  { title: "Meeting type" },
);

// ---------------------------------------------------------------- letters and notices

export const Indicator = Strict({ key: Key, text: Text({ maxLength: 1000 }) }, { title: "Indicator" });

export const Recipient = Strict(
  {
    role: Type.Optional(RefTo("roles")),
    label: Type.Optional(Text({ maxLength: 200 })),
    copy: Type.Boolean({ title: "Sent a copy", description: "True for a copy (cc); false for an addressee." }),
    when: Type.Optional({
      ...JsonLogicRule,
      title: "Only when",
      description:
        'A rule over the school\'s facts: the recipient is included only when it holds, for example {"!!": [{"var": "school.diocese"}]}.',
    }),
  },
  { title: "Recipient" },
);

/** A property name in a form's or a letter's parameters' JSON Schema. */
export const PropertyName = Type.String({ pattern: "^[A-Za-z][A-Za-z0-9_]*$", maxLength: 64, title: "Field" });

export const LetterParameters = Strict(
  {
    schema: Type.Object(
      {},
      {
        additionalProperties: true,
        maxProperties: SIZE_LIMITS.mapFields,
        title: "JSON Schema",
        description:
          "What the drafting officer fills in, as a JSON Schema object (a period within bounds, a required paragraph, a date, a choice). Templates merge them as {{ parameters.<field> }}.",
      },
    ),
    uiSchema: Type.Optional(
      Type.Object({}, { additionalProperties: true, maxProperties: SIZE_LIMITS.mapFields, title: "UI schema" }),
    ),
  },
  { title: "Parameters" },
);

export const LetterDeadline = Strict(
  {
    kind: Type.Union([Type.Literal("response"), Type.Literal("compliance")], { title: "Kind" }),
    within: Type.Optional({ ...Period, title: "Within", description: "How long after issue." }),
    fromParameter: Type.Optional(
      Strict(
        {
          field: PropertyName,
          unit: Type.Optional(PeriodUnit),
        },
        {
          title: "From a parameter",
          description:
            "The deadline the drafting officer sets: a whole-number parameter counted in `unit` from the day of issue, or a date parameter (no unit).",
        },
      ),
    ),
    label: Text({ maxLength: 300 }),
  },
  { title: "Deadline", description: "Give `within` or `fromParameter`." },
);

export const LetterType = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    kind: Type.Union([Type.Literal("letter"), Type.Literal("notice")], { title: "Kind" }),
    purpose: Text({ maxLength: 4000 }),
    indicators: List(Indicator, { title: "Indicators", description: "The bullets that justify sending it." }),
    minimumIndicators: Type.Integer({
      minimum: 0,
      title: "Indicators needed",
      description: "How many indicators must apply (the seeds: 'one or more').",
    }),
    applicability: Type.Optional(Applicability),
    // Strict, with the letter editor named: the studio draws the template with it.
    template: Type.Object(
      {
        subject: Text({
          maxLength: 300,
          title: "Subject",
          description: "Liquid template: merge fields such as {{ school.name }}.",
        }),
        body: Text({
          maxLength: 20000,
          title: "Body",
          description: "Liquid template producing the letter's HTML body.",
        }),
      },
      {
        additionalProperties: false,
        title: "Template",
        description:
          "The letter's subject and body. The letter editor writes the body as formatted text with merge fields, conditional paragraphs and repeated lists; it is stored as HTML and Liquid.",
        "x-steward-editor": "letter-template",
      },
    ),
    recipients: List(Recipient, { minItems: 1, title: "Recipients" }),
    permissions: Strict(
      {
        draft: List(RefTo("roles"), { minItems: 1, title: "Roles that may draft" }),
        approve: List(RefTo("roles"), { title: "Roles that may approve" }),
        issue: List(RefTo("roles"), { minItems: 1, title: "Roles that may issue" }),
      },
      { title: "Who may" },
    ),
    approvalRequired: Type.Boolean({ title: "Needs approval before it is issued" }),
    acknowledgementRequired: Type.Boolean({ title: "The school must acknowledge it" }),
    parameters: Type.Optional(LetterParameters),
    deadline: Type.Optional(LetterDeadline),
    responseForm: Type.Optional(
      Strict(
        {
          form: RefTo("forms"),
          label: Text({ maxLength: 200, title: "In words", description: "For example Action plan." }),
        },
        {
          title: "Response form",
          description: "A school form the school must submit by the letter's deadline, tied to the letter.",
        },
      ),
    ),
    reviewAfter: Type.Optional({
      ...Period,
      title: "Review after",
      description: "When the letter is reviewed, after issue.",
    }),
    effect: Type.Optional(
      Strict(
        {
          stage: Type.Optional(RefTo("stages")),
          category: Type.Optional(RefTo("categories")),
          inForceUntilRemoved: Type.Optional(Type.Boolean({ title: "Stays in force until removed" })),
          notify: Type.Optional(List(Participant, { title: "Also notify" })),
        },
        { title: "Effect on the case" },
      ),
    ),
    removal: Type.Optional(
      Strict(
        { allowed: Type.Boolean(), when: Text({ maxLength: 1000, title: "When it is removed" }) },
        { title: "Removal" },
      ),
    ),
    visibleToSchool: Type.Boolean({ title: "School staff see it once issued" }),
    source: Type.Optional(SourceRef),
  },
  { title: "Letter or notice type" },
);

// ---------------------------------------------------------------- escalation

export const FollowUp = Strict(
  {
    key: Key,
    kind: Type.Union(
      [
        Type.Literal("visit"),
        Type.Literal("letter"),
        Type.Literal("meeting"),
        Type.Literal("notify"),
        Type.Literal("task"),
      ],
      {
        title: "Kind",
        description:
          "visit: schedule a visit of a type; letter: draft a letter of a type; meeting: hold a meeting of a type; notify: tell people; task: anything else.",
      },
    ),
    label: Text({ maxLength: 300, title: "What to do" }),
    visitType: Type.Optional(RefTo("visitTypes")),
    letterType: Type.Optional(RefTo("letterTypes")),
    meetingType: Type.Optional(RefTo("meetingTypes")),
    notify: Type.Optional(List(Participant, { minItems: 1, title: "Whom to tell" })),
    within: Type.Optional({ ...Period, title: "Due within", description: "How long after entering the stage." }),
    roles: Type.Optional(List(RefTo("roles"), { minItems: 1, title: "Roles that do it" })),
  },
  {
    title: "Follow-up",
    description:
      "What entering the stage starts: a task on the case, due within the period, done when the visit is scheduled, the letter drafted or the meeting recorded (or by hand), or dismissed with a reason.",
  },
);

export const Stage = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    description: Text({ maxLength: 4000 }),
    order: Type.Integer({ minimum: 0, maximum: 100 }),
    colour: TagColour,
    visibleToSchool: Type.Boolean({ title: "School staff may see this stage" }),
    followUps: Type.Optional(List(FollowUp, { title: "Follow-ups on entering it" })),
    applicability: Type.Optional(Applicability),
  },
  { title: "Stage" },
);

export const Transition = Strict(
  {
    key: Key,
    from: List(Type.Union([RefTo("stages"), Type.Literal("*")]), {
      minItems: 1,
      title: "From stages",
      description: "Stage keys, or * for any.",
    }),
    to: RefTo("stages"),
    label: Text({ maxLength: 300 }),
    mode: Type.Union([Type.Literal("automatic"), Type.Literal("suggested"), Type.Literal("manual")], {
      title: "Mode",
      description:
        "automatic: happens when the rule holds; suggested: offered to the officer when it holds; manual: an officer's decision.",
    }),
    when: Type.Optional(JsonLogicRule),
    requiresReason: Type.Boolean({ title: "The officer gives a reason" }),
    roles: Type.Optional(List(RefTo("roles"), { title: "Roles that may make it" })),
    description: Type.Optional(Text({ maxLength: 2000 })),
    source: Type.Optional(SourceRef),
  },
  { title: "Transition" },
);

export const Escalation = Strict(
  {
    initialStage: RefTo("stages"),
    stages: List(Stage, { minItems: 1, title: "Stages" }),
    transitions: List(Transition, { title: "Transitions" }),
  },
  { title: "Escalation" },
);

// ---------------------------------------------------------------- forms

export const FormDefinition = Strict(
  {
    key: Key,
    title: Text({ maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 4000 })),
    purpose: Type.Union(
      [
        Type.Literal("visit-report"),
        Type.Literal("pre-visit-return"),
        Type.Literal("self-evaluation"),
        Type.Literal("funding-application"),
        Type.Literal("meeting-minutes"),
        Type.Literal("action-plan"),
        Type.Literal("other"),
      ],
      { title: "Purpose" },
    ),
    audience: Audience,
    schema: Type.Object(
      {},
      {
        additionalProperties: true,
        maxProperties: SIZE_LIMITS.mapFields,
        title: "JSON Schema",
        description: "The form's fields, as a JSON Schema object.",
      },
    ),
    uiSchema: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          maxProperties: SIZE_LIMITS.mapFields,
          title: "UI schema",
          description: "react-jsonschema-form uiSchema.",
        },
      ),
    ),
    applicability: Type.Optional(Applicability),
    source: Type.Optional(SourceRef),
  },
  // The studio edits a form with its form builder (questions, pages and a preview), not as two JSON texts.
  { title: "Form", "x-steward-editor": "form" },
);

// ---------------------------------------------------------------- roles

export const Rule = Strict(
  {
    action: Type.Union(
      [
        Type.Union(ACTIONS.map((a) => Type.Literal(a))),
        List(Type.Union(ACTIONS.map((a) => Type.Literal(a))), { minItems: 1 }),
      ],
      {
        title: "Action",
      },
    ),
    subject: Type.Union(
      [
        Type.Union(SUBJECTS.map((s) => Type.Literal(s))),
        List(Type.Union(SUBJECTS.map((s) => Type.Literal(s))), { minItems: 1 }),
      ],
      {
        title: "Subject",
      },
    ),
    conditions: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          maxProperties: SIZE_LIMITS.mapFields,
          title: "Conditions",
          description: 'CASL conditions, e.g. {"schoolUrn": "${user.schoolUrn}"}.',
        },
      ),
    ),
    fields: Type.Optional(
      List(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, title: "Only these fields" }),
    ),
    inverted: Type.Optional(Type.Boolean({ title: "Forbid instead of allow" })),
    reason: Type.Optional(
      Text({ maxLength: 300, title: "Reason", description: "Shown when the rule forbids something." }),
    ),
  },
  { title: "Rule" },
);

export const Role = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    audience: Audience,
    description: Text({ maxLength: 2000 }),
    rules: List(Rule, { minItems: 1, title: "Rules" }),
    mayGrant: Type.Optional(
      List(RefTo("roles"), {
        title: "Roles its holders may give",
        description:
          "The roles a user with this role may give when inviting users or changing their roles (with the `invite` or `update` User permission). A role not listed here cannot be given by them; without this list they may give none.",
      }),
    ),
  },
  { title: "Role" },
);

// ---------------------------------------------------------------- offers

export const Offer = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200 }),
    description: Text({ maxLength: 4000 }),
    traded: Type.Boolean({ title: "Schools buy into it" }),
    visits: List(Cadence, { title: "Visits it brings" }),
    fallbackVisits: Type.Optional(List(Cadence, { title: "Visits for schools that do not buy in" })),
    applicability: Type.Optional(Applicability),
  },
  { title: "Offer" },
);

// ---------------------------------------------------------------- the document

export const PolicyDocument = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 500 })),
    formatVersion: Type.Literal(FORMAT_VERSION, { title: "Format version" }),
    authority: Authority,
    strategy: Strategy,
    calendar: Calendar,
    areas: List(Area, { minItems: 1, title: "Judgement areas" }),
    assessment: Assessment,
    categories: List(Category, { minItems: 1, title: "Categories" }),
    criteria: List(CriteriaSet, { title: "Criteria" }),
    triggers: List(Trigger, { title: "Triggers" }),
    visitTypes: List(VisitType, { minItems: 1, title: "Visit types" }),
    meetingTypes: List(MeetingType, { title: "Meeting types" }),
    letterTypes: List(LetterType, { title: "Letter and notice types" }),
    escalation: Escalation,
    forms: List(FormDefinition, { title: "Forms" }),
    roles: List(Role, { minItems: 1, title: "Roles" }),
    offers: Type.Optional(List(Offer, { title: "Offers" })),
    indicators: Type.Optional(List(IndicatorDefinition, { title: "Indicators" })),
    registers: Type.Optional(List(RegisterDefinition, { title: "Registers" })),
    measures: Type.Optional(List(MeasureDefinition, { title: "Measures" })),
    notifications: Type.Optional(List(NotificationRule, { title: "Notifications" })),
  },
  {
    $id: "https://steward.schools/schema/policy/v2.json",
    title: "Steward policy document",
    description: "One local authority's school-improvement strategy, as Steward runs it.",
    additionalProperties: false,
  },
);

export type PolicyDocument = Static<typeof PolicyDocument>;
export type Category = Static<typeof Category>;
export type Cadence = Static<typeof Cadence>;
export type Frequency = Static<typeof Frequency>;
export type Period = Static<typeof Period>;
export type CriteriaSet = Static<typeof CriteriaSet>;
export type Trigger = Static<typeof Trigger>;
export type VisitType = Static<typeof VisitType>;
export type MeetingType = Static<typeof MeetingType>;
export type LetterType = Static<typeof LetterType>;
export type Escalation = Static<typeof Escalation>;
export type Stage = Static<typeof Stage>;
export type Transition = Static<typeof Transition>;
export type FormDefinition = Static<typeof FormDefinition>;
export type Role = Static<typeof Role>;
export type Rule = Static<typeof Rule>;
export type AcademicYear = Static<typeof AcademicYear>;
export type Participant = Static<typeof Participant>;
export type Assessment = Static<typeof Assessment>;
export type FollowUp = Static<typeof FollowUp>;
export type LetterDeadline = Static<typeof LetterDeadline>;
export type Recipient = Static<typeof Recipient>;
