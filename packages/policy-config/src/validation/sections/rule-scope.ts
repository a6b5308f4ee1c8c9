/**
 * What a rule's `var` may read, and the type of each: a trigger or transition
 * reads Steward's built-in facts and the policy's own indicators and measures;
 * a derived indicator reads only other indicators; a measure's `where` and
 * `streakWhile` read the fields of the records it counts; a since-event
 * window's `where` reads its event's fields.
 */
import type { IndicatorDefinition, MeasureDefinition, MeasureOf } from "../../schema/data.ts";
import { FACTS, MEASURE_RECORD_FIELDS, WINDOW_EVENTS, type FactType, type WindowEvent } from "../../vocabulary.ts";
import type { PolicyData, PolicyKeys } from "./context.ts";

/** The type of what a var reads: `unknown` when the validator cannot tell (it then checks no literal against it). */
export interface VarInfo {
  type: FactType | "unknown";
  values?: readonly string[];
}

/** Why a var cannot be read where it is, in a sentence, with the problem's code. */
export interface VarProblem {
  problem: string;
  code: string;
}

/** What the vars of one rule may read. */
export type RuleScope = (name: string) => VarInfo | VarProblem;

export function isVarProblem(read: VarInfo | VarProblem): read is VarProblem {
  return "problem" in read;
}

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The type of a property of a JSON Schema, as a rule sees it. */
function schemaInfo(schema: unknown): VarInfo {
  const node = asObject(schema) ?? {};
  const values = Array.isArray(node.enum) ? node.enum.filter((v): v is string => typeof v === "string") : undefined;
  switch (node.type) {
    case "number":
    case "integer":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "array":
      return { type: "list" };
    case "string":
      return node.format === "date" ? { type: "date" } : { type: "string", ...(values?.length ? { values } : {}) };
    default:
      return { type: "unknown" };
  }
}

/** The sub-schema a JSON pointer into an answer names (`/attendance/overall`), or undefined. */
export function schemaAt(schema: unknown, pointer: string): unknown {
  let node: unknown = schema;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    const object = asObject(node);
    if (!object) return undefined;
    const properties = asObject(object.properties);
    if (object.type === "array" || (object.items && !properties))
      node = /^\d+$/.test(segment) ? object.items : undefined;
    else node = properties && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** What an indicator's value is, as a rule sees it. */
function indicatorInfo(indicator: IndicatorDefinition): VarInfo {
  switch (indicator.type.kind) {
    case "number":
      return { type: "number" };
    case "boolean":
      return { type: "boolean" };
    case "choice":
      return { type: "string", values: indicator.type.options.map((o) => o.value) };
    case "date":
      return { type: "date" };
    case "text":
      return { type: "string" };
  }
}

/** The fields of the records a measure counts, with their types (a register's own fields from its schema). */
export function recordFields(of: MeasureOf, data: PolicyData): Map<string, VarInfo> {
  const fields = new Map<string, VarInfo>();
  const builtIn: Record<string, VarInfo> = MEASURE_RECORD_FIELDS[of.kind];
  for (const [name, fact] of Object.entries(builtIn)) {
    if (!name.includes("{")) fields.set(name, fact);
  }
  if (of.kind === "register") {
    const register = data.registers.get(of.register);
    const properties = asObject(asObject(register?.schema)?.properties) ?? {};
    for (const [name, property] of Object.entries(properties)) fields.set(`fields.${name}`, schemaInfo(property));
  }
  if (of.kind === "indicator") {
    const indicator = data.indicators.get(of.indicator);
    fields.set("value", indicator ? indicatorInfo(indicator) : { type: "unknown" });
  }
  return fields;
}

/** What a measure's value is, as a rule sees it: a number, or for latest the type of the field it reads. */
function measureInfo(measure: MeasureDefinition, data: PolicyData): VarInfo {
  if (measure.aggregate !== "latest") return { type: "number" };
  return (measure.field && recordFields(measure.of, data).get(measure.field)) || { type: "unknown" };
}

const FACT_PATTERNS = Object.entries(FACTS).map(([pattern, fact]) => ({
  parts: pattern.split(".").map((text) => ({ text, slot: /^\{(\w+)\}$/.exec(text)?.[1] })),
  fact,
}));

/** The built-in fact `name` reads, its slots filled with keys the policy has. */
function findFact(name: string, keys: PolicyKeys): VarInfo | undefined {
  const exact = FACTS[name];
  if (exact) return exact;
  const slots: Record<string, Set<string>> = {
    letterType: keys.letterTypes,
    meetingType: keys.meetingTypes,
    visitType: keys.visitTypes,
  };
  const segments = name.split(".");
  return FACT_PATTERNS.find(
    ({ parts }) =>
      parts.length === segments.length &&
      parts.every((part, i) => {
        const segment = segments[i] ?? "";
        return part.slot ? (slots[part.slot]?.has(segment) ?? false) : part.text === segment;
      }),
  )?.fact;
}

function listed(keys: Iterable<string>, noun: string, section: string): string {
  const all = [...keys];
  return all.length > 0 ? `${noun}: ${all.join(", ")}.` : `Declare it under ${section} first.`;
}

/** `indicators.<key>`: the indicator it reads, or why not. */
function readIndicator(key: string, data: PolicyData): VarInfo | VarProblem {
  const indicator = data.indicators.get(key);
  if (indicator) return indicatorInfo(indicator);
  return {
    problem: `The rule reads "indicators.${key}", but the policy declares no indicator "${key}". ${listed(data.indicators.keys(), "Indicators", "Indicators")}`,
    code: "rule.indicator",
  };
}

function suggestFact(name: string): string {
  const head = name.split(".")[0];
  const near = Object.keys(FACTS).filter((f) => f.startsWith(`${head}.`));
  if (near.length > 0) return `Facts under "${head}": ${near.join(", ")}.`;
  return "An authority's own data is an indicator (declare it under Indicators and read indicators.<key>); see the list of built-in facts in the policy guide.";
}

/** What only the assessment's derivation rules read: a dimension's level and its rank. */
const DIMENSION_HEADS = new Set(["dimensions", "dimensionRanks"]);

/** A trigger's or transition's scope: the built-in facts, `indicators.<key>` and `measures.<key>`. */
export function caseScope(keys: PolicyKeys, data: PolicyData): RuleScope {
  return (name) => {
    const [head, key, ...rest] = name.split(".");
    if (head !== undefined && DIMENSION_HEADS.has(head))
      return {
        problem: `The rule reads "${name}": only the rules of the assessment's derivation (assessment › derivation › rules) read the dimensions' values.`,
        code: "rule.dimension",
      };
    if (head === "indicators" && key !== undefined && rest.length === 0) return readIndicator(key, data);
    if (head === "measures" && key !== undefined && rest.length === 0) {
      const measure = data.measures.get(key);
      if (measure) return measureInfo(measure, data);
      return {
        problem: `The rule reads "${name}", but the policy declares no measure "${key}". ${listed(data.measures.keys(), "Measures", "Measures")}`,
        code: "rule.measure",
      };
    }
    return (
      findFact(name, keys) ?? {
        problem: `The rule reads "${name}", which is not a fact Steward knows. ${suggestFact(name)}`,
        code: "rule.fact",
      }
    );
  };
}

/**
 * A recipient's `when` reads what is known of the school when a letter is drafted: its own facts (`school.*`,
 * `ofsted.*`) and the policy's indicators (`indicators.<key>`, their current values).
 */
export function recipientScope(data: PolicyData): RuleScope {
  return (name) => {
    const [head, key, ...rest] = name.split(".");
    if (head === "indicators" && key !== undefined && rest.length === 0) return readIndicator(key, data);
    const fact = Object.hasOwn(FACTS, name) && /^(school|ofsted)\./.test(name) ? FACTS[name] : undefined;
    return (
      fact ?? {
        problem: `A recipient's rule reads the school's facts and the policy's indicators (indicators.<key>) only, not "${name}". Facts: ${Object.keys(
          FACTS,
        )
          .filter((f) => /^(school|ofsted)\./.test(f))
          .join(", ")}.`,
        code: "letter.recipient.when",
      }
    );
  };
}

/** A derived indicator's scope: other indicators only. */
export function indicatorScope(data: PolicyData): RuleScope {
  return (name) => {
    const [head, key, ...rest] = name.split(".");
    if (head === "indicators" && key !== undefined && rest.length === 0) return readIndicator(key, data);
    return {
      problem: `A derived indicator's rule reads only other indicators (indicators.<key>), not "${name}".`,
      code: "indicator.derived",
    };
  };
}

const RECORD_NOUNS: Record<MeasureOf["kind"], string> = {
  register: "a register entry",
  meetings: "a meeting",
  visits: "a visit",
  letters: "a letter",
  indicator: "an indicator's value",
};

/** A measure's `where` and `streakWhile` scope: the fields of the records it counts. */
export function recordScope(of: MeasureOf, data: PolicyData): RuleScope {
  const fields = recordFields(of, data);
  return (name) =>
    fields.get(name) ?? {
      problem: `"${name}" is not a field of ${RECORD_NOUNS[of.kind]}: this rule reads only the record's fields. ${listed(fields.keys(), "Fields", "the register's fields")}`,
      code: "measure.field",
    };
}

/** A since-event window's `where` scope: the event's fields. */
export function eventScope(event: WindowEvent): RuleScope {
  const fields: Record<string, VarInfo> = WINDOW_EVENTS[event].fields;
  return (name) =>
    (Object.hasOwn(fields, name) ? fields[name] : undefined) ?? {
      problem: `"${name}" is not a field of the ${event} event. ${listed(Object.keys(fields), "Fields", "")}`,
      code: "measure.event",
    };
}

/**
 * The rules of the assessment's derivation: a trigger's scope, and beside it
 * `dimensions.<key>` (the dimension's level key) and `dimensionRanks.<key>`
 * (its place, 0 for the least concern). `levels` is each dimension's level keys.
 */
export function derivationScope(
  keys: PolicyKeys,
  data: PolicyData,
  levels: ReadonlyMap<string, readonly string[]>,
): RuleScope {
  const facts = caseScope(keys, data);
  return (name) => {
    const [head, key, ...rest] = name.split(".");
    if (head === undefined || !DIMENSION_HEADS.has(head)) return facts(name);
    const values = key !== undefined && rest.length === 0 ? levels.get(key) : undefined;
    if (!values)
      return {
        problem: `The rule reads "${name}", but the assessment has no dimension "${key ?? ""}". ${listed(levels.keys(), "Dimensions", "Assessment › Dimensions")}`,
        code: "rule.dimension",
      };
    return head === "dimensions" ? { type: "string", values } : { type: "number" };
  };
}
