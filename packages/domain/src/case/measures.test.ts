import { describe, expect, it } from "vitest";

import type { MeasureDefinition, PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";
import { legacyFacts, legacyMeasureDifferences, legacyMeasures } from "../testing/legacy-measures.ts";
import { getCaseFacts } from "./facts.ts";
import { getMeasureValue } from "./measures.ts";
import type { CaseState, LetterRecord, MeetingRecord, RegisterEntryRecord, VisitRecordState } from "./state.ts";

const policy: PolicyDocument = createMinimalPolicy();

/** A case opened on 8 September 2025, in the minimal policy's universal stage. */
function openedCase(): CaseState {
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run("officer", [{ role: "senior-officer" }], {
    type: "open-case",
    school: { urn: 100001, name: "Test School", governance: "maintained" },
  });
  return h.state;
}

let ids = 0;
const entry = (occurredOn: string, extra: Partial<RegisterEntryRecord> = {}): RegisterEntryRecord => ({
  id: `entry-${++ids}`,
  register: "concerns",
  occurredOn,
  fields: { source: "parent" },
  status: "open",
  loggedBy: "officer",
  loggedAt: `${occurredOn}T10:00:00Z`,
  ...extra,
});
const meeting = (date: string, strong: boolean, stage = "universal"): MeetingRecord => ({
  id: `meeting-${++ids}`,
  meetingType: "review-group",
  date,
  attendees: ["adviser"],
  minutes: "",
  keyPoints: [],
  progress: strong ? "strong" : "insufficient",
  strong,
  stage,
  recordedBy: "adviser",
});
const visit = (date: string, concerns: boolean | undefined): VisitRecordState => ({
  id: `visit-${++ids}`,
  visitType: "core-visit",
  date,
  status: concerns === undefined ? "scheduled" : "completed",
  term: undefined,
  agenda: [],
  ...(concerns === undefined
    ? {}
    : {
        report: {
          concerns,
          recordedBy: "a",
          recordedAt: `${date}T16:00:00Z`,
          published: false,
        },
      }),
});
const letter = (draftedAt: string, issuedOn?: string): LetterRecord => ({
  id: `letter-${++ids}`,
  letterType: "warning-notice",
  status: issuedOn ? "issued" : "draft",
  indicators: [],
  actions: [],
  notes: "",
  subject: "",
  html: "",
  draftedBy: "adviser",
  draftedAt,
  ...(issuedOn ? { issuedOn } : {}),
  actionsComplete: false,
});

const concerns = (window: MeasureDefinition["window"], extra: Partial<MeasureDefinition> = {}): MeasureDefinition => ({
  key: "concerns",
  label: "Concerns",
  aggregate: "count",
  of: { kind: "register", register: "concerns" },
  window,
  ...extra,
});
const rollingYear = { kind: "rolling", last: { count: 12, unit: "months" } } as const;

describe("a measure over a register's entries", () => {
  it("counts by the date the thing happened, not the day it was logged, and nothing after today", () => {
    const state = {
      ...openedCase(),
      registerEntries: [
        // Received in March, logged only in May.
        entry("2025-03-11", { loggedAt: "2025-05-02T09:00:00Z" }),
        entry("2025-03-10"),
        entry("2026-03-10"),
        entry("2026-03-11"),
        entry("2026-02-01", { register: "complaints" }),
      ],
    };
    // Within the last 12 months of 10 March 2026: after 10 March 2025, up to and including today.
    expect(getMeasureValue(concerns(rollingYear), state, policy, "2026-03-10")).toBe(2);
    expect(getMeasureValue(concerns(rollingYear), state, policy, "2026-03-11")).toBe(2);
    expect(getMeasureValue(concerns({ kind: "all" }), state, policy, "2026-03-11")).toBe(4);
    const loggedInMay = concerns({ kind: "all" }, { where: { "==": [{ var: "loggedOn" }, "2025-05-02"] } });
    expect(getMeasureValue(loggedInMay, state, policy, "2026-03-11")).toBe(1);
  });

  it("filters on the entry's own fields and status", () => {
    const state = {
      ...openedCase(),
      registerEntries: [
        entry("2025-10-01"),
        entry("2025-10-02", { fields: { source: "ofsted" } }),
        entry("2025-10-03", { fields: { source: "ofsted" }, status: "closed" }),
      ],
    };
    const fromOfsted = { "==": [{ var: "fields.source" }, "ofsted"] };
    expect(getMeasureValue(concerns({ kind: "all" }, { where: fromOfsted }), state, policy, "2025-11-01")).toBe(2);
    const open = { and: [fromOfsted, { "==": [{ var: "status" }, "open"] }] };
    expect(getMeasureValue(concerns({ kind: "all" }, { where: open }), state, policy, "2025-11-01")).toBe(1);
    const latestSource = concerns({ kind: "all" }, { aggregate: "latest", field: "fields.source" });
    expect(getMeasureValue(latestSource, state, policy, "2025-10-01")).toBe("parent");
    expect(getMeasureValue(latestSource, state, policy, "2025-11-01")).toBe("ofsted");
    expect(getMeasureValue(latestSource, state, policy, "2025-09-30")).toBeNull();
  });
});

describe("a measure's window", () => {
  const state = {
    ...openedCase(),
    registerEntries: ["2025-07-20", "2025-09-03", "2025-12-19", "2025-12-22", "2026-01-05", "2026-02-02"].map((d) =>
      entry(d),
    ),
  };

  it("counts this school year and this term of the policy calendar (a holiday belongs to the term before it)", () => {
    expect(getMeasureValue(concerns({ kind: "school-year" }), state, policy, "2026-02-10")).toBe(5);
    expect(getMeasureValue(concerns({ kind: "term" }), state, policy, "2026-02-10")).toBe(2);
    expect(getMeasureValue(concerns({ kind: "term" }), state, policy, "2025-12-30")).toBe(3);
    // Before the calendar's first term there is no school year yet.
    expect(getMeasureValue(concerns({ kind: "school-year" }), state, policy, "2025-08-01")).toBe(0);
  });

  it("counts since the case entered its stage", () => {
    const moved = { ...state, stageSince: "2025-12-22T10:00:00Z" };
    expect(getMeasureValue(concerns({ kind: "stage" }), moved, policy, "2026-02-10")).toBe(3);
  });

  it("counts since the latest such event that meets the window's where, or the whole case with none", () => {
    const sinceNotice = concerns({ kind: "since-event", event: "letter-issued" });
    expect(getMeasureValue(sinceNotice, state, policy, "2026-02-10")).toBe(6);
    const noticed = {
      ...state,
      letters: [letter("2025-11-20T10:00:00Z", "2025-12-01"), letter("2026-01-20T10:00:00Z")],
    };
    expect(getMeasureValue(sinceNotice, noticed, policy, "2026-02-10")).toBe(4);
    // An event after today has not happened yet.
    expect(getMeasureValue(sinceNotice, noticed, policy, "2025-11-30")).toBe(2);
    const sinceOther = concerns({
      kind: "since-event",
      event: "letter-issued",
      where: { "==": [{ var: "letterType" }, "another-letter"] },
    });
    expect(getMeasureValue(sinceOther, noticed, policy, "2026-02-10")).toBe(6);
    const sinceDecision = concerns({ kind: "since-event", event: "category-decided" });
    const decided = {
      ...state,
      categoryHistory: [
        {
          key: "high",
          effectiveFrom: "2026-01-05",
          assessmentId: undefined,
          decidedBy: "a",
          decidedAt: "2026-01-07T10:00:00Z",
          rationale: undefined,
          moderation: "not-required" as const,
        },
      ],
    };
    expect(getMeasureValue(sinceDecision, decided, policy, "2026-02-10")).toBe(2);
  });
});

describe("measures over meetings, visits, letters and indicator values", () => {
  it("sums a numeric field, skipping other values, and reads an indicator's latest value in a window", () => {
    const readings = [
      { indicator: "absence", value: 12, asAt: "2025-07-31" },
      { indicator: "absence", value: "n/a", asAt: "2025-10-31" },
      { indicator: "absence", value: 9, asAt: "2025-12-31" },
      { indicator: "exclusions", value: 4, asAt: "2025-12-31" },
    ];
    const of = { kind: "indicator", indicator: "absence" } as const;
    const sum: MeasureDefinition = { key: "s", label: "s", aggregate: "sum", of, window: { kind: "all" } };
    expect(getMeasureValue(sum, openedCase(), policy, "2026-01-10", readings)).toBe(21);
    const latest: MeasureDefinition = { key: "l", label: "l", aggregate: "latest", of, window: rollingYear };
    expect(getMeasureValue(latest, openedCase(), policy, "2025-11-15", readings)).toBe("n/a");
    expect(getMeasureValue(latest, openedCase(), policy, "2027-01-01", readings)).toBeNull();
  });

  it("counts letters by the day they were issued, or drafted before then", () => {
    const state = {
      ...openedCase(),
      letters: [letter("2025-11-20T10:00:00Z", "2025-12-01"), letter("2025-12-05T10:00:00Z")],
    };
    const inDecember: MeasureDefinition = {
      key: "letters",
      label: "Letters",
      aggregate: "count",
      of: { kind: "letters" },
      where: { ">=": [{ var: "date" }, "2025-12-01"] },
      window: { kind: "all" },
    };
    expect(getMeasureValue(inDecember, state, policy, "2025-12-31")).toBe(2);
    expect(getMeasureValue(inDecember, state, policy, "2025-12-02")).toBe(1);
  });

  it("counts a streak of the latest records in date order, whatever order they were recorded in", () => {
    const state = {
      ...openedCase(),
      meetings: [meeting("2025-12-01", true), meeting("2025-10-01", false), meeting("2025-11-01", true)],
      visits: [visit("2025-10-10", true), visit("2025-11-10", true), visit("2025-12-10", undefined)],
    };
    const strong: MeasureDefinition = {
      key: "strong",
      label: "Strong in a row",
      aggregate: "streak",
      of: { kind: "meetings", meetingType: "review-group" },
      window: { kind: "all" },
      streakWhile: { var: "strong" },
    };
    expect(getMeasureValue(strong, state, policy, "2025-12-15")).toBe(2);
    expect(getMeasureValue(strong, state, policy, "2025-11-15")).toBe(1);
    const visitConcerns: MeasureDefinition = {
      key: "visit-concerns",
      label: "Visits with concerns in a row",
      aggregate: "streak",
      of: { kind: "visits" },
      where: { var: "reported" },
      window: { kind: "all" },
      streakWhile: { var: "concerns" },
    };
    expect(getMeasureValue(visitConcerns, state, policy, "2025-12-15")).toBe(2);
  });

  it("puts every declared measure in the case's facts as measures.<key>", () => {
    const declared = { ...policy, measures: [concerns(rollingYear)] };
    const state = { ...openedCase(), registerEntries: [entry("2025-10-01"), entry("2025-11-01")] };
    expect(getCaseFacts(state, declared, "2025-12-01")).toMatchObject({ measures: { concerns: 2 } });
  });
});

describe("the measures that replace the built-in counting facts", () => {
  it("give the legacy facts' values (the scenario harness checks this on every state it reaches)", () => {
    const state = {
      ...openedCase(),
      stage: "notice",
      stageSince: "2025-11-01T10:00:00Z",
      meetings: [
        meeting("2025-10-01", true),
        meeting("2025-11-20", false, "notice"),
        meeting("2025-11-05", true, "notice"),
        meeting("2025-12-10", true, "notice"),
      ],
      visits: [visit("2025-10-10", true), visit("2025-11-10", true), visit("2025-12-10", undefined)],
    };
    expect(legacyFacts(state, policy)).toEqual(
      new Map([
        ["meetings.review-group.heldInStage", 3],
        ["meetings.review-group.strongProgressInARow", 1],
        ["meetings.review-group.concernsInARow", 0],
        ["visits.core-visit.concernsInARow", 2],
      ]),
    );
    expect(legacyMeasureDifferences(state, policy, "2025-12-15")).toEqual([]);
    expect(legacyMeasures(policy).map(({ measure }) => getMeasureValue(measure, state, policy, "2025-12-15"))).toEqual([
      3, 1, 0, 2,
    ]);
  });
});
