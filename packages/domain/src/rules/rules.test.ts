import { describe, expect, it, vi } from "vitest";

import { isApplicable, type SchoolProfile } from "./applicability.ts";
import { evaluateRule, toFacts } from "./evaluate.ts";

const maintained: SchoolProfile = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" };
const academy: SchoolProfile = { ...maintained, governance: "academy" };

describe("rules", () => {
  it("read nested facts by dotted path, including hyphenated keys", () => {
    const facts = toFacts({
      "ofsted.overallEffectiveness": "inadequate",
      "measures.strategy-meeting-strong-progress-in-a-row": 2,
    });
    expect(evaluateRule({ "==": [{ var: "ofsted.overallEffectiveness" }, "inadequate"] }, facts)).toBe(true);
    expect(evaluateRule({ ">=": [{ var: "measures.strategy-meeting-strong-progress-in-a-row" }, 2] }, facts)).toBe(
      true,
    );
  });

  it("treat a missing fact as no match, not an error", () => {
    expect(evaluateRule({ "==": [{ var: "ofsted.overallEffectiveness" }, "inadequate"] }, {})).toBe(false);
    expect(evaluateRule({ ">=": [{ var: "indicators.absence-rate" }, 10] }, {})).toBe(false);
  });

  it("apply parts of the policy only to the schools they are for", () => {
    expect(isApplicable(undefined, academy)).toBe(true);
    expect(isApplicable({ governance: ["maintained"] }, academy)).toBe(false);
    expect(isApplicable({ governance: ["maintained"], phases: ["primary"] }, maintained)).toBe(true);
    expect(isApplicable({ phases: ["secondary"] }, maintained)).toBe(false);
  });
});

describe("the log operator", () => {
  it("never runs: a rule that logs does not hold, and writes nothing to the console", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      expect(evaluateRule({ log: true }, {})).toBe(false);
      expect(evaluateRule({ and: [true, { log: { var: "case.stage" } }] }, toFacts({ "case.stage": "secret" }))).toBe(
        false,
      );
      expect(evaluateRule({ "==": [{ var: ["case.stage", { log: "x" }] }, "x"] }, {})).toBe(false);
      expect(log).not.toHaveBeenCalled();
      // The same rules without log still hold.
      expect(
        evaluateRule({ and: [true, { "==": [{ var: "case.stage" }, "secret"] }] }, toFacts({ "case.stage": "secret" })),
      ).toBe(true);
    } finally {
      log.mockRestore();
    }
  });
});
