// Format 4's checks: the assessment's dimensions and derivation, categories
// with no visits and severities among overlapping categories, a trigger's
// category effect, the school facts a rule may read, and what an unknown
// field is told. Each test breaks a valid policy in one place and asserts
// the pointer and the sentence a policy administrator reads.
import { describe, expect, it } from "vitest";

import westmarchDocument from "../../fixtures/westmarch/policy.json" with { type: "json" };
import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { setAt } from "../testing/break.ts";
import { validatePolicy, type Problem } from "./index.ts";

/** The minimal policy with a two-axis assessment: a standards group from data and an officer's capacity, by a table. */
function twoAxes(): PolicyDocument {
  const policy = createMinimalPolicy();
  policy.assessment.dimensions = [
    {
      key: "standards",
      label: "Standards group",
      levels: [
        { key: "group-1", label: "Group 1" },
        { key: "group-2", label: "Group 2" },
      ],
      valuedBy: {
        kind: "rule",
        rules: [{ level: "group-2", when: { ">=": [{ var: "indicators.persistent-absence" }, 20] } }],
        otherwise: "group-1",
      },
    },
    {
      key: "capacity",
      label: "Capacity to improve",
      levels: [
        { key: "a", label: "A" },
        { key: "b", label: "B" },
      ],
      valuedBy: { kind: "officer", rationaleRequired: true, roles: ["adviser"] },
    },
  ];
  policy.assessment.derivation = {
    kind: "table",
    rows: [
      { when: { standards: "group-1", capacity: "a" }, category: "low" },
      { when: { standards: ["group-1", "group-2"], capacity: "b" }, category: "high" },
    ],
    otherwise: "high",
  };
  return policy;
}

/** Westmarch, the made-up authority whose categories come from a decision table (a copy to break). */
function westmarch(): PolicyDocument {
  return structuredClone(westmarchDocument) as unknown as PolicyDocument;
}

function problemsAt(policy: unknown, pointer: string): Problem[] {
  return validatePolicy(policy).problems.filter((p) => p.pointer === pointer);
}

/** The one problem at `pointer`, its sentence matching `message`. */
function expectProblem(policy: unknown, pointer: string, message: RegExp, severity: Problem["severity"] = "error") {
  const result = validatePolicy(policy);
  const found = result.problems.filter((p) => p.pointer === pointer);
  expect(found, JSON.stringify(result.problems, null, 2)).toHaveLength(1);
  expect(found[0]?.message).toMatch(message);
  expect(found[0]?.severity).toBe(severity);
  if (severity === "error") expect(result.ok).toBe(false);
  return found[0];
}

describe("format 4: the assessment's dimensions", () => {
  it("accepts a two-axis assessment by a table, and the whole of Westmarch", () => {
    expect(validatePolicy(twoAxes()).problems).toEqual([]);
    expect(validatePolicy(westmarch()).problems).toEqual([]);
  });

  it("refuses two dimensions with one key, naming the first by its label", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/assessment/dimensions/1/key", "leadership");
    expectProblem(
      policy,
      "/assessment/dimensions/1/key",
      /The key "leadership" is already used by dimension "Leadership and management"/,
    );
  });

  it("refuses a criteria dimension naming an area the policy lacks", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/assessment/dimensions/0/valuedBy/area", "finance");
    expectProblem(
      policy,
      "/assessment/dimensions/0/valuedBy/area",
      /There is no judgement area "finance". Use one of: leadership, quality/,
    );
  });

  it("refuses levels on a criteria dimension (its levels are the categories)", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/assessment/dimensions/0/levels", [{ key: "weak", label: "Weak" }]);
    expectProblem(
      policy,
      "/assessment/dimensions/0/levels",
      /Leadership and management is a best fit against criteria, so its levels are the policy's categories: leave out levels/,
    );
  });

  it("accepts an officer dimension with no levels: its levels are the categories", () => {
    const policy = createMinimalPolicy();
    policy.assessment.dimensions = [
      { key: "risk-rating", label: "Risk rating", valuedBy: { kind: "officer", rationaleRequired: true } },
    ];
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it("refuses two levels of a dimension with one key", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/1/levels/1/key", "a");
    expectProblem(policy, "/assessment/dimensions/1/levels/1/key", /The key "a" is already used by level "A"/);
  });

  it("refuses a rule dimension's rule or otherwise giving a level the dimension lacks", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/0/valuedBy/rules/0/level", "group-5");
    setAt(policy, "/assessment/dimensions/0/valuedBy/otherwise", "green");
    expectProblem(
      policy,
      "/assessment/dimensions/0/valuedBy/rules/0/level",
      /"group-5" is not a level of Standards group. Its levels: group-1, group-2/,
    );
    expectProblem(policy, "/assessment/dimensions/0/valuedBy/otherwise", /"green" is not a level of Standards group/);
  });

  it("checks a rule dimension's rules like a trigger's: known facts, values of the right type", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/0/valuedBy/rules/0/when", {
      ">=": [{ var: "indicators.outcomes" }, 20],
    });
    expectProblem(
      policy,
      "/assessment/dimensions/0/valuedBy/rules/0/when/>=/0/var",
      /reads "indicators.outcomes", but the policy declares no indicator "outcomes"/,
    );
  });

  it("refuses an officer dimension's role that is not an LA role of the policy", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/1/valuedBy/roles", ["headteacher", "inspector"]);
    expectProblem(policy, "/assessment/dimensions/1/valuedBy/roles/0", /"headteacher" is a school role/);
    expectProblem(policy, "/assessment/dimensions/1/valuedBy/roles/1", /There is no role "inspector"/);
  });

  it("refuses an indicator dimension reading an indicator that is not a choice", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/0/valuedBy", { kind: "indicator", indicator: "persistent-absence" });
    expectProblem(
      policy,
      "/assessment/dimensions/0/valuedBy/indicator",
      /Indicator "persistent-absence" holds a number: a dimension reads a choice indicator whose values are its levels/,
    );
  });

  it("says which levels an indicator dimension's indicator lacks and which of its values are not levels", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/dimensions/0/valuedBy", { kind: "indicator", indicator: "finance-rag" });
    setAt(policy, "/assessment/dimensions/0/levels", [
      { key: "green", label: "Green" },
      { key: "amber", label: "Amber" },
      { key: "black", label: "Black" },
    ]);
    setAt(policy, "/assessment/derivation/rows/0/when/standards", "green");
    setAt(policy, "/assessment/derivation/rows/1/when/standards", ["amber", "black"]);
    expectProblem(
      policy,
      "/assessment/dimensions/0/valuedBy/indicator",
      /must be exactly the levels of Standards group \(green, amber, black\): levels with no value: black; values that are not levels: red\./,
    );
  });
});

describe("format 4: the derivation", () => {
  it("refuses a best fit across a dimension with its own levels, naming it and offering a table or rules", () => {
    const policy = twoAxes();
    policy.assessment.derivation = { kind: "best-fit" };
    const problems = problemsAt(policy, "/assessment/derivation/kind");
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/but Standards group \("standards"\) has its own levels: .*decision table .*or rules/),
      expect.stringMatching(/but Capacity to improve \("capacity"\) has its own levels/),
    ]);
  });

  it("refuses a table row naming a dimension the assessment lacks", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/derivation/rows/0/when/leadership", "a");
    expectProblem(
      policy,
      "/assessment/derivation/rows/0/when/leadership",
      /There is no dimension "leadership". Use one of: standards, capacity/,
    );
  });

  it("refuses a table row's level that is not a level of its dimension, at the level's place", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/derivation/rows/1/when/standards", ["group-1", "group-3"]);
    expectProblem(
      policy,
      "/assessment/derivation/rows/1/when/standards/1",
      /"group-3" is not a level of Standards group. Its levels: group-1, group-2/,
    );
  });

  it("refuses a table row or otherwise giving a category the policy lacks", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/derivation/rows/0/category", "green");
    setAt(policy, "/assessment/derivation/otherwise", "red");
    expectProblem(policy, "/assessment/derivation/rows/0/category", /There is no category "green"/);
    expectProblem(policy, "/assessment/derivation/otherwise", /There is no category "red"/);
  });

  it("warns when some combination of levels matches no row and there is no otherwise, with a count and an example", () => {
    const policy = westmarch();
    const derivation = policy.assessment.derivation;
    if (derivation.kind !== "table") throw new Error("Westmarch derives its categories by a table.");
    derivation.rows = derivation.rows.filter((row) => row.category !== "red");
    const problem = expectProblem(
      policy,
      "/assessment/derivation",
      /^5 combinations of levels match no row and there is no otherwise, for example \{"standards":"group-1","capacity":"d"\}/,
      "warning",
    );
    expect(problem?.code).toBe("derivation.coverage");
    derivation.otherwise = "red";
    expect(problemsAt(policy, "/assessment/derivation")).toEqual([]);
  });

  it("lets derivation rules read dimensions.<key> and dimensionRanks.<key>, checking levels against the dimension", () => {
    const policy = twoAxes();
    policy.assessment.derivation = {
      kind: "rules",
      rules: [
        {
          when: {
            or: [{ "==": [{ var: "dimensions.capacity" }, "b"] }, { ">=": [{ var: "dimensionRanks.standards" }, 1] }],
          },
          category: "high",
        },
      ],
      otherwise: "low",
    };
    expect(validatePolicy(policy).problems).toEqual([]);
    setAt(policy, "/assessment/derivation/rules/0/when/or/0/==/1", "c");
    expectProblem(
      policy,
      "/assessment/derivation/rules/0/when/or/0/==/1",
      /"c" is not a value "dimensions.capacity" takes. Its values: a, b/,
    );
    setAt(policy, "/assessment/derivation/rules/0/when/or/1/>=/0/var", "dimensionRanks.leadership");
    expectProblem(
      policy,
      "/assessment/derivation/rules/0/when/or/1/>=/0/var",
      /the assessment has no dimension "leadership". Dimensions: standards, capacity/,
    );
  });

  it("refuses dimensions.<key> read anywhere but the derivation's rules", () => {
    const policy = twoAxes();
    setAt(policy, "/triggers/0/when", { "==": [{ var: "dimensions.capacity" }, "b"] });
    expectProblem(
      policy,
      "/triggers/0/when/==/0/var",
      /only the rules of the assessment's derivation .* read the dimensions' values/,
    );
  });

  it("refuses a derivation rule giving a category the policy lacks", () => {
    const policy = twoAxes();
    policy.assessment.derivation = { kind: "rules", rules: [{ when: { "!!": [true] }, category: "amber" }] };
    expectProblem(policy, "/assessment/derivation/rules/0/category", /There is no category "amber"/);
  });

  it("keeps moderation's checks: its categories and roles", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/assessment/moderation/categories", ["red"]);
    expectProblem(policy, "/assessment/moderation/categories/0", /There is no category "red"/);
  });
});

describe("format 4: triggers and categories", () => {
  it("refuses a trigger's categoryEffect with no category to raise, lower or set", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/triggers/0/suggests", { categoryEffect: "set", letterType: "warning-notice" });
    expectProblem(
      policy,
      "/triggers/0/suggests/categoryEffect",
      /The trigger says to set the category but names none: add the category/,
    );
  });

  it("accepts a category with no visits", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/categories/0/cadence", []);
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it("lets categories for different schools share a severity", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/categories/0/applicability", { governance: ["maintained"] });
    setAt(policy, "/categories/1/applicability", { governance: ["academy", "free-school"] });
    setAt(policy, "/categories/1/severity", 0);
    expect(validatePolicy(policy).problems).toEqual([]);
  });

  it("refuses one severity for two categories that can apply to the same school, naming both", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/categories/0/applicability", { governance: ["maintained", "academy"] });
    setAt(policy, "/categories/1/applicability", { phases: ["primary"] });
    setAt(policy, "/categories/1/severity", 0);
    expectProblem(
      policy,
      "/categories/1/severity",
      /^High support and Low support both have severity 0 and can apply to the same school/,
    );
  });

  it("counts a table's rows and otherwise as ways to a category, and says when nothing leads to one", () => {
    const policy = twoAxes();
    setAt(policy, "/triggers", []);
    expect(problemsAt(policy, "/categories/1")).toEqual([]);
    setAt(policy, "/assessment/derivation/rows", [{ when: { standards: "group-1" }, category: "low" }]);
    setAt(policy, "/assessment/derivation/otherwise", "low");
    expectProblem(
      policy,
      "/categories/1",
      /Nothing leads to High support: give it a row of the assessment's decision table .*or a trigger that suggests it/,
    );
  });

  it("counts a trigger that suggests a category as a way to it, whatever its effect", () => {
    const policy = twoAxes();
    setAt(policy, "/assessment/derivation/rows", [{ when: { standards: "group-1" }, category: "low" }]);
    setAt(policy, "/assessment/derivation/otherwise", "low");
    setAt(policy, "/triggers/0/suggests/categoryEffect", "lower");
    expect(problemsAt(policy, "/categories/1")).toEqual([]);
  });
});

describe("format 4: the school facts a rule may read", () => {
  it("reads the school's district, diocese, religious character and trust as text", () => {
    const policy = createMinimalPolicy();
    setAt(policy, "/triggers/0/when", {
      and: [
        { "==": [{ var: "school.district" }, "Northfield"] },
        { "!!": [{ var: "school.diocese" }] },
        { "==": [{ var: "school.religiousCharacter" }, "Church of England"] },
        { "!": [{ var: "school.trust" }] },
      ],
    });
    expect(validatePolicy(policy).problems).toEqual([]);
    setAt(policy, "/triggers/0/when/and/0/==/1", 3);
    expectProblem(policy, "/triggers/0/when/and/0/==/1", /"school.district" is text: compare it with text, not 3/);
  });
});

describe("format 4: a field the format does not have", () => {
  it("takes a name close to a known field for a misspelling", () => {
    const policy: unknown = createMinimalPolicy();
    setAt(policy, "/categories/0/cadance", []);
    expectProblem(
      policy,
      "/categories/0/cadance",
      /^"cadance" is not a field here: check its spelling \(did you mean "cadence"\?\), or remove it\.$/,
    );
  });

  it("says what an object has when the name is close to nothing it knows", () => {
    const policy: unknown = createMinimalPolicy();
    setAt(policy, "/letterTypes/0/recipients/0/emailAddress", "chair@example.org");
    expectProblem(
      policy,
      "/letterTypes/0/recipients/0/emailAddress",
      /^"emailAddress" is not a field of a recipient\. A recipient has: role, label, copy, when\.$/,
    );
  });

  it.each([
    [
      "/categories/0/visits",
      /^"visits" is not a field of a category: a category's visits are its `cadence` \(empty for no visits\)\. A category has: key, label/,
    ],
    [
      "/letterTypes/0/cc",
      /^"cc" is not a field of a letter or notice type: copies are recipients with `copy: true` \(and `when` for a conditional copy\)\./,
    ],
    [
      "/assessment/method",
      /^"method" is not a field of an assessment: format 4 composes the assessment from `dimensions` and a `derivation`/,
    ],
    [
      "/escalation/stages/0/onEnter",
      /^"onEnter" is not a field of a stage: what entering a stage starts is its `followUps`\./,
    ],
    ["/escalation/stages/0/actions", /what entering a stage starts is its `followUps`/],
    ["/letterTypes/0/variables", /^"variables" is not a field of a letter or notice type: .*`parameters`/],
    ["/letterTypes/0/fields", /`parameters`/],
  ])("offers what the format has for %s", (pointer, message) => {
    const policy: unknown = createMinimalPolicy();
    setAt(policy, pointer, "x");
    expectProblem(policy, pointer, message);
  });

  it.each([
    ["/letterTypes/0/attachments", /^"attachments" is not a field of a letter or notice type: .*has no place for them/],
    [
      "/escalation/stages/1/followUps/0/every",
      /^"every" is not a field of a follow-up: .*the format has no repeating task/,
    ],
    ["/escalation/stages/1/followUps/0/when", /the format has no condition on one/],
  ])("says the format lacks what %s asks for", (pointer, message) => {
    const policy: unknown = westmarch();
    setAt(policy, pointer, "x");
    expectProblem(policy, pointer, message);
  });
});
