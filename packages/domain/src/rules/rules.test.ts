import { describe, expect, it, vi } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { isApplicable, type SchoolProfile } from "./applicability.ts";
import { suggestCategory } from "./best-fit.ts";
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

describe("the best-fit suggestion", () => {
  const policy: PolicyDocument = createMinimalPolicy();

  it("suggests the category ticked most in most areas, and explains it area by area", () => {
    const suggestion = suggestCategory(
      policy,
      maintained,
      [
        { area: "leadership", descriptors: [{ category: "high", descriptor: "weak" }] },
        { area: "quality", descriptors: [{ category: "high", descriptor: "declining" }] },
      ],
      {},
    );
    expect(suggestion.category).toBe("high");
    expect(suggestion.byArea.map((a) => a.bestFit)).toEqual(["high", "high"]);
    expect(suggestion.explanation).toEqual([
      "Leadership and management: best fit High support (descriptors ticked: 1 High support).",
      "Quality of education: best fit High support (descriptors ticked: 1 High support).",
      "Overall best fit: High support, the best fit in 2 of 2 areas.",
    ]);
  });

  it("errs towards support on a tie", () => {
    const suggestion = suggestCategory(
      policy,
      maintained,
      [
        { area: "leadership", descriptors: [{ category: "low", descriptor: "strong" }] },
        { area: "quality", descriptors: [{ category: "high", descriptor: "declining" }] },
      ],
      {},
    );
    expect(suggestion.category).toBe("high");
  });

  it("raises the suggestion when a trigger on the school's data points higher", () => {
    const suggestion = suggestCategory(
      policy,
      maintained,
      [
        { area: "leadership", descriptors: [{ category: "low", descriptor: "strong" }] },
        { area: "quality", descriptors: [{ category: "low", descriptor: "good-teaching" }] },
      ],
      toFacts({ "ofsted.overallEffectiveness": "inadequate" }),
    );
    expect(suggestion.category).toBe("high");
    expect(suggestion.triggers.map((t) => t.key)).toEqual(["inadequate"]);
    expect(suggestion.explanation).toContain(
      'The suggestion rises from Low support to High support because of "Judged inadequate by Ofsted".',
    );
  });

  it("does not let a trigger fire on a school with no overall grade", () => {
    const suggestion = suggestCategory(
      policy,
      maintained,
      [],
      toFacts({ "ofsted.overallEffectiveness": "no-overall-grade" }),
    );
    expect(suggestion.category).toBeUndefined();
    expect(suggestion.explanation.at(-1)).toBe("Nothing suggests a category yet: tick the descriptors that apply.");
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
