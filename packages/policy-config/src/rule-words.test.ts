import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import { listRuleFacts } from "./rule-facts.ts";
import { ruleInWords } from "./rule-words.ts";

const when = (policy: typeof cambridgeshire | typeof lincolnshire, key: string) => {
  const trigger = policy.triggers.find((t) => t.key === key);
  if (!trigger) throw new Error(`No trigger ${key}`);
  return ruleInWords(trigger.when, listRuleFacts(policy));
};

describe("ruleInWords over Cambridgeshire's triggers", () => {
  it("names facts and values by their labels, joining conditions with and", () => {
    expect(when(cambridgeshire, "high-support-support-and-intervention-plan")).toBe(
      "The case's category is High level of support offered and the school's governance is Maintained",
    );
  });

  it("reads a list of values as one of them, and yes-or-no facts as yes or no", () => {
    expect(when(cambridgeshire, "ofsted-special-measures-or-serious-weaknesses")).toBe(
      "Ofsted category of concern is Special measures or Serious weaknesses or Ofsted overall effectiveness is Inadequate",
    );
    expect(when(cambridgeshire, "concerns-remain-after-warning-notice")).toBe(
      "The Warning Notice deadline has passed: yes and the Warning Notice has been complied with: no",
    );
  });

  it("brackets a group inside another", () => {
    expect(when(cambridgeshire, "wn-governors-not-challenging")).toBe(
      "Governance is effective: no and (the case's category is High level of support offered or Significant Concerns letter is in force: yes)",
    );
  });

  it("reads a count of conditions that hold, which the builder cannot show", () => {
    expect(when(cambridgeshire, "scl-combination-of-concerns")).toMatch(
      /^The number of these that hold \(Parental complaints to the LA this school year is more than 0; Attendance below the national average: yes; .*\) is at least 2$/,
    );
  });
});

describe("ruleInWords over Lincolnshire's triggers", () => {
  it("reads a negated list as is not", () => {
    expect(when(lincolnshire, "taking-effective-action-on-minor-concerns")).toContain(
      "Ofsted overall effectiveness is not Requires improvement or Inadequate",
    );
  });

  it("reads Ofsted's grade and the school's governance", () => {
    expect(when(lincolnshire, "requires-improvement-ofsted-inspection")).toBe(
      "Ofsted overall effectiveness is Requires improvement",
    );
    expect(when(lincolnshire, "intervention-funding")).toMatch(
      /^The case's category is .+ and the school's governance is Maintained$/,
    );
  });

  it("words every trigger without falling back to a fact's raw name", () => {
    const facts = listRuleFacts(lincolnshire);
    for (const trigger of lincolnshire.triggers)
      expect(ruleInWords(trigger.when, facts)).not.toMatch(/indicators\.|ofsted\./);
  });
});

describe("ruleInWords on what no policy names", () => {
  it("reads an unknown fact by its name and a date comparison in words", () => {
    const facts = listRuleFacts(cambridgeshire);
    expect(ruleInWords({ "<": [{ var: "ofsted.inspectionDate" }, "2020-09-01"] }, facts)).toBe(
      "Date of the latest Ofsted inspection is before 2020-09-01",
    );
    expect(ruleInWords({ "==": [{ var: "mystery.fact" }, "x"] }, facts)).toBe('Mystery.fact is "x"');
  });
});
