import type { MeasureDefinition, PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { getMeasureValue } from "../case/measures.ts";
import type { CaseState } from "../case/state.ts";

/** A legacy fact's path and the measure a policy declares in its place. */
export interface LegacyMeasure {
  fact: string;
  measure: MeasureDefinition;
}

/**
 * The measures a policy declares for the built-in counting facts
 * (`meetings.<type>.heldInStage`, `.strongProgressInARow`, `.concernsInARow`,
 * `visits.<type>.concernsInARow`), as the policy upgrader writes them.
 */
export function legacyMeasures(policy: PolicyDocument): LegacyMeasure[] {
  const measure = (key: string, rest: Omit<MeasureDefinition, "key" | "label">) => ({ key, label: key, ...rest });
  return [
    ...policy.meetingTypes.flatMap(({ key: t }) => {
      const of = { kind: "meetings", meetingType: t } as const;
      const window = { kind: "stage" } as const;
      return [
        { fact: `meetings.${t}.heldInStage`, measure: measure(`${t}-held`, { aggregate: "count", of, window }) },
        {
          fact: `meetings.${t}.strongProgressInARow`,
          measure: measure(`${t}-strong`, { aggregate: "streak", of, window, streakWhile: { var: "strong" } }),
        },
        {
          fact: `meetings.${t}.concernsInARow`,
          measure: measure(`${t}-concerns`, {
            aggregate: "streak",
            of,
            window,
            streakWhile: { "!": { var: "strong" } },
          }),
        },
      ];
    }),
    ...policy.visitTypes.map(({ key: t }) => ({
      fact: `visits.${t}.concernsInARow`,
      measure: measure(`${t}-concerns`, {
        aggregate: "streak",
        of: { kind: "visits", visitType: t },
        where: { and: [{ "==": [{ var: "status" }, "completed"] }, { var: "reported" }] },
        window: { kind: "all" },
        streakWhile: { var: "concerns" },
      }),
    })),
  ];
}

/** How many of the latest items in a row pass the test. */
function inARow<T>(items: readonly T[], test: (item: T) => boolean): number {
  const lastFailing = items.findLastIndex((item) => !test(item));
  return items.length - 1 - lastFailing;
}

/**
 * The built-in counting facts as the engine computed them before measures
 * replaced them (kept here, frozen, as the reference the measures must match).
 */
export function legacyFacts(state: CaseState, policy: PolicyDocument): Map<string, number> {
  const facts = new Map<string, number>();
  for (const type of policy.meetingTypes) {
    const inStage = state.meetings
      .filter((m) => m.meetingType === type.key)
      .sort((a, b) => a.date.localeCompare(b.date))
      .filter((m) => m.date >= state.stageSince.slice(0, 10));
    facts.set(`meetings.${type.key}.heldInStage`, inStage.length);
    facts.set(
      `meetings.${type.key}.strongProgressInARow`,
      inARow(inStage, (m) => m.strong),
    );
    facts.set(
      `meetings.${type.key}.concernsInARow`,
      inARow(inStage, (m) => !m.strong),
    );
  }
  for (const type of policy.visitTypes) {
    const done = state.visits
      .filter((v) => v.visitType === type.key && v.status === "completed" && v.report)
      .sort((a, b) => a.date.localeCompare(b.date));
    facts.set(
      `visits.${type.key}.concernsInARow`,
      inARow(done, (v) => Boolean(v.report?.concerns)),
    );
  }
  return facts;
}

/** Each legacy fact and its measure's value where they differ on this state and day (none, when the measures replace them). */
export function legacyMeasureDifferences(state: CaseState, policy: PolicyDocument, today: IsoDate) {
  const facts = legacyFacts(state, policy);
  return legacyMeasures(policy).flatMap(({ fact, measure }) => {
    const legacy = facts.get(fact);
    const value = getMeasureValue(measure, state, policy, today);
    return legacy === value ? [] : [{ fact, legacy, measure: value }];
  });
}
