/**
 * Keys are unique within their collection, and are what the other sections
 * refer to: collected (and their duplicates reported) once, before any section
 * checks a reference.
 */
import type { PolicyDocument } from "../../schema/policy.ts";
import { keysOf, type PolicyData, type PolicyKeys, type Report } from "./context.ts";

export function collectKeys(policy: PolicyDocument, report: Report): PolicyKeys {
  const keys: PolicyKeys = {
    areas: keysOf(report, policy.areas, ["areas"], "judgement area"),
    categories: keysOf(report, policy.categories, ["categories"], "category"),
    visitTypes: keysOf(report, policy.visitTypes, ["visitTypes"], "visit type"),
    meetingTypes: keysOf(report, policy.meetingTypes, ["meetingTypes"], "meeting type"),
    letterTypes: keysOf(report, policy.letterTypes, ["letterTypes"], "letter type"),
    stages: keysOf(report, policy.escalation.stages, ["escalation", "stages"], "stage"),
    forms: keysOf(report, policy.forms, ["forms"], "form"),
    roles: keysOf(report, policy.roles, ["roles"], "role"),
    laRoles: new Set(policy.roles.filter((r) => r.audience === "la").map((r) => r.key)),
    terms: new Set(policy.calendar.years.flatMap((year) => year.terms.map((term) => term.key))),
    indicators: keysOf(report, policy.indicators ?? [], ["indicators"], "indicator"),
    registers: keysOf(report, policy.registers ?? [], ["registers"], "register"),
    measures: keysOf(report, policy.measures ?? [], ["measures"], "measure"),
  };
  keysOf(report, policy.triggers, ["triggers"], "trigger");
  keysOf(report, policy.escalation.transitions, ["escalation", "transitions"], "transition");
  if (policy.offers) keysOf(report, policy.offers, ["offers"], "offer");
  if (policy.strategy.priorities) keysOf(report, policy.strategy.priorities, ["strategy", "priorities"], "priority");
  return keys;
}

/** The policy's indicators, registers and measures by key (the first of a key used twice). */
export function collectData(policy: PolicyDocument): PolicyData {
  const byKey = <T extends { key: string }>(items: readonly T[] = []) => {
    const map = new Map<string, T>();
    for (const item of items) if (!map.has(item.key)) map.set(item.key, item);
    return map;
  };
  return {
    indicators: byKey(policy.indicators),
    registers: byKey(policy.registers),
    measures: byKey(policy.measures),
  };
}
