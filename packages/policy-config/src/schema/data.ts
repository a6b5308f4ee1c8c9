/**
 * The authority's own data, declared by its policy: the indicators it watches
 * (`indicators.<key>` in a rule), the registers it keeps (logs of concerns,
 * complaints, referrals, ...) and the measures it counts over them
 * (`measures.<key>`). Steward's code names none of them: a new authority
 * declares its own here.
 */
import { Type, type Static } from "@sinclair/typebox";

import { JsonLogicRule, Key, List, RefTo, ruleOf, SIZE_LIMITS, SourceRef, Strict, Text } from "./common.ts";

/** A length of time: `{ "count": 12, "unit": "months" }`. */
export const Duration = Strict(
  {
    count: Type.Integer({ minimum: 1, maximum: 1000, title: "How many" }),
    unit: Type.Union([Type.Literal("days"), Type.Literal("weeks"), Type.Literal("months"), Type.Literal("years")], {
      title: "Unit",
    }),
  },
  { title: "Length of time" },
);

// ---------------------------------------------------------------- indicators

export const IndicatorOption = Strict(
  { value: Key, label: Text({ maxLength: 120, title: "Label" }) },
  { title: "Value", description: "One value the indicator may take, with its label." },
);

/** What kind of value an indicator holds. */
export const IndicatorType = Type.Union(
  [
    Strict(
      {
        kind: Type.Literal("number"),
        unit: Type.Optional(Text({ maxLength: 40, title: "Unit", description: "For example %, pupils or £." })),
        minimum: Type.Optional(Type.Number({ title: "Lowest value" })),
        maximum: Type.Optional(Type.Number({ title: "Highest value" })),
        decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6, title: "Decimal places shown" })),
      },
      { title: "Number" },
    ),
    Strict(
      {
        kind: Type.Literal("boolean"),
        trueLabel: Type.Optional(Text({ maxLength: 80, title: "Label for yes" })),
        falseLabel: Type.Optional(Text({ maxLength: 80, title: "Label for no" })),
      },
      { title: "Yes or no" },
    ),
    Strict(
      {
        kind: Type.Literal("choice"),
        options: List(IndicatorOption, {
          minItems: 1,
          title: "Values, in order",
          description: "The values it may take, in their order (for example red, amber, green).",
        }),
      },
      { title: "One of listed values" },
    ),
    Strict({ kind: Type.Literal("date") }, { title: "Date" }),
    Strict(
      { kind: Type.Literal("text"), maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
      { title: "Text" },
    ),
  ],
  { title: "Type" },
);

/** Where an indicator's values come from. */
export const IndicatorSource = Type.Union(
  [
    Strict(
      { kind: Type.Literal("import") },
      { title: "An import", description: "A file of values keyed by URN or LAESTAB (CSV or XLSX)." },
    ),
    Strict(
      {
        kind: Type.Literal("entry"),
        roles: Type.Optional(
          List(RefTo("roles"), {
            minItems: 1,
            title: "Roles that may enter it",
            description: "LA roles; leave out for every role that may update a school.",
          }),
        ),
      },
      { title: "An officer's entry" },
    ),
    Strict(
      {
        kind: Type.Literal("form"),
        form: RefTo("forms"),
        field: Type.String({
          minLength: 1,
          maxLength: 300,
          pattern: "^/",
          title: "Answer",
          description: "A JSON pointer to the answer in the form's response, for example /attendance/overall.",
        }),
      },
      { title: "A form's answer", description: "Set when a response to the form is submitted." },
    ),
    Strict(
      {
        kind: Type.Literal("derived"),
        rule: JsonLogicRule,
      },
      {
        title: "A rule over other indicators",
        description: "A JsonLogic rule whose result is the value, reading other indicators (`indicators.<key>`).",
      },
    ),
  ],
  { title: "Comes from" },
);

export const IndicatorDefinition = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200, title: "Label" }),
    description: Type.Optional(Text({ maxLength: 2000, title: "Description" })),
    group: Type.Optional(
      Text({ maxLength: 80, title: "Group", description: "Shown together, for example Attendance or Finance." }),
    ),
    type: IndicatorType,
    from: List(IndicatorSource, {
      minItems: 1,
      maxItems: 4,
      title: "Comes from",
      description: "Where its values come from; a derived indicator has only its rule.",
    }),
    /** After this long a value no longer counts (rules read no value); absent: it counts until replaced. */
    currentFor: Type.Optional(Duration),
    visibleToSchools: Type.Boolean({
      title: "Schools see it",
      description: "Whether the school's own staff see this indicator and its history; otherwise LA staff only.",
    }),
    source: Type.Optional(SourceRef),
  },
  { title: "Indicator" },
);

// ---------------------------------------------------------------- registers

export const RegisterDefinition = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200, title: "Name", description: "For example Register of concern." }),
    entryLabel: Text({
      maxLength: 80,
      title: "One entry is a",
      description: "For example concern, complaint or referral.",
    }),
    description: Type.Optional(Text({ maxLength: 4000, title: "Description" })),
    occurredOnLabel: Type.Optional(
      Text({
        maxLength: 120,
        title: "Label for the date it happened",
        description: "For example Date the concern was received. Counting uses this date, not the date it was logged.",
      }),
    ),
    schema: Type.Object(
      {},
      {
        additionalProperties: true,
        maxProperties: SIZE_LIMITS.mapFields,
        title: "Fields of an entry",
        description: "The fields of one entry (beyond the date it happened), as a JSON Schema object.",
      },
    ),
    uiSchema: Type.Optional(
      Type.Object({}, { additionalProperties: true, maxProperties: SIZE_LIMITS.mapFields, title: "UI schema" }),
    ),
    access: Strict(
      {
        log: List(RefTo("roles"), { minItems: 1, title: "Roles that may log an entry" }),
        read: List(RefTo("roles"), { minItems: 1, title: "Roles that may read entries" }),
        close: List(RefTo("roles"), { minItems: 1, title: "Roles that may close an entry" }),
      },
      { title: "Who may" },
    ),
    visibleToSchools: Type.Boolean({
      title: "Schools see it",
      description: "Whether school roles may be given read access to entries about their own school.",
    }),
    source: Type.Optional(SourceRef),
  },
  { title: "Register" },
);

// ---------------------------------------------------------------- measures

/** Which records a measure counts. */
export const MeasureOf = Type.Union(
  [
    Strict({ kind: Type.Literal("register"), register: RefTo("registers") }, { title: "A register's entries" }),
    Strict(
      { kind: Type.Literal("meetings"), meetingType: Type.Optional(RefTo("meetingTypes")) },
      { title: "Meetings" },
    ),
    Strict({ kind: Type.Literal("visits"), visitType: Type.Optional(RefTo("visitTypes")) }, { title: "Visits" }),
    Strict({ kind: Type.Literal("letters"), letterType: Type.Optional(RefTo("letterTypes")) }, { title: "Letters" }),
    Strict({ kind: Type.Literal("indicator"), indicator: RefTo("indicators") }, { title: "An indicator's values" }),
  ],
  { title: "Counts" },
);

/** Over which dates: each record counts by the date it happened. */
export const MeasureWindow = Type.Union(
  [
    Strict(
      { kind: Type.Literal("rolling"), last: Duration },
      { title: "The last N days, weeks, months or years (rolling)" },
    ),
    Strict({ kind: Type.Literal("school-year") }, { title: "This school year of the policy's calendar" }),
    Strict({ kind: Type.Literal("term") }, { title: "This term of the policy's calendar" }),
    Strict({ kind: Type.Literal("stage") }, { title: "Since the case entered its stage" }),
    Strict(
      {
        kind: Type.Literal("since-event"),
        event: Type.String({
          minLength: 1,
          maxLength: 64,
          title: "Event",
          description: "A case event type, for example letter-issued (see the case engine's events).",
        }),
        where: Type.Optional(ruleOf({ title: "Only such events where" })),
      },
      { title: "Since the latest such event (the whole case when there is none)" },
    ),
    Strict({ kind: Type.Literal("all") }, { title: "The whole case" }),
  ],
  { title: "Window" },
);

export const MeasureDefinition = Strict(
  {
    key: Key,
    label: Text({ maxLength: 200, title: "Label" }),
    description: Type.Optional(Text({ maxLength: 2000, title: "Description" })),
    aggregate: Type.Union(
      [Type.Literal("count"), Type.Literal("sum"), Type.Literal("latest"), Type.Literal("streak")],
      {
        title: "Aggregate",
        description:
          "count: how many records; sum: the total of a field; latest: a field of the latest record; streak: how many of the latest records in a row meet `streakWhile`.",
      },
    ),
    of: MeasureOf,
    field: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 120,
        title: "Field",
        description: "For sum and latest: the record's field (an indicator's is value).",
      }),
    ),
    where: Type.Optional(
      ruleOf({ title: "Only records where", description: "A JsonLogic rule over a record's fields." }),
    ),
    streakWhile: Type.Optional(
      ruleOf({
        title: "Streak while",
        description: "For streak: the rule each of the latest records in a row meets.",
      }),
    ),
    window: MeasureWindow,
    source: Type.Optional(SourceRef),
  },
  { title: "Measure" },
);

export type Duration = Static<typeof Duration>;
export type IndicatorType = Static<typeof IndicatorType>;
export type IndicatorSource = Static<typeof IndicatorSource>;
export type IndicatorDefinition = Static<typeof IndicatorDefinition>;
export type RegisterDefinition = Static<typeof RegisterDefinition>;
export type MeasureOf = Static<typeof MeasureOf>;
export type MeasureWindow = Static<typeof MeasureWindow>;
export type MeasureDefinition = Static<typeof MeasureDefinition>;
