/**
 * The facts a trigger's or transition's rule may read, for people: each with a
 * label, a group, its type and (for a fact with a closed list of values) those
 * values with their labels. The names and types are the validator's own
 * (`caseScope`): a fact offered here is one the validator accepts. Read from a
 * draft that may be mid-edit, so the document is read leniently.
 */
import { fieldOf } from "./json.ts";
import { PHASES } from "./schema/common.ts";
import type { IndicatorDefinition, MeasureDefinition } from "./schema/data.ts";
import type { PolicyData, PolicyKeys } from "./validation/sections/context.ts";
import { caseScope, isVarProblem, type VarInfo } from "./validation/sections/rule-scope.ts";
import { FACTS } from "./vocabulary.ts";

/** One value a fact may take, with how a person reads it. */
export interface RuleFactValue {
  value: string;
  label: string;
}

/** A fact a rule may read (`{"var": name}`), as the rule builder and the rule's words show it. */
export interface RuleFact {
  name: string;
  label: string;
  /** The heading it is listed under: School, Ofsted, Case, Letters and notices, Visits, Indicators, Measures. */
  group: string;
  type: VarInfo["type"];
  values?: RuleFactValue[];
}

/** Each built-in fact's label; `{letterType}` and `{visitType}` are filled with the type's label. */
export const FACT_LABELS: Record<string, string> = {
  "school.governance": "The school's governance",
  "school.phase": "The school's phase",
  "school.urn": "The school's URN",
  "school.district": "The school's district",
  "school.diocese": "The school's diocese",
  "school.religiousCharacter": "The school's religious character",
  "school.trust": "The school's trust",
  "ofsted.overallEffectiveness": "Ofsted overall effectiveness",
  "ofsted.previousOverallEffectiveness": "Ofsted previous overall effectiveness",
  "ofsted.inadequateCategory": "Ofsted category of concern",
  "ofsted.inspectionDate": "Date of the latest Ofsted inspection",
  "ofsted.ratingDropped": "The Ofsted grade dropped",
  "ofsted.ratingImproved": "The Ofsted grade improved",
  "case.category": "The case's category",
  "case.stage": "The case's stage",
  "case.noticesInForce": "Letters and notices in force",
  "case.monthsInStage": "Months in the current stage",
  "letters.{letterType}.inForce": "{letterType} is in force",
  "letters.{letterType}.actionsComplete": "Every action of the {letterType} is complete",
  "letters.{letterType}.compliedWith": "The {letterType} has been complied with",
  "letters.{letterType}.deadlinePassed": "The {letterType} deadline has passed",
  "visits.{visitType}.overdue": "{visitType} is overdue",
};

const GROUPS: Record<string, string> = {
  school: "School",
  ofsted: "Ofsted",
  case: "Case",
  letters: "Letters and notices",
  visits: "Visits",
  indicators: "Indicators",
  measures: "Measures",
};

/** A key in words: `requires-improvement` -> `Requires improvement`. */
export function keyInWords(key: string): string {
  const words = key
    .replace(/[-_]+/g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface Labelled {
  key: string;
  label: string;
}

/** The items of a list in the document that have a key, with their label (or the key in words). */
function labelledItems(list: unknown): Labelled[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const key = fieldOf(item, "key");
    const label = fieldOf(item, "label");
    return typeof key === "string" ? [{ key, label: typeof label === "string" ? label : keyInWords(key) }] : [];
  });
}

function isIndicator(item: unknown): item is IndicatorDefinition {
  return typeof fieldOf(item, "key") === "string" && typeof fieldOf(fieldOf(item, "type"), "kind") === "string";
}

function isMeasure(item: unknown): item is MeasureDefinition {
  return typeof fieldOf(item, "key") === "string" && typeof fieldOf(fieldOf(item, "of"), "kind") === "string";
}

function byKey<T extends { key: string }>(list: unknown, guard: (item: unknown) => item is T): Map<string, T> {
  const map = new Map<string, T>();
  if (Array.isArray(list)) for (const item of list) if (guard(item) && !map.has(item.key)) map.set(item.key, item);
  return map;
}

/** The keys and data the validator's scope reads, from a document that may be mid-edit. */
function scopeOf(doc: unknown) {
  const keysIn = (list: unknown) => new Set(labelledItems(list).map((item) => item.key));
  const none = new Set<string>();
  const keys: PolicyKeys = {
    areas: none,
    categories: keysIn(fieldOf(doc, "categories")),
    visitTypes: keysIn(fieldOf(doc, "visitTypes")),
    meetingTypes: keysIn(fieldOf(doc, "meetingTypes")),
    letterTypes: keysIn(fieldOf(doc, "letterTypes")),
    stages: keysIn(fieldOf(fieldOf(doc, "escalation"), "stages")),
    forms: none,
    roles: none,
    laRoles: none,
    terms: none,
    indicators: keysIn(fieldOf(doc, "indicators")),
    registers: keysIn(fieldOf(doc, "registers")),
    measures: keysIn(fieldOf(doc, "measures")),
  };
  const data: PolicyData = {
    indicators: byKey(fieldOf(doc, "indicators"), isIndicator),
    registers: new Map(),
    measures: byKey(fieldOf(doc, "measures"), isMeasure),
  };
  return caseScope(keys, data);
}

/** The labelled values of an indicator of choice. */
function choiceValues(doc: unknown, key: string): RuleFactValue[] | undefined {
  const list = fieldOf(doc, "indicators");
  const indicator: unknown = Array.isArray(list) ? list.find((item) => fieldOf(item, "key") === key) : undefined;
  const options = fieldOf(fieldOf(indicator, "type"), "options");
  if (!Array.isArray(options)) return undefined;
  return options.flatMap((option: unknown) => {
    const value = fieldOf(option, "value");
    const label = fieldOf(option, "label");
    return typeof value === "string" ? [{ value, label: typeof label === "string" ? label : keyInWords(value) }] : [];
  });
}

/** The labelled values of a built-in fact: the policy's categories and stages, the phases, else the vocabulary's. */
function builtInValues(doc: unknown, name: string, info: VarInfo): RuleFactValue[] | undefined {
  const fromItems = (list: unknown) => labelledItems(list).map(({ key, label }) => ({ value: key, label }));
  if (name === "case.category") return fromItems(fieldOf(doc, "categories"));
  if (name === "case.stage") return fromItems(fieldOf(fieldOf(doc, "escalation"), "stages"));
  const values = name === "school.phase" ? PHASES : info.values;
  return values?.map((value) => ({ value, label: keyInWords(value) }));
}

/** Every name a rule may read, with its label, before its type is known. */
function candidates(doc: unknown): { name: string; label: string }[] {
  const slots: Record<string, Labelled[]> = {
    letterType: labelledItems(fieldOf(doc, "letterTypes")),
    visitType: labelledItems(fieldOf(doc, "visitTypes")),
  };
  const builtIn = Object.keys(FACTS).flatMap((pattern) => {
    const label = FACT_LABELS[pattern] ?? keyInWords(pattern);
    const slot = /\{(\w+)\}/.exec(pattern)?.[1];
    if (!slot) return [{ name: pattern, label }];
    return (slots[slot] ?? []).map((item) => ({
      name: pattern.replace(`{${slot}}`, item.key),
      label: label.replace(`{${slot}}`, item.label),
    }));
  });
  const own = (section: string) =>
    labelledItems(fieldOf(doc, section)).map((item) => ({ name: `${section}.${item.key}`, label: item.label }));
  return [...builtIn, ...own("indicators"), ...own("measures")];
}

/**
 * The facts a trigger's or transition's rule may read under `doc` (a policy
 * document, possibly a draft mid-edit), in the vocabulary's order, then the
 * policy's indicators and measures.
 */
export function listRuleFacts(doc: unknown): RuleFact[] {
  const scope = scopeOf(doc);
  return candidates(doc).flatMap(({ name, label }) => {
    const info = scope(name);
    if (isVarProblem(info)) return [];
    const head = name.split(".")[0] ?? "";
    const values = head === "indicators" ? choiceValues(doc, name.slice(11)) : builtInValues(doc, name, info);
    return [{ name, label, group: GROUPS[head] ?? keyInWords(head), type: info.type, ...(values ? { values } : {}) }];
  });
}
