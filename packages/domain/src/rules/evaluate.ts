import jsonLogic from "json-logic-js";

/**
 * The facts a rule reads: a nested object whose paths are the vocabulary's
 * facts (`ofsted.overallEffectiveness`, `meetings.strategy-meeting.strongProgressInARow`).
 */
export type Facts = Record<string, unknown>;

/** Puts `value` at a dotted path in `facts`, making the objects on the way. */
export function setFact(facts: Facts, path: string, value: unknown): Facts {
  const segments = path.split(".");
  let node = facts;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    node = (next && typeof next === "object" ? next : (node[segment] = {})) as Facts;
  }
  node[segments.at(-1)!] = value;
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
  return Boolean(jsonLogic.apply(rule as never, facts));
}
