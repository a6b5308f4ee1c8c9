import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";
import { decideOnTheDay, getTriggersOnTheDay } from "./daily.ts";
import type { IndicatorReading } from "./data.ts";
import { evolve } from "./evolve.ts";
import type { RegisterEntryRecord } from "./state.ts";

/** The minimal policy, watching absence (current for six months) and counting concerns over the last three months. */
function watchingPolicy(): PolicyDocument {
  const base = createMinimalPolicy();
  return {
    ...base,
    indicators: [
      {
        key: "absence",
        label: "Absence",
        type: { kind: "number", unit: "%" },
        from: [{ kind: "import" }],
        currentFor: { count: 6, unit: "months" },
        visibleToSchools: true,
      },
    ],
    measures: [
      {
        key: "recent-concerns",
        label: "Concerns in the last three months",
        aggregate: "count",
        of: { kind: "register", register: "concerns" },
        window: { kind: "rolling", last: { count: 3, unit: "months" } },
      },
    ],
    triggers: [
      ...base.triggers,
      {
        key: "high-absence",
        label: "Absence of 20% or more",
        when: { ">=": [{ var: "indicators.absence" }, 20] },
        suggests: { category: "high" },
      },
    ],
    escalation: {
      ...base.escalation,
      transitions: [
        ...base.escalation.transitions,
        {
          key: "repeated-concerns",
          from: ["universal"],
          to: "notice",
          label: "Two concerns in three months",
          mode: "automatic",
          when: { ">=": [{ var: "measures.recent-concerns" }, 2] },
          requiresReason: false,
        },
      ],
    },
  };
}

const entry = (id: string, occurredOn: string): RegisterEntryRecord => ({
  id,
  register: "concerns",
  occurredOn,
  fields: {},
  status: "open",
  loggedBy: "officer",
  loggedAt: `${occurredOn}T10:00:00Z`,
});

describe("the case on a day with no command", () => {
  const policy = watchingPolicy();
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run("officer", [{ role: "senior-officer" }], {
    type: "open-case",
    school: { urn: 100001, name: "Test School", governance: "maintained" },
  });
  const state = { ...h.state, registerEntries: [entry("e1", "2025-11-01"), entry("e2", "2025-12-15")] };
  const daily = { id: "daily-run", grants: [] };

  it("moves the case when a rolling window holds enough, and not once the window has moved past them", () => {
    const onTheDay = (day: string) => decideOnTheDay(state, h.at(day).context(daily.id, daily.grants));
    const moves = onTheDay("2026-01-10");
    expect(moves).toMatchObject([
      { type: "stage-changed", stage: "notice", transition: "repeated-concerns", actorId: "daily-run" },
    ]);
    expect(moves[0]?.at).toBe("2026-01-10T12:00:00.000Z");
    expect(evolve(state, moves[0]!)).toMatchObject({ stage: "notice", stageSince: "2026-01-10T12:00:00.000Z" });
    // By 10 February, 1 November is more than three months ago: one concern is not enough.
    expect(onTheDay("2026-02-10")).toEqual([]);
    expect(decideOnTheDay({ ...state, status: "closed" }, h.at("2026-01-10").context(daily.id, []))).toEqual([]);
  });

  it("fires a trigger from a current value, and not once the value has gone stale", () => {
    const readings: IndicatorReading[] = [{ indicator: "absence", value: 22.5, asAt: "2025-07-31" }];
    const triggers = (day: string) => getTriggersOnTheDay(state, policy, day, {}, readings).map((t) => t.key);
    expect(triggers("2026-01-10")).toEqual(["high-absence"]);
    expect(triggers("2026-01-31")).toEqual(["high-absence"]);
    expect(triggers("2026-02-01")).toEqual([]);
    expect(getTriggersOnTheDay(state, policy, "2026-01-10").map((t) => t.key)).toEqual([]);
  });
});
