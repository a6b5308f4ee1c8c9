import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { containing } from "./testing/matchers.ts";

let database: StewardDatabase;
let world: TestWorld;
let admin: TestClient;

const riAndMaintained = {
  and: [
    { "==": [{ var: "ofsted.overallEffectiveness" }, "requires-improvement"] },
    { "==": [{ var: "school.governance" }, "maintained"] },
  ],
};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "test-rule");
  admin = await world.as("cambridgeshire", "policy-administrator");
});
afterAll(async () => database?.close());

const cambridgeshire = () => world.tenants.cambridgeshire;

describe("policy.testRule", () => {
  it("says a rule holds for a school, each condition with the school's value", async () => {
    const [primary] = cambridgeshire().schools;
    const result = await admin.api.policy.testRule({
      versionId: cambridgeshire().policyVersionId,
      rule: riAndMaintained,
      urn: primary!.urn,
    });
    expect(result).toEqual({
      school: { urn: primary!.urn, name: primary!.name },
      holds: true,
      conditions: [
        {
          words: "Ofsted overall effectiveness is Requires improvement",
          fact: "ofsted.overallEffectiveness",
          value: '"requires-improvement"',
          shown: true,
          holds: true,
        },
        {
          words: "The school's governance is Maintained",
          fact: "school.governance",
          value: '"maintained"',
          shown: true,
          holds: true,
        },
      ],
      note: null,
    });
  });

  it("says which condition fails for a school it does not hold for", async () => {
    const academy = cambridgeshire().schools[2]!;
    const result = await admin.api.policy.testRule({
      versionId: cambridgeshire().policyVersionId,
      rule: riAndMaintained,
      urn: academy.urn,
    });
    expect(result.holds).toBe(false);
    expect(result.conditions.map((c) => [c.value, c.holds])).toEqual([
      ['"requires-improvement"', true],
      ['"academy"', false],
    ]);
  });

  it("does not tell a user who may not read the school's case what its case facts are", async () => {
    const [primary] = cambridgeshire().schools;
    const senior = await world.as("cambridgeshire", "la-senior-officer");
    await senior.api.cases.open({ urn: primary!.urn });
    const rule = { and: [riAndMaintained, { "==": [{ var: "case.stage" }, "monitoring"] }] };
    const input = { versionId: cambridgeshire().policyVersionId, rule, urn: primary!.urn };

    const forAdmin = await admin.api.policy.testRule(input);
    expect(forAdmin.holds).toBeNull();
    expect(forAdmin.note).toMatch(/do not let you read this school's case/);
    expect(forAdmin.conditions.at(-1)).toMatchObject({ fact: "case.stage", value: null, shown: false, holds: null });

    const forSenior = await senior.api.policy.testRule(input);
    expect(forSenior.note).toBeNull();
    expect(forSenior.conditions.at(-1)).toMatchObject({ fact: "case.stage", shown: true });
    expect(forSenior.conditions.at(-1)?.value).toMatch(/^"[a-z-]+"$/);
    expect(forSenior.holds).toBe(forSenior.conditions.at(-1)?.value === '"monitoring"');
  });

  it("does not find another authority's school", async () => {
    const lincolnshireAdmin = await world.as("lincolnshire", "policy-administrator");
    await expect(
      lincolnshireAdmin.api.policy.testRule({
        versionId: world.tenants.lincolnshire.policyVersionId,
        rule: riAndMaintained,
        urn: cambridgeshire().schools[0]!.urn,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: containing("school") });
  });

  it("refuses a user who may not read the policy, and a rule with an operator rules may not use", async () => {
    const head = await world.as("cambridgeshire", "headteacher");
    const input = {
      versionId: cambridgeshire().policyVersionId,
      rule: riAndMaintained,
      urn: cambridgeshire().schools[0]!.urn,
    };
    await expect(head.api.policy.testRule(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.policy.testRule({ ...input, rule: { log: ["x"] } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: containing("operator rules may not use"),
    });
  });
});
