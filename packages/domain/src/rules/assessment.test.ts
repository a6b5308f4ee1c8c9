import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { DomainError } from "../errors.ts";
import type { SchoolProfile } from "./applicability.ts";
import { assessPolicy, type AssessmentInput, type OfficerChoice } from "./assessment.ts";
import { toFacts } from "./evaluate.ts";

const maintained: SchoolProfile = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" };

describe("a best fit against criteria (format 3's best-fit method)", () => {
  const policy: PolicyDocument = createMinimalPolicy();
  const assess = (input: Partial<AssessmentInput>) =>
    assessPolicy(policy, { school: maintained, facts: {}, selections: [], ...input });

  it("suggests the category ticked most in most areas, and explains it area by area", () => {
    const outcome = assess({
      selections: [
        { area: "leadership", descriptors: [{ category: "high", descriptor: "weak" }] },
        { area: "quality", descriptors: [{ category: "high", descriptor: "declining" }] },
      ],
    });
    expect(outcome.category).toBe("high");
    expect(outcome.dimensions.map((d) => [d.key, d.level, d.source])).toEqual([
      ["leadership", "high", "criteria"],
      ["quality", "high", "criteria"],
    ]);
    expect(outcome.explanation).toEqual([
      "Leadership and management: best fit High support (descriptors ticked: 1 High support).",
      "Quality of education: best fit High support (descriptors ticked: 1 High support).",
      "Overall best fit: High support, the best fit in 2 of 2 areas.",
    ]);
  });

  it("errs towards support on a tie", () => {
    const outcome = assess({
      selections: [
        { area: "leadership", descriptors: [{ category: "low", descriptor: "strong" }] },
        { area: "quality", descriptors: [{ category: "high", descriptor: "declining" }] },
      ],
    });
    expect(outcome.category).toBe("high");
  });

  it("raises the suggestion when a trigger on the school's data points higher", () => {
    const outcome = assess({
      selections: [
        { area: "leadership", descriptors: [{ category: "low", descriptor: "strong" }] },
        { area: "quality", descriptors: [{ category: "low", descriptor: "good-teaching" }] },
      ],
      facts: toFacts({ "ofsted.overallEffectiveness": "inadequate" }),
    });
    expect(outcome.category).toBe("high");
    expect(outcome.triggers.map((t) => t.key)).toEqual(["inadequate"]);
    expect(outcome.explanation).toContain(
      'The suggestion rises from Low support to High support because of "Judged inadequate by Ofsted".',
    );
  });

  it("suggests nothing when nothing is ticked and no trigger fires", () => {
    const outcome = assess({ facts: toFacts({ "ofsted.overallEffectiveness": "no-overall-grade" }) });
    expect(outcome.category).toBeUndefined();
    expect(outcome.dimensions.map((d) => d.why)).toEqual(["no descriptors ticked", "no descriptors ticked"]);
    expect(outcome.explanation.at(-1)).toBe("Nothing suggests a category yet: tick the descriptors that apply.");
  });
});

/**
 * A made-up authority that assesses on three axes: a standards group worked
 * out from persistent absence, the leaders' capacity judged by an officer, the
 * finance rating as entered; a decision table gives the category.
 */
function createAxesPolicy(): PolicyDocument {
  const policy = createMinimalPolicy();
  const [low] = policy.categories;
  if (!low) throw new Error("The minimal policy has categories.");
  policy.categories.splice(1, 0, {
    ...low,
    key: "medium",
    label: "Medium support",
    description: "Some concerns.",
    severity: 1,
    colour: "yellow",
  });
  policy.assessment.dimensions = [
    {
      key: "standards",
      label: "Standards group",
      levels: [1, 2, 3].map((n) => ({ key: `g${n}`, label: String(n) })),
      valuedBy: {
        kind: "rule",
        rules: [
          { level: "g3", when: { ">=": [{ var: "indicators.persistent-absence" }, 20] } },
          { level: "g2", when: { ">=": [{ var: "indicators.persistent-absence" }, 10] } },
        ],
        otherwise: "g1",
      },
    },
    {
      key: "capacity",
      label: "Capacity",
      levels: ["a", "b", "c"].map((key) => ({ key, label: key.toUpperCase() })),
      valuedBy: { kind: "officer", rationaleRequired: true, roles: ["adviser", "senior-officer"] },
    },
    {
      key: "finance",
      label: "Finance",
      levels: ["green", "amber", "red"].map((key) => ({ key, label: key[0]?.toUpperCase() + key.slice(1) })),
      valuedBy: { kind: "indicator", indicator: "finance-rag" },
    },
  ];
  policy.assessment.derivation = {
    kind: "table",
    rows: [
      { when: { standards: "g3", capacity: "c" }, category: "high" },
      { when: { standards: "g3", capacity: ["a", "b"] }, category: "medium" },
      { when: { standards: ["g1", "g2"] }, category: "low" },
    ],
    otherwise: "medium",
  };
  policy.triggers = [];
  return policy;
}

const capacity = (level: string, rationale?: string): OfficerChoice => ({
  dimension: "capacity",
  level,
  ...(rationale ? { rationale } : {}),
});

describe("valuing dimensions", () => {
  const policy = createAxesPolicy();
  const assess = (input: Partial<AssessmentInput>, on = policy) =>
    assessPolicy(on, { school: maintained, facts: {}, selections: [], roles: ["adviser"], ...input });
  const valueOf = (outcome: ReturnType<typeof assess>, key: string) => outcome.dimensions.find((d) => d.key === key);

  it("takes a rule dimension's level from the first rule that holds, else its otherwise level, else none", () => {
    const at = (absence: number) => assess({ facts: toFacts({ "indicators.persistent-absence": absence }) });
    expect(valueOf(at(25), "standards")).toEqual({
      key: "standards",
      label: "Standards group",
      level: "g3",
      levelLabel: "3",
      source: "rule",
      why: "from data: rule 1 holds",
    });
    expect(valueOf(at(12), "standards")).toMatchObject({ level: "g2", why: "from data: rule 2 holds" });
    expect(valueOf(at(2), "standards")).toMatchObject({
      level: "g1",
      why: "from data: no rule holds, so the otherwise level",
    });
    const noOtherwise = createAxesPolicy();
    const [standards] = noOtherwise.assessment.dimensions;
    if (standards?.valuedBy.kind === "rule") delete standards.valuedBy.otherwise;
    const none = valueOf(assess({ facts: toFacts({ "indicators.persistent-absence": 2 }) }, noOtherwise), "standards");
    expect(none).toEqual({
      key: "standards",
      label: "Standards group",
      source: "rule",
      why: "from data: no rule holds",
    });
  });

  it("takes an officer dimension's level from the officer's choice, with the rationale", () => {
    const outcome = assess({ choices: [capacity("b", "  New head, governors strong  ")] });
    expect(valueOf(outcome, "capacity")).toEqual({
      key: "capacity",
      label: "Capacity",
      level: "b",
      levelLabel: "B",
      source: "officer",
      rationale: "New head, governors strong",
      why: "officer judgement: 'New head, governors strong'",
    });
    expect(valueOf(assess({}), "capacity")).toMatchObject({ why: "not chosen" });
    expect(valueOf(assess({}), "capacity")?.level).toBeUndefined();
  });

  it("takes an indicator dimension's level from the school's current value, when it is one of the levels", () => {
    const outcome = assess({
      facts: toFacts({ "indicators.finance-rag": "amber" }),
      asAt: (key) => (key === "finance-rag" ? "2025-07-31" : undefined),
    });
    expect(valueOf(outcome, "finance")).toMatchObject({
      level: "amber",
      levelLabel: "Amber",
      source: "indicator",
      why: "from data: Finance rating as at 2025-07-31",
    });
    expect(valueOf(assess({ facts: toFacts({ "indicators.finance-rag": "purple" }) }), "finance")).toEqual({
      key: "finance",
      label: "Finance",
      source: "indicator",
      why: 'from data: Finance rating is "purple", not one of its levels',
    });
    expect(valueOf(assess({}), "finance")?.why).toBe("from data: no current value of Finance rating");
  });

  it("values only the dimensions that apply to the school", () => {
    const academiesOnly = createAxesPolicy();
    for (const dimension of academiesOnly.assessment.dimensions.slice(1))
      dimension.applicability = { governance: ["academy"] };
    expect(assess({}, academiesOnly).dimensions.map((d) => d.key)).toEqual(["standards"]);
    expect(catchError(() => assess({ choices: [capacity("a", "x")] }, academiesOnly))).toMatchObject({
      code: "not-applicable",
      pointer: "/choices/0/dimension",
      message: "Capacity does not apply to this school.",
    });
  });
});

function catchError(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe("refusing an officer's choice", () => {
  const policy = createAxesPolicy();
  const refusal = (choices: OfficerChoice[], roles = ["adviser"]) =>
    catchError(() => assessPolicy(policy, { school: maintained, facts: {}, selections: [], choices, roles }));

  it("refuses a level the dimension does not have", () => {
    expect(refusal([capacity("d", "Because")])).toMatchObject({
      code: "invalid",
      pointer: "/choices/0/level",
      message: '"d" is not a level of Capacity: choose one of A, B, C.',
    });
  });

  it("refuses a dimension that is not an officer's to choose, or not in the policy", () => {
    expect(refusal([capacity("a", "x"), { dimension: "standards", level: "g1" }])).toMatchObject({
      code: "invalid",
      pointer: "/choices/1/dimension",
      message: "Standards group is worked out by Steward, not chosen by an officer.",
    });
    expect(refusal([{ dimension: "nonesuch", level: "a" }])).toMatchObject({
      pointer: "/choices/0/dimension",
      message: 'There is no dimension "nonesuch" in this policy.',
    });
    expect(refusal([capacity("a", "x"), capacity("b", "y")])?.pointer).toBe("/choices/1/dimension");
  });

  it("refuses a choice with no rationale when the policy asks for one", () => {
    expect(refusal([capacity("a", "   ")])).toMatchObject({
      code: "invalid",
      pointer: "/choices/0/rationale",
      message: "Say why you chose this level of Capacity.",
    });
  });

  it("refuses a choice by a role the dimension is not for", () => {
    expect(refusal([capacity("a", "x")], ["headteacher"])).toMatchObject({
      code: "forbidden",
      pointer: "/choices/0/dimension",
      message: "Your roles may not choose Capacity: only Adviser or Senior officer may.",
    });
  });
});

describe("a decision table", () => {
  const policy = createAxesPolicy();
  const assess = (absence: number, choices: OfficerChoice[] = [], on = policy) =>
    assessPolicy(on, {
      school: maintained,
      facts: toFacts({ "indicators.persistent-absence": absence, "indicators.finance-rag": "green" }),
      selections: [],
      choices,
      roles: ["adviser"],
    });

  it("gives the first row's category whose every dimension has one of its levels, not the more severe value", () => {
    // Standards is at its worst level and capacity at its best: the table says medium, not high.
    const outcome = assess(25, [capacity("a", "Strong leaders")]);
    expect(outcome.category).toBe("medium");
    expect(outcome.explanation).toEqual([
      "Standards group 3 (from data: rule 1 holds), Capacity A (officer judgement: 'Strong leaders') and Finance Green (from data: Finance rating) give Medium support by the table (row 2).",
    ]);
    expect(assess(25, [capacity("c", "Leaders stretched")]).category).toBe("high");
    expect(assess(12, [capacity("c", "Leaders stretched")]).category).toBe("low");
  });

  it("does not match a row naming a dimension with no value, and falls to the otherwise category", () => {
    const outcome = assess(25);
    expect(outcome.category).toBe("medium");
    expect(outcome.explanation).toEqual([
      "Capacity: no value (not chosen).",
      "No row of the table matches Standards group 3 (from data: rule 1 holds) and Finance Green (from data: Finance rating): Medium support otherwise.",
    ]);
    const noOtherwise = createAxesPolicy();
    if (noOtherwise.assessment.derivation.kind === "table") delete noOtherwise.assessment.derivation.otherwise;
    const none = assess(25, [], noOtherwise);
    expect(none.category).toBeUndefined();
    expect(none.explanation.at(-1)).toBe("Nothing suggests a category yet: give the dimensions their values.");
  });

  it("skips a row whose category does not apply to the school", () => {
    const forAcademies = createAxesPolicy();
    const high = forAcademies.categories.find((c) => c.key === "high");
    if (high) high.applicability = { governance: ["academy"] };
    if (forAcademies.assessment.derivation.kind === "table")
      forAcademies.assessment.derivation.rows.splice(1, 0, { when: { standards: "g3" }, category: "low" });
    expect(assess(25, [capacity("c", "Leaders stretched")], forAcademies).category).toBe("low");
  });
});

describe("derivation rules", () => {
  const policy = createAxesPolicy();
  policy.assessment.derivation = {
    kind: "rules",
    rules: [
      { when: { "==": [{ var: "dimensions.finance" }, "red"] }, category: "high" },
      {
        when: { ">=": [{ "+": [{ var: "dimensionRanks.standards" }, { var: "dimensionRanks.capacity" }] }, 3] },
        category: "high",
      },
      { when: { ">=": [{ var: "dimensionRanks.standards" }, 1] }, category: "medium" },
    ],
    otherwise: "low",
  };
  const assess = (absence: number, finance: string, choices: OfficerChoice[] = []) =>
    assessPolicy(policy, {
      school: maintained,
      facts: toFacts({ "indicators.persistent-absence": absence, "indicators.finance-rag": finance }),
      selections: [],
      choices,
      roles: ["senior-officer"],
    });

  it("gives the first rule's category that holds over the dimensions' levels and ranks", () => {
    expect(assess(2, "red").category).toBe("high");
    const byRanks = assess(25, "green", [capacity("b", "Some capacity")]);
    expect(byRanks.category).toBe("high");
    expect(byRanks.explanation.at(-1)).toBe(
      "Standards group 3 (from data: rule 1 holds), Capacity B (officer judgement: 'Some capacity') and Finance Green (from data: Finance rating) give High support by rule 2.",
    );
    expect(assess(12, "green", [capacity("a", "Strong")]).category).toBe("medium");
    const otherwise = assess(2, "green", [capacity("a", "Strong")]);
    expect(otherwise.category).toBe("low");
    expect(otherwise.explanation.at(-1)).toMatch(/^No rule matches .*: Low support otherwise\.$/);
  });
});

describe("a trigger's effect on the category", () => {
  const withTrigger = (categoryEffect: "raise" | "lower" | "set", category: string) => {
    const policy = createAxesPolicy();
    policy.triggers = [
      {
        key: "federation",
        label: "In a strong federation",
        when: { "==": [{ var: "school.federated" }, true] },
        suggests: { category, categoryEffect },
      },
    ];
    return (absence: number) =>
      assessPolicy(policy, {
        school: maintained,
        facts: toFacts({ "indicators.persistent-absence": absence, "school.federated": true }),
        selections: [],
        choices: [capacity("c", "Leaders stretched")],
        roles: ["adviser"],
      });
  };

  it("lowers the suggestion only to a less severe category", () => {
    const lower = withTrigger("lower", "medium");
    const outcome = lower(25);
    expect(outcome.category).toBe("medium");
    expect(outcome.explanation.slice(-2)).toEqual([
      'Trigger "In a strong federation" applies: suggests category Medium support.',
      'The suggestion falls from High support to Medium support because of "In a strong federation".',
    ]);
    expect(lower(2).category).toBe("low");
  });

  it("sets the suggestion whatever its severity", () => {
    const set = withTrigger("set", "medium");
    expect(set(25).category).toBe("medium");
    const outcome = set(2);
    expect(outcome.category).toBe("medium");
    expect(outcome.explanation.at(-1)).toBe(
      'The suggestion changes from Low support to Medium support because of "In a strong federation".',
    );
  });

  it("raises the suggestion only to a more severe category", () => {
    const raise = withTrigger("raise", "medium");
    expect(raise(25).category).toBe("high");
    expect(raise(2).category).toBe("medium");
  });
});
