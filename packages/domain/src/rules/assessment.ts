/**
 * The assessment: how the policy's dimensions get their values for a school,
 * and how the category follows from them. Each applicable dimension is valued
 * the way the policy says (best fit against an area's criteria, the first rule
 * over the school's data that holds, an officer's choice, a choice indicator's
 * current value); the derivation turns the values into a category (the best
 * fit across them, a decision table, rules); then the triggers that fire move
 * the suggestion as each says (raise, lower, set). Only categories that apply
 * to the school count. No dimension, level or category is named here: every
 * one is the policy's.
 */
import type { Category, PolicyDocument, Trigger } from "@steward/policy-config";

import { DomainError } from "../errors.ts";
import { isApplicable, type SchoolProfile } from "./applicability.ts";
import { requireApplicable, roleNames } from "./applicable.ts";
import { evaluateRule, evaluateValue, type Facts } from "./evaluate.ts";

/** One axis of the policy's assessment. */
export type Dimension = PolicyDocument["assessment"]["dimensions"][number];
type Derivation = PolicyDocument["assessment"]["derivation"];

/** The descriptors an officer ticked in one judgement area (a criteria dimension's area), with evidence notes. */
export interface DescriptorSelection {
  area: string;
  /** Each ticked descriptor, with the category whose criteria it is in. */
  descriptors: { category: string; descriptor: string }[];
  evidence?: string;
}

/** An officer's choice of level for a dimension valued by an officer. */
export interface OfficerChoice {
  dimension: string;
  level: string;
  rationale?: string;
}

/** How a dimension got its value. */
export type DimensionSource = Dimension["valuedBy"]["kind"];

/** One dimension's value on an assessment, and why. */
export interface DimensionValue {
  key: string;
  label: string;
  /** The level key; absent when the dimension has no value (nothing ticked, no rule holds, not chosen, no data). */
  level?: string;
  levelLabel?: string;
  source: DimensionSource;
  /** The officer's reason, for an officer's choice. */
  rationale?: string;
  /** Why it has this value (or none), in words: "descriptors ticked: 2 High support", "from data: rule 2 holds". */
  why: string;
}

export interface AssessmentInput {
  school: SchoolProfile;
  /** The school's and the case's facts (getCaseFacts): rules, indicator dimensions and triggers read them. */
  facts: Facts;
  selections: readonly DescriptorSelection[];
  choices?: readonly OfficerChoice[];
  /** The roles of the officer recording it (an officer dimension may be for some roles only). */
  roles?: readonly string[];
  /** The date an indicator's current value is as at, to say so in the explanation. */
  asAt?: (indicator: string) => string | undefined;
}

export interface AssessmentOutcome {
  /** The suggested category key, or undefined when nothing points anywhere. */
  category: string | undefined;
  /** Every applicable dimension, in policy order, with its value. */
  dimensions: DimensionValue[];
  /** The triggers that fired on the school's data, with what they suggest. */
  triggers: Pick<Trigger, "key" | "label" | "suggests">[];
  /** Why, in sentences. */
  explanation: string[];
}

/** One level of a dimension (a category, for a dimension whose levels are the categories). */
export interface DimensionLevel {
  key: string;
  label: string;
  description?: string;
}

/** What valuing and deriving need to hand: the policy and the school's categories, least concern first. */
interface Assessing {
  policy: PolicyDocument;
  input: AssessmentInput;
  categories: Category[];
  categoryLabel: (key: string) => string;
  /** Positive when `a` is more severe than `b`. */
  moreSevere: (a: string, b: string) => number;
}

/** Evaluates the policy's triggers that apply to this school over its facts, in policy order. */
export function evaluateTriggers(policy: PolicyDocument, school: SchoolProfile, facts: Facts): Trigger[] {
  return policy.triggers.filter((t) => isApplicable(t.applicability, school) && evaluateRule(t.when, facts));
}

/** The policy's assessment dimensions that apply to the school, in policy order. */
export function getApplicableDimensions(policy: PolicyDocument, school: SchoolProfile): Dimension[] {
  return policy.assessment.dimensions.filter((d) => isApplicable(d.applicability, school));
}

/** A dimension's levels, least concern first: its own, or the categories that apply to the school. */
export function getDimensionLevels(
  policy: PolicyDocument,
  school: SchoolProfile,
  dimension: Dimension,
): DimensionLevel[] {
  return dimension.levels ?? applicableCategories(policy, school);
}

function applicableCategories(policy: PolicyDocument, school: SchoolProfile): Category[] {
  return policy.categories.filter((c) => isApplicable(c.applicability, school)).sort((a, b) => a.severity - b.severity);
}

/**
 * Assesses a school under the policy: values every applicable dimension,
 * derives the category and lets the triggers that fired move it. Throws a
 * DomainError (with a pointer into `choices`) for a choice the policy does not
 * allow.
 */
export function assessPolicy(policy: PolicyDocument, input: AssessmentInput): AssessmentOutcome {
  checkChoices(policy, input);
  const categories = applicableCategories(policy, input.school);
  const severity = new Map(categories.map((c) => [c.key, c.severity]));
  const on: Assessing = {
    policy,
    input,
    categories,
    categoryLabel: (key) => categories.find((c) => c.key === key)?.label ?? key,
    moreSevere: (a, b) => (severity.get(a) ?? -1) - (severity.get(b) ?? -1),
  };
  const dimensions = getApplicableDimensions(policy, input.school);
  const values = dimensions.map((d) => valueDimension(d, on));
  const derived = derive(policy.assessment.derivation, dimensions, values, on);
  const fired = evaluateTriggers(policy, input.school, input.facts);
  const moved = applyTriggers(fired, derived.category, on);
  const explanation = [...derived.explanation, ...moved.explanation];
  if (!moved.category) {
    const criteria = dimensions.some((d) => d.valuedBy.kind === "criteria");
    explanation.push(
      `Nothing suggests a category yet: ${criteria ? "tick the descriptors that apply" : "give the dimensions their values"}.`,
    );
  }
  return {
    category: moved.category,
    dimensions: values,
    triggers: fired.map(({ key, label, suggests }) => ({ key, label, suggests })),
    explanation,
  };
}

// ---------------------------------------------------------------- the officer's choices

function refuse(code: DomainError["code"], message: string, pointer: string): never {
  throw new DomainError(code, message, pointer);
}

/** Every choice names an applicable officer dimension once, one of its levels, the rationale it asks and a role it allows. */
function checkChoices(policy: PolicyDocument, { choices = [], roles = [], school }: AssessmentInput): void {
  const chosen = new Set<string>();
  for (const [i, choice] of choices.entries()) {
    const at = `/choices/${i}`;
    const dimension = policy.assessment.dimensions.find((d) => d.key === choice.dimension);
    if (!dimension) refuse("invalid", `There is no dimension "${choice.dimension}" in this policy.`, `${at}/dimension`);
    const { valuedBy, label } = dimension;
    if (valuedBy.kind !== "officer")
      refuse("invalid", `${label} is worked out by Steward, not chosen by an officer.`, `${at}/dimension`);
    requireApplicable(dimension, label, school, `${at}/dimension`);
    if (chosen.has(dimension.key)) refuse("invalid", `${label} is chosen more than once.`, `${at}/dimension`);
    chosen.add(dimension.key);
    if (valuedBy.roles && !roles.some((r) => valuedBy.roles?.includes(r))) {
      const names = roleNames(policy, valuedBy.roles);
      refuse("forbidden", `Your roles may not choose ${label}: only ${names} may.`, `${at}/dimension`);
    }
    const levels = getDimensionLevels(policy, school, dimension);
    if (!levels.some((l) => l.key === choice.level)) {
      const names = levels.map((l) => l.label).join(", ");
      refuse("invalid", `"${choice.level}" is not a level of ${label}: choose one of ${names}.`, `${at}/level`);
    }
    if (valuedBy.rationaleRequired && !choice.rationale?.trim())
      refuse("invalid", `Say why you chose this level of ${label}.`, `${at}/rationale`);
  }
}

// ---------------------------------------------------------------- valuing the dimensions

function valueDimension(dimension: Dimension, on: Assessing): DimensionValue {
  const { policy, input } = on;
  const levels = getDimensionLevels(policy, input.school, dimension);
  const base = { key: dimension.key, label: dimension.label, source: dimension.valuedBy.kind };
  const value = (level: string | undefined, why: string, rationale?: string): DimensionValue => {
    const found = levels.find((l) => l.key === level);
    return found
      ? { ...base, level: found.key, levelLabel: found.label, why, ...(rationale ? { rationale } : {}) }
      : { ...base, why };
  };
  const { valuedBy } = dimension;
  switch (valuedBy.kind) {
    case "criteria": {
      const fit = bestFitInArea(valuedBy.area, on);
      return value(fit.level, fit.why);
    }
    case "rule": {
      const index = valuedBy.rules.findIndex((r) => evaluateRule(r.when, input.facts));
      const rule = valuedBy.rules[index];
      if (rule) return value(rule.level, `from data: ${rule.label ?? `rule ${index + 1} holds`}`);
      if (valuedBy.otherwise) return value(valuedBy.otherwise, "from data: no rule holds, so the otherwise level");
      return value(undefined, "from data: no rule holds");
    }
    case "officer": {
      const choice = input.choices?.find((c) => c.dimension === dimension.key);
      if (!choice) return value(undefined, "not chosen");
      const rationale = choice.rationale?.trim();
      return value(choice.level, rationale ? `officer judgement: '${rationale}'` : "officer judgement", rationale);
    }
    case "indicator":
      return valueFromIndicator(valuedBy.indicator, value, on);
  }
}

/** In one area, the category with the most ticked descriptors; the more severe on a tie. */
function bestFitInArea(area: string, { input, categories, categoryLabel, moreSevere }: Assessing) {
  const counts = new Map(categories.map((c) => [c.key, 0]));
  const selection = input.selections.find((s) => s.area === area);
  for (const { category } of selection?.descriptors ?? []) {
    const count = counts.get(category);
    if (count !== undefined) counts.set(category, count + 1);
  }
  const ranked = [...counts.entries()].filter(([, n]) => n > 0).sort(([a, n], [b, m]) => m - n || moreSevere(b, a));
  const level = ranked[0]?.[0];
  if (!level) return { level, why: "no descriptors ticked" };
  return { level, why: `descriptors ticked: ${ranked.map(([key, n]) => `${n} ${categoryLabel(key)}`).join(", ")}` };
}

/** The school's current value of the indicator (as the case's facts hold it), when it is one of the levels. */
function valueFromIndicator(
  key: string,
  value: (level: string | undefined, why: string) => DimensionValue,
  { policy, input }: Assessing,
): DimensionValue {
  const name = policy.indicators?.find((i) => i.key === key)?.label ?? key;
  const reading = evaluateValue({ var: `indicators.${key}` }, input.facts);
  if (reading === null || reading === undefined) return value(undefined, `from data: no current value of ${name}`);
  const text = typeof reading === "string" ? reading : JSON.stringify(reading);
  const asAt = input.asAt?.(key);
  const outcome = value(text, `from data: ${name}${asAt ? ` as at ${asAt}` : ""}`);
  return outcome.level ? outcome : value(undefined, `from data: ${name} is "${text}", not one of its levels`);
}

// ---------------------------------------------------------------- deriving the category

interface Derived {
  category: string | undefined;
  explanation: string[];
}

function derive(derivation: Derivation, dimensions: Dimension[], values: DimensionValue[], on: Assessing): Derived {
  switch (derivation.kind) {
    case "best-fit":
      return deriveBestFit(dimensions, values, on);
    case "table": {
      const index = derivation.rows.findIndex(
        (row) =>
          applies(row.category, on) && Object.entries(row.when).every(([key, allowed]) => holds(values, key, allowed)),
      );
      return deriveFirstMatch(values, on, index, derivation.rows[index]?.category, derivation.otherwise, "table");
    }
    case "rules": {
      const facts = dimensionFacts(values, dimensions, on);
      const index = derivation.rules.findIndex((r) => applies(r.category, on) && evaluateRule(r.when, facts));
      return deriveFirstMatch(values, on, index, derivation.rules[index]?.category, derivation.otherwise, "rules");
    }
  }
}

/** Whether a table row's condition on one dimension holds: the dimension has a value, one of the row's levels. */
function holds(values: DimensionValue[], key: string, allowed: string | string[]): boolean {
  const level = values.find((v) => v.key === key)?.level;
  return level !== undefined && (Array.isArray(allowed) ? allowed.includes(level) : allowed === level);
}

function applies(category: string, on: Assessing): boolean {
  return on.categories.some((c) => c.key === category);
}

/** The facts a derivation rule reads: the school's, with `dimensions.<key>` (the level) and `dimensionRanks.<key>`. */
function dimensionFacts(values: DimensionValue[], dimensions: Dimension[], { policy, input }: Assessing): Facts {
  const levels: Record<string, string> = {};
  const ranks: Record<string, number> = {};
  for (const [i, value] of values.entries()) {
    const dimension = dimensions[i];
    if (value.level === undefined || !dimension) continue;
    levels[value.key] = value.level;
    ranks[value.key] = getDimensionLevels(policy, input.school, dimension).findIndex((l) => l.key === value.level);
  }
  return { ...input.facts, dimensions: levels, dimensionRanks: ranks };
}

/** The category that is the value of most dimensions (the more severe on a tie), explained dimension by dimension. */
function deriveBestFit(dimensions: Dimension[], values: DimensionValue[], on: Assessing): Derived {
  const explanation = values.map((v) => {
    if (v.source === "criteria")
      return v.levelLabel ? `${v.label}: best fit ${v.levelLabel} (${v.why}).` : `${v.label}: ${v.why}.`;
    return v.levelLabel ? `${v.label}: ${v.levelLabel} (${v.why}).` : `${v.label}: no value (${v.why}).`;
  });
  const votes = new Map<string, number>();
  for (const { level } of values) if (level && applies(level, on)) votes.set(level, (votes.get(level) ?? 0) + 1);
  const category = [...votes.entries()].sort(([a, n], [b, m]) => m - n || on.moreSevere(b, a))[0]?.[0];
  if (category) {
    const n = votes.get(category);
    explanation.push(
      dimensions.every((d) => d.valuedBy.kind === "criteria")
        ? `Overall best fit: ${on.categoryLabel(category)}, the best fit in ${n} of ${dimensions.length} areas.`
        : `Overall best fit: ${on.categoryLabel(category)}, the value of ${n} of ${dimensions.length} dimensions.`,
    );
  }
  return { category, explanation };
}

/** A table's or rules' outcome: the first match (its 0-based index, -1 for none), else the `otherwise` category. */
function deriveFirstMatch(
  values: DimensionValue[],
  on: Assessing,
  index: number,
  matched: string | undefined,
  otherwise: string | undefined,
  kind: "table" | "rules",
): Derived {
  const explanation = values.filter((v) => !v.level).map((v) => `${v.label}: no value (${v.why}).`);
  const valued = values.filter((v) => v.level);
  const given = listed(valued.map((v) => `${v.label} ${v.levelLabel ?? v.level} (${v.why})`));
  const verb = valued.length === 1 ? "gives" : "give";
  const where = kind === "table" ? `the table (row ${index + 1})` : `rule ${index + 1}`;
  if (matched) {
    explanation.push(`${given || "The school's data"} ${verb} ${on.categoryLabel(matched)} by ${where}.`);
    return { category: matched, explanation };
  }
  const none = kind === "table" ? "No row of the table matches" : "No rule matches";
  const fallback = otherwise && applies(otherwise, on) ? otherwise : undefined;
  explanation.push(`${none}${given ? ` ${given}` : ""}${fallback ? `: ${on.categoryLabel(fallback)} otherwise` : ""}.`);
  return { category: fallback, explanation };
}

/** "A", "A and B", "A, B and C". */
function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

// ---------------------------------------------------------------- triggers

/** The fired triggers, in policy order, each moving the suggestion as its `categoryEffect` says. */
function applyTriggers(fired: Trigger[], derived: string | undefined, on: Assessing): Derived {
  const { policy, categoryLabel, moreSevere } = on;
  let category = derived;
  const explanation: string[] = [];
  for (const trigger of fired) {
    const { suggests } = trigger;
    explanation.push(`Trigger "${trigger.label}" applies: suggests ${suggestionParts(policy, trigger).join("; ")}.`);
    const to = suggests.category;
    if (!to || !applies(to, on) || to === category) continue;
    const because = `because of "${trigger.label}"`;
    const effect = suggests.categoryEffect ?? "raise";
    const moves =
      effect === "set" ||
      (effect === "raise" && (!category || moreSevere(to, category) > 0)) ||
      (effect === "lower" && category !== undefined && moreSevere(to, category) < 0);
    if (!moves) continue;
    if (!category) explanation.push(`Suggested ${categoryLabel(to)} ${because}.`);
    else {
      const how = effect === "set" ? "changes" : moreSevere(to, category) > 0 ? "rises" : "falls";
      explanation.push(`The suggestion ${how} from ${categoryLabel(category)} to ${categoryLabel(to)} ${because}.`);
    }
    category = to;
  }
  return { category, explanation };
}

function suggestionParts(policy: PolicyDocument, { suggests }: Trigger): string[] {
  const label = (list: readonly { key: string; label: string }[], key: string) =>
    list.find((x) => x.key === key)?.label ?? key;
  return [
    suggests.category ? `category ${label(policy.categories, suggests.category)}` : undefined,
    suggests.letterType ? `letter ${label(policy.letterTypes, suggests.letterType)}` : undefined,
    suggests.stage ? `stage ${label(policy.escalation.stages, suggests.stage)}` : undefined,
    suggests.action,
  ].filter((part): part is string => Boolean(part));
}
