import type { MeasureDefinition, PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { getCaseFacts } from "../case/facts.ts";
import { getMeasureValue } from "../case/measures.ts";
import type { CaseState } from "../case/state.ts";
import type { Facts } from "../rules/evaluate.ts";

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

function isFacts(value: unknown): value is Facts {
  return value !== null && typeof value === "object";
}

function factAt(facts: Facts, path: string): unknown {
  let node: unknown = facts;
  for (const segment of path.split(".")) node = isFacts(node) ? node[segment] : undefined;
  return node;
}

/** Each legacy fact and its measure's value where they differ on this state and day (none, when the measures replace them). */
export function legacyMeasureDifferences(state: CaseState, policy: PolicyDocument, today: IsoDate) {
  const facts = getCaseFacts(state, policy, today);
  return legacyMeasures(policy).flatMap(({ fact, measure }) => {
    const legacy = factAt(facts, fact);
    const value = getMeasureValue(measure, state, policy, today);
    return legacy === value ? [] : [{ fact, legacy, measure: value }];
  });
}
