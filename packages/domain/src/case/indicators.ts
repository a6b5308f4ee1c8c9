/**
 * The policy's indicators as rules read them (`indicators.<key>`): for a plain
 * indicator, the latest value that is still current; for a derived one, its
 * rule over the other facts, evaluated in dependency order.
 */
import type { IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

import { addDuration, type IsoDate } from "../calendar/dates.ts";
import { evaluateValue, setFact, type Facts } from "../rules/evaluate.ts";
import type { IndicatorReading } from "./data.ts";

/**
 * The reading rules read for an indicator on a day: the latest one as at that
 * day or before (on the same date, the later in the list), or none when it is
 * older than the indicator's `currentFor` (its as-at date plus that length of
 * time is before the day).
 */
export function getCurrentReading(
  indicator: Pick<IndicatorDefinition, "key" | "currentFor">,
  readings: readonly IndicatorReading[],
  today: IsoDate,
): IndicatorReading | undefined {
  let latest: IndicatorReading | undefined;
  for (const reading of readings) {
    if (reading.indicator !== indicator.key || reading.asAt > today) continue;
    if (!latest || reading.asAt >= latest.asAt) latest = reading;
  }
  if (!latest) return undefined;
  if (indicator.currentFor && addDuration(latest.asAt, indicator.currentFor) < today) return undefined;
  return latest;
}

/** A derived indicator's rule (its `from` names only that), or undefined for a plain one. */
function derivedRule(indicator: IndicatorDefinition): unknown {
  for (const source of indicator.from) if (source.kind === "derived") return source.rule;
  return undefined;
}

/** The indicators a rule reads (`{"var": "indicators.<key>..."}`), found by walking it as json-logic-js would. */
function indicatorsRead(rule: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) {
    for (const item of rule) indicatorsRead(item, found);
  } else if (rule !== null && typeof rule === "object") {
    for (const [operator, argument] of Object.entries(rule)) {
      const path: unknown = operator === "var" && Array.isArray(argument) ? argument[0] : argument;
      if (operator === "var" && typeof path === "string" && path.startsWith("indicators."))
        found.add(path.split(".")[1] ?? "");
      else indicatorsRead(argument, found);
    }
  }
  return found;
}

/**
 * Derived indicators in an order where each comes after the derived ones its
 * rule reads (Kahn's algorithm); those in a cycle, or reading one, are left out.
 */
function inDependencyOrder(derived: ReadonlyMap<string, unknown>): string[] {
  const waitingOn = new Map<string, Set<string>>();
  for (const [key, rule] of derived)
    waitingOn.set(key, new Set([...indicatorsRead(rule)].filter((read) => derived.has(read))));
  const order: string[] = [];
  for (let ready = [...waitingOn].find(([, deps]) => deps.size === 0); ready;) {
    const [key] = ready;
    order.push(key);
    waitingOn.delete(key);
    for (const deps of waitingOn.values()) deps.delete(key);
    ready = [...waitingOn].find(([, deps]) => deps.size === 0);
  }
  return order;
}

/**
 * Sets `indicators.<key>` in `facts` for every indicator the policy declares:
 * plain ones first (the current reading's value; null with none), then derived
 * ones in dependency order (their rule over the facts so far; null in a
 * cycle). A value the facts already hold (a test's, say) stands unless a
 * reading replaces it; a derived one given that way is not recomputed.
 */
export function setIndicatorFacts(
  facts: Facts,
  policy: PolicyDocument,
  readings: readonly IndicatorReading[],
  today: IsoDate,
): void {
  const given = facts.indicators !== null && typeof facts.indicators === "object" ? { ...facts.indicators } : {};
  const isGiven = (key: string) => Object.hasOwn(given, key);
  const derived = new Map<string, unknown>();
  for (const indicator of policy.indicators ?? []) {
    const rule = derivedRule(indicator);
    if (rule !== undefined) {
      derived.set(indicator.key, rule);
      continue;
    }
    const reading = getCurrentReading(indicator, readings, today);
    if (reading) setFact(facts, `indicators.${indicator.key}`, reading.value);
    else if (!isGiven(indicator.key)) setFact(facts, `indicators.${indicator.key}`, null);
  }
  for (const key of derived.keys()) if (!isGiven(key)) setFact(facts, `indicators.${key}`, null);
  for (const key of inDependencyOrder(derived)) {
    if (!isGiven(key)) setFact(facts, `indicators.${key}`, evaluateValue(derived.get(key), facts));
  }
}
