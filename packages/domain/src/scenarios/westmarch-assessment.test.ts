// Westmarch's Support and Challenge Framework (a made-up authority, fixtures/westmarch), walked through the
// engine from its own policy document: a maintained school's standards group comes from its data, its capacity
// to improve from the challenge adviser's judgement, and its support category from a decision table that is not
// "the more severe of the two"; an inadequate judgement sets Red, a formal partnership lowers to Yellow, and an
// academy is assessed on no dimension and monitored from its data.
import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import policyJson from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import type { IndicatorReading } from "../case/data.ts";
import { toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";

const policy = policyJson as unknown as PolicyDocument;
const URN = 991001;
const school = { urn: URN, name: "Westmarch Road Primary", phase: "primary", governance: "maintained" as const };
const academy = { urn: 991501, name: "Westmarch Academy", phase: "secondary", governance: "academy" as const };

const adviser = ["ca-1", [{ role: "challenge-adviser" }]] as const;
const service = ["hos-1", [{ role: "head-of-service" }]] as const;
const secondService = ["hos-2", [{ role: "head-of-service" }]] as const;

/** Outcomes against national and persistent absence, as at the summer's published data. */
function data(outcomes: number, absence = 12): IndicatorReading[] {
  return [
    { indicator: "outcomes-against-national", value: outcomes, asAt: "2026-07-31" },
    { indicator: "persistent-absence", value: absence, asAt: "2026-07-31" },
  ];
}

function openCase(readings: IndicatorReading[], profile: typeof school | typeof academy = school) {
  const h = new CaseHarness(policy, "2026-09-14T09:00:00Z", "westmarch-2026-27");
  h.readings = readings;
  h.run(...service, { type: "open-case", school: profile });
  h.run(...service, { type: "assign-officer", officerId: "ca-1" });
  return h;
}

const capacity = (level: string, rationale = "Leaders know the school well and governors challenge them.") => ({
  dimension: "capacity",
  level,
  rationale,
});

describe("Westmarch: a maintained school categorised on two axes by a table", () => {
  it("values the standards group from data and capacity from the adviser, and reads the category from the table", () => {
    const h = openCase(data(-8));
    h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("b")] });
    const assessment = h.state.assessments[0];
    expect(assessment?.dimensions).toEqual([
      {
        key: "standards",
        label: "Standards group",
        level: "group-3",
        levelLabel: "Group 3",
        source: "rule",
        why: "from data: outcomes more than 5 points below national, or persistent absence of 25% or more",
      },
      {
        key: "capacity",
        label: "Capacity to improve",
        level: "b",
        levelLabel: "B: good capacity",
        source: "officer",
        rationale: "Leaders know the school well and governors challenge them.",
        why: "officer judgement: 'Leaders know the school well and governors challenge them.'",
      },
    ]);
    expect(assessment?.choices).toEqual([capacity("b")]);
    expect(assessment?.suggested).toBe("yellow");
    expect(assessment?.explanation).toEqual([
      "Standards group Group 3 (from data: outcomes more than 5 points below national, or persistent absence of 25% or more) and Capacity to improve B: good capacity (officer judgement: 'Leaders know the school well and governors challenge them.') give Yellow by the table (row 3).",
    ]);
  });

  it("lets strong capacity carry weak standards: group 2 with capacity A is Green, not the more severe of the two", () => {
    const h = openCase(data(2));
    h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("a")] });
    expect(h.state.assessments[0]?.dimensions.map((d) => d.level)).toEqual(["group-2", "a"]);
    expect(h.state.assessments[0]?.suggested).toBe("green");
  });

  it("puts a school with good standards and limited capacity in Red, moderated by the head of service", () => {
    const h = openCase(data(8));
    h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("d", "The head has left.")] });
    expect(h.state.assessments[0]?.suggested).toBe("red");
    expect(
      h.refuse(...adviser, { type: "decide-category", category: "amber", effectiveFrom: "2026-09-14" }),
    ).toMatchObject({
      pointer: "/rationale",
      message: "The assessment suggests Red: say why you decided Amber instead.",
    });
    h.run(...adviser, { type: "decide-category", category: "red", effectiveFrom: "2026-09-14" });
    expect(h.state.category).toMatchObject({ key: "red", moderation: "pending" });
    h.run(...secondService, { type: "moderate-category", outcome: "confirmed" });
    expect(h.state.category).toMatchObject({ key: "red", moderation: "confirmed" });
  });

  it("suggests nothing until capacity is judged: a row naming a dimension with no value does not match", () => {
    const h = openCase(data(2));
    h.run(...adviser, { type: "record-assessment", selections: [] });
    expect(h.state.assessments[0]?.suggested).toBeUndefined();
    expect(h.state.assessments[0]?.dimensions[1]).toEqual({
      key: "capacity",
      label: "Capacity to improve",
      source: "officer",
      why: "not chosen",
    });
    expect(h.state.assessments[0]?.explanation).toEqual([
      "Capacity to improve: no value (not chosen).",
      "No row of the table matches Standards group Group 2 (from data: outcomes less than 5 points above national).",
      "Nothing suggests a category yet: give the dimensions their values.",
    ]);
  });

  it("refuses a capacity the adviser does not explain, or a level the dimension does not have", () => {
    const h = openCase(data(2));
    expect(
      h.refuse(...adviser, { type: "record-assessment", selections: [], choices: [capacity("b", " ")] }),
    ).toMatchObject({ code: "invalid", pointer: "/choices/0/rationale" });
    expect(h.refuse(...adviser, { type: "record-assessment", selections: [], choices: [capacity("e")] })).toMatchObject(
      {
        code: "invalid",
        pointer: "/choices/0/level",
        message:
          '"e" is not a level of Capacity to improve: choose one of A: strong capacity, B: good capacity, C: some capacity, needs support, D: limited capacity.',
      },
    );
    expect(
      h.refuse(...adviser, {
        type: "record-assessment",
        selections: [],
        choices: [{ dimension: "standards", level: "group-1" }],
      }),
    ).toMatchObject({ code: "invalid", pointer: "/choices/0/dimension" });
    expect(h.state.assessments).toEqual([]);
  });

  it("is Red whatever the table says when Ofsted judges it inadequate (a trigger that sets the category)", () => {
    const h = openCase(data(8));
    h.schoolData = toFacts({ "ofsted.overallEffectiveness": "inadequate" });
    h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("a")] });
    expect(h.state.assessments[0]?.suggested).toBe("red");
    expect(h.state.assessments[0]?.explanation.slice(-1)).toEqual([
      'The suggestion changes from Green to Red because of "A maintained school judged inadequate is Red whatever the table says".',
    ]);
  });

  it("is no higher than Yellow in a formal partnership with a Green school (a trigger that lowers it)", () => {
    const partnered = [...data(-8), { indicator: "formal-partnership", value: true, asAt: "2026-09-01" }];
    const h = openCase(partnered);
    h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("c", "New leaders.")] });
    expect(h.state.assessments[0]?.suggested).toBe("yellow");
    expect(h.state.assessments[0]?.explanation.at(-1)).toBe(
      'The suggestion falls from Amber to Yellow because of "In a formal partnership with a Green school: no higher than Yellow".',
    );
    // Lowering never raises: a Green school in a partnership stays Green.
    const green = openCase([...data(8), { indicator: "formal-partnership", value: true, asAt: "2026-09-01" }]);
    green.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("a")] });
    expect(green.state.assessments[0]?.suggested).toBe("green");
  });
});

describe("Westmarch: an academy", () => {
  it("is assessed on no dimension and monitored from its data", () => {
    const h = openCase([], academy);
    h.run(...service, { type: "record-assessment", selections: [] });
    expect(h.state.assessments[0]?.dimensions).toEqual([]);
    expect(h.state.assessments[0]?.suggested).toBe("academy-monitored");
    expect(h.refuse(...service, { type: "record-assessment", selections: [], choices: [capacity("a")] })).toMatchObject(
      { code: "not-applicable", pointer: "/choices/0/dimension" },
    );
  });
});

describe("an assessment recorded before assessments had dimensions", () => {
  it("folds with no dimensions and no choices", () => {
    const h = openCase(data(2));
    const [recorded] = h.run(...adviser, { type: "record-assessment", selections: [], choices: [capacity("a")] });
    if (recorded?.type !== "assessment-recorded") throw new Error("Expected an assessment.");
    const { dimensions, choices, ...before } = recorded.assessment;
    expect([dimensions?.length, choices?.length]).toEqual([2, 1]);
    h.events.splice(-1, 1, { ...recorded, assessment: before });
    expect(h.state.assessments[0]).toMatchObject({ suggested: "green", dimensions: [], choices: [] });
  });
});
