import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { evaluateRule, toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";
import { getCaseFacts } from "./facts.ts";

function openCase(trust?: string) {
  const h = new CaseHarness(createMinimalPolicy(), "2025-09-08T09:00:00Z");
  h.run("officer", [{ role: "senior-officer" }], {
    type: "open-case",
    school: { urn: 100001, name: "Test School", governance: "maintained", ...(trust ? { trust } : {}) },
  });
  return h;
}

describe("the school's attributes in the case's facts", () => {
  it("reads district, diocese and religious character from the school data, and the trust from the profile", () => {
    const h = openCase("Fenland Learning Trust");
    const given = toFacts({
      "school.district": "Northfield",
      "school.diocese": "Diocese of Westmarch",
      "school.religiousCharacter": "Church of England",
    });
    const facts = getCaseFacts(h.state, createMinimalPolicy(), "2026-01-15", given);
    expect(facts.school).toMatchObject({
      district: "Northfield",
      diocese: "Diocese of Westmarch",
      religiousCharacter: "Church of England",
      trust: "Fenland Learning Trust",
      governance: "maintained",
    });
    expect(evaluateRule({ "!!": [{ var: "school.diocese" }] }, facts)).toBe(true);
  });

  it("sets each to null when the school has none, so a rule reads no value rather than failing", () => {
    const facts = getCaseFacts(openCase().state, createMinimalPolicy(), "2026-01-15");
    expect(facts.school).toMatchObject({ district: null, diocese: null, religiousCharacter: null, trust: null });
    expect(evaluateRule({ "!!": [{ var: "school.diocese" }] }, facts)).toBe(false);
  });
});
