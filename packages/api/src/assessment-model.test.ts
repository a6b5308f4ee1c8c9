// The assessment model through the API a browser calls, on a made-up authority whose categories come from a
// decision table over a standards group worked out from data (a rule over persistent absence) and the leaders'
// capacity judged by an officer: the assessment page reads the dimensions from `cases.policy`, records the officer's
// choice, and the case view shows every dimension's value; a choice the policy does not allow is refused with its
// pointer and writes nothing. (Westmarch walks the same model through the engine: domain/src/scenarios.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let officer: TestClient;
let caseId: string;
let urn: number;

/** Two axes and a table: standards 3 with capacity A is Medium, not the more severe High. */
function twoAxes(): PolicyDocument {
  const policy = createMinimalPolicy();
  const [low] = policy.categories;
  if (!low) throw new Error("The minimal policy has categories.");
  policy.categories.splice(1, 0, { ...low, key: "medium", label: "Medium support", severity: 1, colour: "yellow" });
  policy.criteria.push({ area: "leadership", category: "medium", descriptors: [{ key: "mixed", text: "Mixed." }] });
  const groups = [1, 2, 3].map((n) => ({ key: `group-${n}`, label: `Group ${n}` }));
  policy.assessment.dimensions = [
    {
      key: "standards",
      label: "Standards group",
      levels: groups,
      valuedBy: {
        kind: "rule",
        rules: [
          { level: "group-3", when: { ">=": [{ var: "indicators.persistent-absence" }, 15] } },
          { level: "group-2", when: { ">=": [{ var: "indicators.persistent-absence" }, 10] } },
        ],
        otherwise: "group-1",
      },
    },
    {
      key: "capacity",
      label: "Capacity to improve",
      levels: ["a", "b", "c"].map((key) => ({ key, label: key.toUpperCase() })),
      valuedBy: { kind: "officer", rationaleRequired: true },
    },
  ];
  policy.assessment.derivation = {
    kind: "table",
    rows: [
      { when: { standards: "group-3", capacity: "c" }, category: "high" },
      { when: { standards: "group-3" }, category: "medium" },
    ],
    otherwise: "low",
  };
  return policy;
}

beforeAll(async () => {
  database = await openTestDatabase();
  // The second tenant runs the two-axes policy in place of its own: provisioning takes any valid policy.
  world = await TestWorld.create(database, "dims", (key, policy) => (key === "lincolnshire" ? twoAxes() : policy));
  const [maintained] = world.tenants.lincolnshire.schools;
  if (!maintained) throw new Error("The world has schools.");
  urn = maintained.urn;
  officer = await world.as("lincolnshire", "senior-officer");
  await world.at("2025-10-06T09:00:00Z", officer);
  caseId = (await officer.api.cases.open({ urn })).caseId;
  // 17% of pupils persistently absent: standards group 3 (and under the 20% at which the policy's trigger fires).
  await officer.api.indicators.recordValue({ urn, indicator: "persistent-absence", value: 17, asAt: "2025-07-31" });
});
afterAll(async () => database?.close());

const rationale = "Leaders know the school well and governors challenge them.";

describe("the assessment model through the API", () => {
  it("tells the assessment page the dimensions that apply, their levels and how each is valued", async () => {
    const { assessment } = await officer.api.cases.policy({ caseId });
    expect(assessment.derivation).toBe("table");
    expect(assessment.dimensions.map((d) => [d.key, d.valuedBy, d.rationaleRequired, d.levels.length])).toEqual([
      ["standards", "rule", false, 3],
      ["capacity", "officer", true, 3],
    ]);
    expect(assessment.dimensions[1]?.levels[0]).toEqual({ key: "a", label: "A" });
  });

  it("records the officer's choice; the case view shows each dimension's value and the category the table gives", async () => {
    const { version } = await officer.api.cases.get({ caseId });
    await officer.api.assessments.record({
      caseId,
      expectedVersion: version,
      selections: [],
      choices: [{ dimension: "capacity", level: "a", rationale }],
    });
    const latest = (await officer.api.cases.get({ caseId })).assessments.at(-1);
    // Standards at its worst and capacity at its best: the table says Medium, not the more severe High.
    expect(latest?.suggested).toBe("medium");
    expect(latest?.dimensions).toEqual([
      {
        key: "standards",
        label: "Standards group",
        level: "group-3",
        levelLabel: "Group 3",
        source: "rule",
        why: "from data: rule 1 holds",
      },
      {
        key: "capacity",
        label: "Capacity to improve",
        level: "a",
        levelLabel: "A",
        source: "officer",
        rationale,
        why: `officer judgement: '${rationale}'`,
      },
    ]);
    expect(latest?.explanation).toEqual([
      `Standards group Group 3 (from data: rule 1 holds) and Capacity to improve A (officer judgement: '${rationale}') give Medium support by the table (row 2).`,
    ]);
  });

  it("refuses a level the dimension does not have, and a choice with no rationale, with their pointers", async () => {
    const before = (await officer.api.cases.get({ caseId })).assessments.length;
    await expect(
      officer.api.assessments.record({
        caseId,
        selections: [],
        choices: [{ dimension: "capacity", level: "e", rationale }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      stewardCode: "invalid",
      pointer: "/choices/0/level",
      message: '"e" is not a level of Capacity to improve: choose one of A, B, C.',
    });
    await expect(
      officer.api.assessments.record({ caseId, selections: [], choices: [{ dimension: "capacity", level: "a" }] }),
    ).rejects.toMatchObject({ stewardCode: "invalid", pointer: "/choices/0/rationale" });
    await expect(
      officer.api.assessments.record({
        caseId,
        selections: [],
        choices: [{ dimension: "standards", level: "group-1" }],
      }),
    ).rejects.toMatchObject({ stewardCode: "invalid", pointer: "/choices/0/dimension" });
    expect((await officer.api.cases.get({ caseId })).assessments).toHaveLength(before);
  });

  it("shows a school's staff no dimensions", async () => {
    const head = await world.as("lincolnshire", "headteacher");
    const { assessment } = await head.api.cases.policy({ caseId });
    expect(assessment.dimensions).toEqual([]);
  });
});
