import type { PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { setFact, type Facts } from "../rules/evaluate.ts";
import type { IndicatorReading } from "./data.ts";
import { setIndicatorFacts } from "./indicators.ts";
import { setMeasureFacts } from "./measures.ts";
import type { CaseState } from "./state.ts";
import { getVisitPlan } from "./visit-plan.ts";

const IN_FORCE = new Set(["issued", "acknowledged"]);

/** The school's attributes a rule (or a recipient's `when`) may read as `school.<name>`: text, or null when not known. */
const SCHOOL_ATTRIBUTES = ["district", "diocese", "religiousCharacter", "trust"] as const;

/** The attribute as the caller's school data gives it (`school.<name>`), if it is text. */
function givenAttribute(schoolData: Facts, name: string): string | undefined {
  const school = schoolData.school;
  const value: unknown = typeof school === "object" && school !== null ? Reflect.get(school, name) : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Whole months from one instant or date to another. */
function monthsBetween(from: string, to: string): number {
  const a = new Date(from);
  const b = new Date(to);
  let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  if (b.getUTCDate() < a.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

/**
 * The facts a rule may read about a case on a day, in three layers:
 * - built in: the school's own data (`school.*`, `ofsted.*`, from
 *   `schoolData`; `school.district`, `school.diocese`,
 *   `school.religiousCharacter` and `school.trust` are always set, null when
 *   not known) and the case's `case.*`, `letters.<type>.*` and
 *   `visits.<type>.overdue` (see FACTS in the policy vocabulary);
 * - `indicators.<key>` for every indicator the policy declares, from the
 *   school's readings (see setIndicatorFacts);
 * - `measures.<key>` for every measure the policy declares (see getMeasureValue).
 */
export function getCaseFacts(
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  schoolData: Facts = {},
  readings: readonly IndicatorReading[] = [],
): Facts {
  const facts: Facts = structuredClone(schoolData);
  setFact(facts, "school.governance", state.school.governance);
  setFact(facts, "school.phase", state.school.phase ?? null);
  setFact(facts, "school.urn", state.school.urn);
  for (const name of SCHOOL_ATTRIBUTES) {
    const fromProfile = name === "trust" ? state.school.trust : undefined;
    setFact(facts, `school.${name}`, givenAttribute(schoolData, name) ?? fromProfile ?? null);
  }
  setFact(facts, "case.category", state.category?.key ?? null);
  setFact(facts, "case.stage", state.stage);
  setFact(facts, "case.monthsInStage", monthsBetween(state.stageSince, today));
  const inForce = state.letters.filter((l) => IN_FORCE.has(l.status));
  setFact(facts, "case.noticesInForce", [...new Set(inForce.map((l) => l.letterType))]);

  for (const type of policy.letterTypes) {
    const letters = state.letters.filter((l) => l.letterType === type.key);
    const current = letters.filter((l) => IN_FORCE.has(l.status)).at(-1);
    setFact(facts, `letters.${type.key}.inForce`, Boolean(current));
    setFact(facts, `letters.${type.key}.actionsComplete`, Boolean(current?.actionsComplete));
    setFact(facts, `letters.${type.key}.deadlinePassed`, Boolean(current?.deadline && current.deadline < today));
    setFact(facts, `letters.${type.key}.compliedWith`, Boolean(current?.actionsComplete));
  }
  const plan = getVisitPlan(state, policy, today);
  for (const type of policy.visitTypes) {
    setFact(
      facts,
      `visits.${type.key}.overdue`,
      plan.some((slot) => slot.visitType === type.key && slot.status === "overdue"),
    );
  }
  setIndicatorFacts(facts, policy, readings, today);
  setMeasureFacts(facts, state, policy, today, readings);
  return facts;
}
