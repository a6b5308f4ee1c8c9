// A made-up authority whose strategy rests on data of its own: an attendance
// indicator fed by an import, a rating derived from it, a register of concern,
// and "three concerns in a rolling year" moving a school to enhanced
// monitoring. None of it is named in Steward's code or its built-in facts:
// only the policy document below declares it.
import { describe, expect, it } from "vitest";

import { validatePolicy, type PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { decideOnTheDay, getTriggersOnTheDay } from "../case/daily.ts";
import type { IndicatorReading } from "../case/data.ts";
import { decide } from "../case/decide.ts";
import { getCaseFacts } from "../case/facts.ts";
import type { CaseState, RegisterEntryRecord } from "../case/state.ts";
import { CaseHarness } from "../testing/harness.ts";

function eastmarshPolicy(): PolicyDocument {
  const base = createMinimalPolicy();
  return {
    ...base,
    authority: { name: "Eastmarsh Borough Council", laCode: "998" },
    indicators: [
      {
        key: "persistent-absence",
        label: "Pupils persistently absent",
        group: "Attendance",
        type: { kind: "number", unit: "%", minimum: 0, maximum: 100, decimals: 1 },
        from: [{ kind: "import" }],
        currentFor: { count: 12, unit: "months" },
        visibleToSchools: true,
      },
      {
        key: "attendance-rating",
        label: "Attendance rating",
        type: {
          kind: "choice",
          options: [
            { value: "red", label: "Red" },
            { value: "amber", label: "Amber" },
            { value: "green", label: "Green" },
          ],
        },
        from: [
          {
            kind: "derived",
            rule: {
              if: [
                { "==": [{ var: "indicators.persistent-absence" }, null] },
                null,
                { ">=": [{ var: "indicators.persistent-absence" }, 20] },
                "red",
                { ">=": [{ var: "indicators.persistent-absence" }, 12] },
                "amber",
                "green",
              ],
            },
          },
        ],
        visibleToSchools: false,
      },
    ],
    registers: [
      {
        key: "register-of-concern",
        label: "Register of concern",
        entryLabel: "concern",
        occurredOnLabel: "Date the concern was received",
        schema: {
          type: "object",
          required: ["source"],
          properties: { source: { type: "string", enum: ["parent", "ofsted", "safeguarding", "other"] } },
        },
        access: { log: ["adviser", "senior-officer"], read: ["adviser", "senior-officer"], close: ["senior-officer"] },
        visibleToSchools: false,
      },
    ],
    measures: [
      // The base policy's exit from its notice stage counts strong review-group meetings.
      ...(base.measures ?? []).filter((m) => m.key === "review-group-strong-progress"),
      {
        key: "concerns-in-rolling-year",
        label: "Concerns in the last 12 months",
        aggregate: "count",
        of: { kind: "register", register: "register-of-concern" },
        window: { kind: "rolling", last: { count: 12, unit: "months" } },
      },
    ],
    triggers: [
      {
        key: "persistent-absence-high",
        label: "A fifth of pupils or more persistently absent",
        when: { "==": [{ var: "indicators.attendance-rating" }, "red"] },
        suggests: { category: "high" },
      },
    ],
    escalation: {
      ...base.escalation,
      stages: [
        ...base.escalation.stages,
        {
          key: "enhanced-monitoring",
          label: "Enhanced monitoring",
          description: "The school has surfaced on the register of concern three times in a year.",
          order: 2,
          colour: "orange",
          visibleToSchool: false,
        },
      ],
      transitions: [
        ...base.escalation.transitions,
        {
          key: "three-concerns",
          from: ["universal"],
          to: "enhanced-monitoring",
          label: "Three or more concerns in a rolling year",
          mode: "automatic",
          when: { ">=": [{ var: "measures.concerns-in-rolling-year" }, 3] },
          requiresReason: false,
        },
      ],
    },
  };
}

const policy = eastmarshPolicy();
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const dailyRun = ["daily-run", []] as const;

function openCase() {
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z", "eastmarsh-2025");
  h.run(...senior, {
    type: "open-case",
    school: { urn: 998001, name: "Marsh Lane Primary", governance: "maintained" },
  });
  return h;
}

let ids = 0;
/** A concern received on one day and logged on another (the registers' commands fold to the same state). */
function concern(occurredOn: string, loggedOn = occurredOn, source = "parent"): RegisterEntryRecord {
  return {
    id: `concern-${++ids}`,
    register: "register-of-concern",
    occurredOn,
    fields: { source },
    status: "open",
    loggedBy: "senior-1",
    loggedAt: `${loggedOn}T15:00:00Z`,
  };
}

const withConcerns = (state: CaseState, entries: RegisterEntryRecord[]): CaseState => ({
  ...state,
  registerEntries: entries,
});

describe("Eastmarsh: a strategy on the authority's own data", () => {
  it("is a policy document the validator accepts", () => {
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it("counts a concern by the day it was received, even when it was logged later", () => {
    const h = openCase();
    const state = withConcerns(h.state, [
      // Received before the year counted from 10 October 2026, logged within it: does not count.
      concern("2025-10-05", "2025-10-20"),
      // Received within it, logged six weeks later: counts.
      concern("2025-10-15", "2025-12-01"),
      concern("2026-06-01"),
    ]);
    expect(getCaseFacts(state, policy, "2026-10-10")).toMatchObject({
      measures: { "concerns-in-rolling-year": 2 },
    });
  });

  it("moves a school with three concerns in a rolling year to enhanced monitoring, on the day and after a command", () => {
    const h = openCase();
    const state = withConcerns(h.state, [
      concern("2025-10-15", "2025-11-03", "ofsted"),
      concern("2026-02-02"),
      concern("2026-06-30", "2026-07-06", "safeguarding"),
    ]);
    // The daily run, the morning after the third concern was logged.
    const moves = decideOnTheDay(state, h.at("2026-07-07").context(...dailyRun));
    expect(moves).toMatchObject([
      { type: "stage-changed", stage: "enhanced-monitoring", transition: "three-concerns", actorId: "daily-run" },
    ]);
    // Any accepted command on the case makes the same move after it.
    const decision = decide(state, { type: "assign-officer", officerId: "adviser-1" }, h.context(...senior));
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(["officer-assigned", "stage-changed"]);
    // A year after the first concern it has dropped out of the window.
    expect(decideOnTheDay(state, h.at("2026-10-15").context(...dailyRun))).toEqual([]);
  });

  it("does not move a school whose three concerns are spread over thirteen months", () => {
    const h = openCase();
    const entries = [concern("2025-09-10"), concern("2026-03-10"), concern("2026-10-12")];
    const state = withConcerns(h.state, entries);
    for (const day of ["2025-09-10", "2026-03-10", "2026-09-10", "2026-10-12", "2026-12-01"])
      expect(decideOnTheDay(state, h.at(day).context(...dailyRun)), day).toEqual([]);
    expect(getCaseFacts(state, policy, "2026-10-12")).toMatchObject({ measures: { "concerns-in-rolling-year": 2 } });
  });

  it("fires the attendance trigger from an imported value, through its derived rating, until the value goes stale", () => {
    const h = openCase();
    const readings: IndicatorReading[] = [
      { indicator: "persistent-absence", value: 14.2, asAt: "2025-03-31" },
      { indicator: "persistent-absence", value: 23.4, asAt: "2025-07-31" },
    ];
    const triggers = (day: string) => getTriggersOnTheDay(h.state, policy, day, {}, readings).map((t) => t.key);
    expect(getCaseFacts(h.state, policy, "2025-09-15", {}, readings)).toMatchObject({
      indicators: { "persistent-absence": 23.4, "attendance-rating": "red" },
    });
    expect(triggers("2025-09-15")).toEqual(["persistent-absence-high"]);
    expect(triggers("2026-07-31")).toEqual(["persistent-absence-high"]);
    // Twelve months after it was as at, the value no longer counts, and nothing older stands in for it.
    expect(triggers("2026-08-01")).toEqual([]);
    expect(getCaseFacts(h.state, policy, "2026-08-01", {}, readings)).toMatchObject({
      indicators: { "persistent-absence": null, "attendance-rating": null },
    });
    // A newer, lower value replaces it as soon as it is as at.
    const spring = [...readings, { indicator: "persistent-absence", value: 11.9, asAt: "2026-03-31" }];
    expect(getTriggersOnTheDay(h.state, policy, "2026-04-01", {}, spring)).toEqual([]);
    expect(getCaseFacts(h.state, policy, "2026-04-01", {}, spring)).toMatchObject({
      indicators: { "attendance-rating": "green" },
    });
  });
});
