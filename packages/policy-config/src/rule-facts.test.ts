import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import { parsePolicyDocument } from "./parse.ts";
import { FACT_LABELS, listRuleFacts } from "./rule-facts.ts";
import { createReporter } from "./validation/sections/context.ts";
import { collectData, collectKeys } from "./validation/sections/keys.ts";
import { checkRule } from "./validation/sections/rules.ts";
import { FACTS } from "./vocabulary.ts";

describe("listRuleFacts", () => {
  it("labels every built-in fact", () => {
    expect(Object.keys(FACTS).filter((name) => !FACT_LABELS[name])).toEqual([]);
  });

  it("offers the policy's letter types, indicators and measures with their labels, types and values", () => {
    const facts = listRuleFacts(cambridgeshire);
    expect(facts.find((f) => f.name === "letters.warning-notice.inForce")).toMatchObject({
      label: "Warning Notice is in force",
      group: "Letters and notices",
      type: "boolean",
    });
    expect(facts.find((f) => f.name === "case.category")?.values?.map((v) => v.value)).toEqual(
      cambridgeshire.categories.map((c) => c.key),
    );
    const trend = facts.find((f) => f.name === "indicators.attainment-trend");
    expect(trend).toMatchObject({ group: "Indicators", type: "string" });
    expect(trend?.values?.map((v) => v.value)).toContain("declining");
    expect(facts.find((f) => f.name === "measures.parental-complaints-this-year")?.type).toBe("number");
  });

  it("offers only what the validator lets a trigger read", () => {
    const policy = parsePolicyDocument(structuredClone(cambridgeshire));
    const { report, result } = createReporter(policy, 1000);
    const ctx = { report, keys: collectKeys(policy, report), data: collectData(policy) };
    for (const fact of listRuleFacts(cambridgeshire)) {
      const value = fact.values?.[0]?.value ?? (fact.type === "number" ? 1 : fact.type === "boolean" ? true : "x");
      checkRule({ "==": [{ var: fact.name }, value] }, ["triggers", 0, "when"], ctx);
    }
    expect(result().problems).toEqual([]);
  });

  it("reads a draft mid-edit without failing", () => {
    expect(listRuleFacts({ letterTypes: [{ label: "no key" }], indicators: "oops" }).length).toBeGreaterThan(10);
    expect(listRuleFacts(null).map((f) => f.group)).toContain("Ofsted");
  });
});
