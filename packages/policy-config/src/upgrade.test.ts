import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";
import { FORMAT_VERSION, type PolicyDocument } from "./schema/policy.ts";
import { FORMAT_UPGRADES, upgradePolicy, type FormatUpgrade } from "./upgrade.ts";
import v1LetterDeadlines from "./upgrades/golden/v1-letter-deadlines.json" with { type: "json" };
import v1NoDeadlines from "./upgrades/golden/v1-no-deadlines.json" with { type: "json" };
import v2LetterDeadlines from "./upgrades/golden/v2-letter-deadlines.json" with { type: "json" };
import v2NoDeadlines from "./upgrades/golden/v2-no-deadlines.json" with { type: "json" };
import v2RetiredFacts from "./upgrades/golden/v2-retired-facts.json" with { type: "json" };
import v3LetterDeadlines from "./upgrades/golden/v3-letter-deadlines.json" with { type: "json" };
import v3NoDeadlines from "./upgrades/golden/v3-no-deadlines.json" with { type: "json" };
import v3RetiredFacts from "./upgrades/golden/v3-retired-facts.json" with { type: "json" };
import v3RiskRating from "./upgrades/golden/v3-risk-rating.json" with { type: "json" };
import v4LetterDeadlines from "./upgrades/golden/v4-letter-deadlines.json" with { type: "json" };
import v4NoDeadlines from "./upgrades/golden/v4-no-deadlines.json" with { type: "json" };
import v4RetiredFacts from "./upgrades/golden/v4-retired-facts.json" with { type: "json" };
import v4RiskRating from "./upgrades/golden/v4-risk-rating.json" with { type: "json" };
import { validatePolicy } from "./validation/index.ts";

describe("upgradePolicy: the mechanism", () => {
  // A chain of three imaginary formats, to exercise the mechanism itself.
  const upgrades: Record<number, FormatUpgrade> = {
    1: ({ name, ...rest }) => ({ ...rest, title: name }),
    2: ({ title, ...rest }) => ({ ...rest, title: String(title).toUpperCase() }),
  };

  it("applies every upgrade in order, from the document's format to the current", () => {
    const v1 = { formatVersion: 1, name: "plan" };
    expect(upgradePolicy(v1, upgrades, 3)).toEqual({ document: { formatVersion: 3, title: "PLAN" }, from: 1, to: 3 });
    expect(upgradePolicy({ formatVersion: 2, title: "plan" }, upgrades, 3).document).toEqual({
      formatVersion: 3,
      title: "PLAN",
    });
    expect(v1).toEqual({ formatVersion: 1, name: "plan" });
  });

  it("returns a current document unchanged", () => {
    const policy = createMinimalPolicy();
    const { document, from, to } = upgradePolicy(policy);
    expect(document).toEqual(policy);
    expect(document).not.toBe(policy);
    expect([from, to]).toEqual([FORMAT_VERSION, FORMAT_VERSION]);
  });

  it("refuses a document from a newer Steward", () => {
    expect(() => upgradePolicy({ formatVersion: 4 }, upgrades, 3)).toThrow(
      "The document is in format 4, newer than this Steward reads (up to 3): upgrade Steward first.",
    );
  });

  it("refuses a document with no format, or a gap in the chain", () => {
    expect(() => upgradePolicy({ name: "plan" }, upgrades, 3)).toThrow(/has no "formatVersion"/);
    expect(() => upgradePolicy("plan", upgrades, 3)).toThrow("A policy document is a JSON object.");
    expect(() => upgradePolicy({ formatVersion: 1 }, { 2: upgrades[2]! }, 3)).toThrow(
      "There is no upgrade from format 1 to 2.",
    );
  });
});

describe("the format upgrades, on golden documents", () => {
  const toV2 = [
    ["letter-deadlines", v1LetterDeadlines, v2LetterDeadlines],
    ["no-deadlines", v1NoDeadlines, v2NoDeadlines],
  ] as const;
  const toV3 = [
    ["letter-deadlines", v2LetterDeadlines, v3LetterDeadlines],
    ["no-deadlines", v2NoDeadlines, v3NoDeadlines],
    ["retired-facts", v2RetiredFacts, v3RetiredFacts],
  ] as const;

  const toV4 = [
    ["letter-deadlines", v3LetterDeadlines, v4LetterDeadlines],
    ["no-deadlines", v3NoDeadlines, v4NoDeadlines],
    ["retired-facts", v3RetiredFacts, v4RetiredFacts],
    // A risk rating: one dimension, the officer's choice among the categories, with no reason asked, as format 3.
    ["risk-rating", v3RiskRating, v4RiskRating],
  ] as const;

  it.each(toV2)("upgrades %s from format 1 to exactly the expected format 2 document", (_name, v1, v2) => {
    expect(upgradePolicy(v1, FORMAT_UPGRADES, 2).document).toEqual(v2);
  });

  it.each(toV3)(
    "upgrades %s from format 2 to exactly the expected format 3 document, which is valid",
    (_name, v2, v3) => {
      const { document } = upgradePolicy(v2, FORMAT_UPGRADES, 3);
      expect(document).toEqual(v3);
    },
  );

  it.each(toV4)(
    "upgrades %s from format 3 to exactly the expected format 4 document, which is valid",
    (_name, v3, v4) => {
      const { document } = upgradePolicy(v3, FORMAT_UPGRADES, 4);
      expect(document).toEqual(v4);
      expect(validatePolicy(document).problems).toEqual([]);
    },
  );

  it("brings a format 1 document through every upgrade to a valid current one", () => {
    const { document, from, to } = upgradePolicy(v1NoDeadlines);
    expect([from, to]).toEqual([1, FORMAT_VERSION]);
    expect(document).toEqual(v4NoDeadlines);
  });

  it("keeps a format 1 deadline on the same date: days become calendar days", () => {
    const { document } = upgradePolicy(v1LetterDeadlines, FORMAT_UPGRADES, 2);
    const letter = (document.letterTypes as { deadline: unknown; reviewAfter: unknown }[])[0]!;
    expect(letter.deadline).toEqual({
      kind: "compliance",
      within: { amount: 21, unit: "calendar-days" },
      label: "Comply within 21 days",
    });
    expect(letter.reviewAfter).toEqual({ amount: 42, unit: "calendar-days" });
  });
});

describe("format 2 to 3: an authority's data becomes the policy's own", () => {
  const { document } = upgradePolicy(v2RetiredFacts, FORMAT_UPGRADES, 3);
  const policy = document as unknown as PolicyDocument;
  const whenOf = (key: string) =>
    JSON.stringify(
      [...policy.triggers, ...policy.escalation.transitions].find((item) => item.key === key)?.when ?? null,
    );

  it("declares an indicator for each retired fact a rule reads, and the rule reads it instead", () => {
    expect(whenOf("attendance")).toBe(
      JSON.stringify({
        and: [
          { var: "indicators.attendance-below-national" },
          { "==": [{ var: "indicators.attendance-trend" }, "declining"] },
        ],
      }),
    );
    expect(policy.indicators?.map((i) => i.key)).toEqual([
      "ofsted-risk-of-inadequate",
      "attendance-trend",
      "attendance-below-national",
      "attainment-compared-with-national",
      "complaints-parental-to-la",
    ]);
  });

  it("keeps a var's default, and types each indicator from the fact it replaces", () => {
    expect(whenOf("attainment")).toContain('{"var":["indicators.attainment-compared-with-national","above"]}');
    const attainment = policy.indicators?.find((i) => i.key === "attainment-compared-with-national");
    expect(attainment?.type).toEqual({
      kind: "choice",
      options: [
        { value: "above", label: "Above" },
        { value: "in-line", label: "In line" },
        { value: "below", label: "Below" },
        { value: "consistently-below", label: "Consistently below" },
      ],
    });
    expect(attainment?.from).toEqual([{ kind: "import" }, { kind: "entry" }]);
    const risk = policy.indicators?.find((i) => i.key === "ofsted-risk-of-inadequate");
    expect(risk).toEqual({
      key: "ofsted-risk-of-inadequate",
      label: "Officers judge a high risk of an inadequate or adverse grading in one or more areas",
      type: { kind: "boolean" },
      from: [{ kind: "entry" }],
      visibleToSchools: false,
    });
  });

  it("declares a measure of the same meaning for each retired count, and the rule reads it", () => {
    expect(whenOf("visit-concerns")).toBe(
      JSON.stringify({ ">=": [{ var: "measures.visits-core-visit-concerns-in-a-row" }, 2] }),
    );
    const measures = new Map(policy.measures?.map(({ key, label: _, description: __, ...rest }) => [key, rest]));
    expect(measures.get("meetings-review-group-held-in-stage")).toEqual({
      aggregate: "count",
      of: { kind: "meetings", meetingType: "review-group" },
      window: { kind: "stage" },
    });
    expect(measures.get("meetings-review-group-strong-progress-in-a-row")).toEqual({
      aggregate: "streak",
      of: { kind: "meetings", meetingType: "review-group" },
      streakWhile: { var: "strong" },
      window: { kind: "stage" },
    });
    expect(measures.get("meetings-review-group-concerns-in-a-row")).toEqual({
      aggregate: "streak",
      of: { kind: "meetings", meetingType: "review-group" },
      streakWhile: { "!": { var: "strong" } },
      window: { kind: "stage" },
    });
    expect(measures.get("visits-core-visit-concerns-in-a-row")).toEqual({
      aggregate: "streak",
      of: { kind: "visits", visitType: "core-visit" },
      where: { and: [{ "==": [{ var: "status" }, "completed"] }, { var: "reported" }] },
      streakWhile: { var: "concerns" },
      window: { kind: "all" },
    });
  });

  it("leaves built-in facts, and a document that reads no retired fact, as they were", () => {
    expect(whenOf("inadequate")).toBe(JSON.stringify({ "==": [{ var: "ofsted.overallEffectiveness" }, "inadequate"] }));
    const plain = {
      ...v2NoDeadlines,
      triggers: v2NoDeadlines.triggers,
      escalation: { ...v2NoDeadlines.escalation, transitions: [] },
    };
    const upgraded = upgradePolicy(plain, FORMAT_UPGRADES, 3).document;
    expect(upgraded).toEqual({ ...plain, formatVersion: 3 });
  });

  it("reuses an indicator the document already declares under the same key", () => {
    const declared = {
      key: "attendance-below-national",
      label: "Below national",
      type: { kind: "boolean" },
      from: [{ kind: "import" }],
      visibleToSchools: true,
    };
    const upgraded = upgradePolicy({ ...v2RetiredFacts, indicators: [declared] }, FORMAT_UPGRADES, 3)
      .document as unknown as PolicyDocument;
    expect(upgraded.indicators?.filter((i) => i.key === "attendance-below-national")).toEqual([declared]);
  });
});
