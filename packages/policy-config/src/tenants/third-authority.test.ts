// A made-up third authority with a different shape (four categories, six terms,
// a local pre-formal warning notice with a 15-day deadline, two stages) runs on
// the same code as the two real ones: it validates and diffs with no change.
import { describe, expect, it } from "vitest";

import revised from "../../fixtures/north-shire/policy-revised.json" with { type: "json" };
import northShire from "../../fixtures/north-shire/policy.json" with { type: "json" };
import { diffPolicies } from "../diff.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "../validation/index.ts";

const policy = northShire as unknown as PolicyDocument;

describe("a third authority of a different shape", () => {
  it("validates with no problems", () => {
    expect(validatePolicy(northShire).problems).toEqual([]);
    expect(validatePolicy(revised).problems).toEqual([]);
  });

  it("has the shape it was written with", () => {
    expect(policy.categories.map((c) => c.label)).toEqual([
      "Light touch",
      "Light touch +",
      "Support and challenge",
      "Support and challenge +",
    ]);
    expect(policy.calendar.model).toBe("six-term");
    expect(policy.calendar.years[0]!.terms.flatMap((t) => t.halfTerms)).toHaveLength(6);
    expect(policy.escalation.stages.map((s) => s.key)).toEqual(["universal", "formal-concern"]);
    const notice = policy.letterTypes.find((l) => /pre-formal warning notice/i.test(l.label));
    expect(notice?.deadline?.within).toEqual({ amount: 15, unit: "calendar-days" });
  });

  it("diffs a revision into exactly the changes made, in words", () => {
    const { entries, patch } = diffPolicies(northShire, revised);
    expect(entries.map((e) => e.message)).toEqual([
      "Category 'Light touch plus': label changed from 'Light touch +' to 'Light touch plus'",
      "Category 'Support and challenge': support item 'A place for a middle leader on the council's subject leadership programme' added",
      "Category 'Support and challenge +': visits changed from at least every three weeks to about every four weeks",
      "Trigger 'Attendance below the national average and declining' removed",
      "Letter 'Pre-formal warning notice': indicator 'Persistent absence is high and has risen for two years running.' added",
    ]);
    expect(patch.length).toBeGreaterThan(0);
  });
});
