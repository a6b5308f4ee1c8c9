import { Type, type ArrayOptions, type Static, type TSchema } from "@sinclair/typebox";

/**
 * Size caps: every list, text and free-form map in a policy has one, generous
 * for real strategies (the two authorities' largest list has 50 items, their
 * longest template under 3,000 characters) and small enough that validating
 * or storing a policy costs a bounded amount. A test walks the meta-schema and
 * fails if a list, text or free map is left without its cap.
 */
export const SIZE_LIMITS = {
  /** Items in any list: categories, criteria, triggers, roles, rules, forms, ... */
  listItems: 200,
  /** Fields in a free-form object at its top level: a form's uiSchema, a rule's conditions. */
  mapFields: 200,
  /** Characters of a form's JSON Schema or uiSchema, or a rule, written out as JSON. */
  jsonCharacters: 100_000,
} as const;

/** A list, capped at `SIZE_LIMITS.listItems` unless given a smaller cap. */
export const List = <T extends TSchema>(items: T, options: ArrayOptions = {}) =>
  Type.Array(items, { maxItems: SIZE_LIMITS.listItems, ...options });

/** A stable identifier within a policy: lower-case words joined by hyphens (`high-support`, `warning-notice`). */
export const Key = Type.String({
  pattern: "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",
  maxLength: 64,
  title: "Key",
  description:
    "A stable identifier: lower-case letters and digits, words joined by single hyphens (for example high-support).",
});

/**
 * What a reference may name: each collection of keyed items in a policy. The studio offers what exists in the
 * collection (by label) wherever the meta-schema marks a field `"x-steward-ref": "<collection>"`.
 */
export const REF_COLLECTIONS = [
  "areas",
  "categories",
  "visitTypes",
  "meetingTypes",
  "letterTypes",
  "stages",
  "transitions",
  "forms",
  "roles",
  "terms",
  "indicators",
  "registers",
  "measures",
  "followUps",
] as const;
export type RefCollection = (typeof REF_COLLECTIONS)[number];

/** A key that names an item of another part of the policy (a category, a role, a form, ...). */
export const RefTo = (collection: RefCollection, options: { title?: string; description?: string } = {}) =>
  Type.String({ ...Key, "x-steward-ref": collection, ...options });

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = Type.String({
  format: "date",
  maxLength: 10,
  title: "Date",
  description: "A date written YYYY-MM-DD.",
});

export const Text = (options: { title?: string; description?: string; maxLength?: number } = {}) =>
  Type.String({ minLength: 1, maxLength: options.maxLength ?? 2000, ...options });

/** An object with no properties beyond those listed: a misspelt field is an error, never silently ignored. */
export const Strict = <T extends Record<string, TSchema>>(
  properties: T,
  options: { title?: string; description?: string; "x-steward-editor"?: string } = {},
) => Type.Object(properties, { additionalProperties: false, ...options });

/** Who a record or rule concerns: LA staff, or school staff. */
export const Audience = Type.Union([Type.Literal("la"), Type.Literal("school")], {
  title: "Audience",
  description: "la: local authority staff; school: staff or governors of one school.",
});

/** How a school is governed: the seeds treat maintained schools and academies differently. */
const Governance = Type.Union([Type.Literal("maintained"), Type.Literal("academy"), Type.Literal("free-school")], {
  title: "Governance",
});

/** A school's phase (national, from GIAS): the one list, for the schema and for every filter by phase. */
export const PHASES = [
  "nursery",
  "primary",
  "middle",
  "secondary",
  "all-through",
  "special",
  "alternative-provision",
  "16-plus",
] as const;

const Phase = Type.Union(
  PHASES.map((phase) => Type.Literal(phase)),
  { title: "Phase" },
);

/** Which schools a part of the policy applies to. Absent: every school. */
export const Applicability = Strict(
  {
    governance: Type.Optional(List(Governance, { minItems: 1, uniqueItems: true, title: "Governance" })),
    phases: Type.Optional(List(Phase, { minItems: 1, uniqueItems: true, title: "Phases" })),
    note: Type.Optional(Text({ title: "Note", description: "Why it is limited, in the policy's words." })),
  },
  { title: "Applies to", description: "The schools this applies to; leave out for every school." },
);

/** GOV.UK Design System tag colours. */
const TAG_COLOURS = [
  "grey",
  "green",
  "turquoise",
  "blue",
  "light-blue",
  "purple",
  "pink",
  "red",
  "orange",
  "yellow",
] as const;
export const TagColour = Type.Union(
  TAG_COLOURS.map((c) => Type.Literal(c)),
  { title: "Colour", description: "A GOV.UK tag colour." },
);

/**
 * A rule in JsonLogic (jsonlogic.com): `{"==": [{"var": "ofsted.overallEffectiveness"}, "inadequate"]}`.
 * An object with exactly one operator. The policy studio edits it with its rule builder (`x-steward-editor`).
 */
export const ruleOf = (options: { title?: string; description?: string } = {}) =>
  Type.Object(
    {},
    {
      additionalProperties: true,
      minProperties: 1,
      maxProperties: 1,
      "x-steward-editor": "rule",
      title: "Rule",
      description:
        'A JsonLogic rule over the school\'s data, for example {"==": [{"var": "ofsted.overallEffectiveness"}, "inadequate"]}.',
      ...options,
    },
  );
export const JsonLogicRule = ruleOf();

/** Where a piece of the policy comes from in the authority's own strategy document. */
export const SourceRef = Text({
  title: "Source",
  description: "Where in the strategy document this comes from.",
  maxLength: 300,
});

export type Applicability = Static<typeof Applicability>;
export type GovernanceType = Static<typeof Governance>;
export type PhaseType = Static<typeof Phase>;
export type TagColourType = Static<typeof TagColour>;
