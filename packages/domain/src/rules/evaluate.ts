import jsonLogic from "json-logic-js";

import { JSON_LOGIC_OPERATORS } from "@steward/policy-config";

// json-logic-js is one shared engine: take out what rules may not use, so even
// a rule that slips past \`usesOnlyAllowedOperators\` cannot run it.
for (const operator of ["log"]) jsonLogic.rm_operation(operator);

/**
 * The facts a rule reads: a nested object whose paths are the vocabulary's
 * facts (`ofsted.overallEffectiveness`, `meetings.strategy-meeting.strongProgressInARow`).
 */
export type Facts = Record<string, unknown>;

/** Whether a value is an object a dotted path can go through (as json-logic-js reads it). */
function isFactsNode(value: unknown): value is Facts {
  return typeof value === "object" && value !== null;
}

/** Puts `value` at a dotted path in `facts`, making the objects on the way. */
export function setFact(facts: Facts, path: string, value: unknown): Facts {
  const segments = path.split(".");
  const leaf = segments.pop() ?? path;
  let node = facts;
  for (const segment of segments) {
    const next = node[segment];
    node = isFactsNode(next) ? next : (node[segment] = {});
  }
  node[leaf] = value;
  return facts;
}

/** Builds nested facts from a flat map of dotted paths. */
export function toFacts(flat: Record<string, unknown>): Facts {
  const facts: Facts = {};
  for (const [path, value] of Object.entries(flat)) setFact(facts, path, value);
  return facts;
}

/**
 * Applies a JsonLogic rule to facts: true only when the rule's result is truthy.
 * A fact that is missing reads as null, so a rule about an unknown fact is false
 * rather than an error (a school with no Ofsted grade matches no grade rule).
 */
export function evaluateRule(rule: unknown, facts: Facts): boolean {
  return Boolean(evaluateValue(rule, facts));
}

/**
 * Applies a JsonLogic rule to facts and returns its result (a derived
 * indicator's value): null when the rule uses an operator rules may not, or
 * gives no value. Missing facts read as null, as in `evaluateRule`.
 */
export function evaluateValue(rule: unknown, facts: Facts): unknown {
  if (!usesOnlyAllowedOperators(rule)) return null;
  // json-logic-js types a rule as its own RulesLogic union; the operator guard above is the check that matters.
  return jsonLogic.apply(rule as never, facts) ?? null;
}

const checked = new WeakMap<object, boolean>();

/**
 * True when every operation json-logic-js would run in `rule` is one the
 * vocabulary allows (\`JSON_LOGIC_OPERATORS\`, the validator's list): a rule
 * from a policy stored before an operator was withdrawn never runs it, and
 * simply does not hold. Walks as json-logic-js applies: a one-key object is an
 * operation, arrays are applied item by item. Remembered per rule object.
 */
export function usesOnlyAllowedOperators(rule: unknown): boolean {
  if (rule === null || typeof rule !== "object") return true;
  const known = checked.get(rule);
  if (known !== undefined) return known;
  let allowed: boolean;
  if (Array.isArray(rule)) allowed = rule.every(usesOnlyAllowedOperators);
  else {
    const entries = Object.entries(rule);
    const [operation] = entries;
    allowed =
      entries.length !== 1 ||
      (operation !== undefined && JSON_LOGIC_OPERATORS.has(operation[0]) && usesOnlyAllowedOperators(operation[1]));
  }
  checked.set(rule, allowed);
  return allowed;
}
