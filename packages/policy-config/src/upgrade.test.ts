import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";
import { FORMAT_VERSION } from "./schema/policy.ts";
import { upgradePolicy, type FormatUpgrade } from "./upgrade.ts";
import v1LetterDeadlines from "./upgrades/golden/v1-letter-deadlines.json" with { type: "json" };
import v1NoDeadlines from "./upgrades/golden/v1-no-deadlines.json" with { type: "json" };
import v2LetterDeadlines from "./upgrades/golden/v2-letter-deadlines.json" with { type: "json" };
import v2NoDeadlines from "./upgrades/golden/v2-no-deadlines.json" with { type: "json" };
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
  const pairs = [
    ["letter-deadlines", v1LetterDeadlines, v2LetterDeadlines],
    ["no-deadlines", v1NoDeadlines, v2NoDeadlines],
  ] as const;

  it("has golden pairs to check", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(2);
  });

  it.each(pairs)(
    "upgrades %s from format 1 to exactly the expected format 2 document, which is valid",
    (_name, v1, v2) => {
      const { document } = upgradePolicy(v1);
      expect(document).toEqual(v2);
      expect(validatePolicy(document).problems).toEqual([]);
    },
  );

  it("keeps a format 1 deadline on the same date: days become calendar days", () => {
    const { document } = upgradePolicy(pairs[0][1]);
    const letter = (document.letterTypes as { deadline: unknown; reviewAfter: unknown }[])[0]!;
    expect(letter.deadline).toEqual({
      kind: "compliance",
      within: { amount: 21, unit: "calendar-days" },
      label: "Comply within 21 days",
    });
    expect(letter.reviewAfter).toEqual({ amount: 42, unit: "calendar-days" });
  });
});
