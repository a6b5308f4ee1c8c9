/**
 * The assessment model (format 4): how a school comes to its category. An
 * assessment is made of named **dimensions** (axes), each with ordered levels
 * and valued one way (best fit against criteria, a rule over the school's data,
 * an officer's choice, an imported indicator), and a **derivation** from the
 * dimensions' values to a category (the best fit across them, a decision
 * table, or a list of rules). Steward's code names no dimension, level or
 * category: each authority declares its own.
 */
import { Type, type Static } from "@sinclair/typebox";

import { Applicability, JsonLogicRule, Key, List, RefTo, SIZE_LIMITS, Strict, Text } from "./common.ts";

const DimensionLevel = Strict(
  {
    key: Key,
    label: Text({ maxLength: 120, title: "Label" }),
    description: Type.Optional(Text({ maxLength: 2000, title: "Description" })),
  },
  { title: "Level" },
);

const LevelRule = Strict(
  {
    level: Key,
    when: JsonLogicRule,
    label: Type.Optional(
      Text({
        maxLength: 300,
        title: "In words",
        description:
          "What the rule tests, as the explanation says it: for example 'outcomes 5 to 15 points below national'.",
      }),
    ),
  },
  { title: "Level rule", description: "The level the dimension takes when the rule holds." },
);

/** How a dimension gets its value. */
const DimensionValuation = Type.Union(
  [
    Strict(
      {
        kind: Type.Literal("criteria"),
        area: RefTo("areas"),
      },
      {
        title: "Best fit against criteria",
        description:
          "The officer ticks the descriptors that apply in this judgement area; the category with most ticked fits best (the more severe on a tie). The dimension's levels are the policy's categories.",
      },
    ),
    Strict(
      {
        kind: Type.Literal("rule"),
        rules: List(LevelRule, { minItems: 1, title: "Rules, first match" }),
        otherwise: Type.Optional(Key),
      },
      {
        title: "A rule over the school's data",
        description:
          "The first rule that holds gives the level; otherwise the `otherwise` level, or no value when there is none.",
      },
    ),
    Strict(
      {
        kind: Type.Literal("officer"),
        rationaleRequired: Type.Boolean({ title: "The officer says why" }),
        roles: Type.Optional(List(RefTo("roles"), { minItems: 1, title: "Only these roles may choose it" })),
      },
      { title: "An officer's judgement", description: "An officer chooses the level when recording the assessment." },
    ),
    Strict(
      {
        kind: Type.Literal("indicator"),
        indicator: RefTo("indicators"),
      },
      {
        title: "An indicator's value",
        description:
          "The school's current value of a choice indicator whose values are the dimension's level keys (for example an imported standards group).",
      },
    ),
  ],
  { title: "Valued by" },
);

export const Dimension = Strict(
  {
    key: Key,
    label: Text({ maxLength: 120, title: "Label", description: "For example Standards group." }),
    description: Type.Optional(Text({ maxLength: 4000, title: "Description" })),
    levels: Type.Optional(
      List(DimensionLevel, {
        minItems: 1,
        title: "Levels, least concern first",
        description: "Leave out when the levels are the policy's categories (a best-fit criteria dimension).",
      }),
    ),
    valuedBy: DimensionValuation,
    applicability: Type.Optional(Applicability),
  },
  { title: "Dimension", description: "One axis of the assessment, with ordered levels." },
);

/** Dimension key -> the level (or any of the levels) a table row matches. */
const TableCondition = Type.Record(Key, Type.Union([Key, List(Key, { minItems: 1 })]), {
  minProperties: 1,
  maxProperties: SIZE_LIMITS.mapFields,
  title: "When",
  description: 'Dimension key -> level key, or a list of level keys: {"standards": "3", "capacity": ["a", "b"]}.',
});

export const Derivation = Type.Union(
  [
    Strict(
      { kind: Type.Literal("best-fit") },
      {
        title: "Best fit across dimensions",
        description:
          "Every dimension's levels are the categories: the category that is the value of most dimensions (the more severe on a tie).",
      },
    ),
    Strict(
      {
        kind: Type.Literal("table"),
        rows: List(Strict({ when: TableCondition, category: RefTo("categories") }, { title: "Row" }), {
          minItems: 1,
          title: "Rows, first match",
        }),
        otherwise: Type.Optional(RefTo("categories")),
      },
      {
        title: "A decision table",
        description:
          "The first row whose every dimension has one of the row's levels gives the category; otherwise the `otherwise` category.",
      },
    ),
    Strict(
      {
        kind: Type.Literal("rules"),
        rules: List(Strict({ when: JsonLogicRule, category: RefTo("categories") }, { title: "Rule" }), {
          minItems: 1,
          title: "Rules, first match",
        }),
        otherwise: Type.Optional(RefTo("categories")),
      },
      {
        title: "Rules",
        description:
          "The first rule that holds gives the category. Rules read `dimensions.<key>` (the level key) and `dimensionRanks.<key>` (its place, 0 for the least concern) beside the school's facts.",
      },
    ),
  ],
  { title: "Category from the dimensions" },
);

export const Moderation = Strict(
  {
    required: Type.Boolean({ title: "A second officer confirms each decision" }),
    categories: Type.Optional(List(RefTo("categories"), { title: "Only for these categories" })),
    roles: Type.Optional(List(RefTo("roles"), { title: "Roles that may moderate" })),
  },
  { title: "Moderation" },
);

export type Dimension = Static<typeof Dimension>;
export type Derivation = Static<typeof Derivation>;
