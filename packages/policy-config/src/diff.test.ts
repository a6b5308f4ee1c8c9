import { patch as applyPatch } from "jsondiffpatch/formatters/jsonpatch";
import { describe, expect, it } from "vitest";

import { describeCadence, diffPolicies } from "./diff.ts";
import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";

describe("diffPolicies", () => {
  it("finds nothing between identical versions", () => {
    expect(diffPolicies(createMinimalPolicy(), createMinimalPolicy())).toEqual({ entries: [], patch: [] });
  });

  it("says a cadence change in words", () => {
    const before = createMinimalPolicy();
    const after = createMinimalPolicy();
    after.categories[1]!.cadence[0] = {
      ...after.categories[1]!.cadence[0]!,
      frequency: { every: 4, unit: "week" },
      basis: "exact",
    };
    const { entries } = diffPolicies(before, after);
    expect(entries.map((e) => e.message)).toEqual([
      "Category 'High support': visits changed from at least monthly to every four weeks",
    ]);
    expect(entries[0]).toMatchObject({ kind: "changed", pointer: "/categories/1/cadence/0", section: "categories" });
  });

  it("names added and removed items by their labels", () => {
    const before = createMinimalPolicy();
    const after = createMinimalPolicy();
    after.letterTypes[0]!.indicators.push({ key: "safety", text: "The safety of pupils or staff is threatened" });
    after.roles = after.roles.filter((r) => r.key !== "senior-officer");
    after.areas.push({ key: "behaviour", label: "Behaviour and attitudes" });
    const messages = diffPolicies(before, after).entries.map((e) => e.message);
    expect(messages).toContain(
      "Letter 'Warning notice': indicator 'The safety of pupils or staff is threatened' added",
    );
    expect(messages).toContain("Role 'Senior officer' removed");
    expect(messages).toContain("Judgement area 'Behaviour and attitudes' added");
  });

  it("matches items by key, so a renamed category is a change, not a removal and an addition", () => {
    const before = createMinimalPolicy();
    const after = createMinimalPolicy();
    after.categories[0]!.label = "Light touch";
    const { entries } = diffPolicies(before, after);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).toBe("Category 'Light touch': label changed from 'Low support' to 'Light touch'");
  });

  it("reports a reordering as a move", () => {
    const before = createMinimalPolicy();
    const after = createMinimalPolicy();
    after.categories.reverse();
    expect(diffPolicies(before, after).entries.map((e) => e.kind)).toEqual(["moved"]);
  });

  it("gives an RFC 6902 patch that turns the old version into the new", () => {
    const before = createMinimalPolicy();
    const after = createMinimalPolicy();
    after.categories[0]!.support.push("Termly briefings");
    after.triggers = [];
    after.escalation.stages[1]!.colour = "orange";
    const { patch } = diffPolicies(before, after);
    for (const op of patch) expect(["add", "remove", "replace", "move", "copy", "test"]).toContain(op.op);
    const patched = structuredClone(before);
    applyPatch(patched, patch);
    expect(patched).toEqual(after);
  });

  it("describes cadences as people say them", () => {
    const cadence = (
      every: number,
      unit: "week" | "month" | "half-term" | "term" | "year",
      basis: "minimum" | "typical" | "exact",
    ) => describeCadence({ visitType: "v", frequency: { every, unit }, basis, label: "" });
    expect(cadence(1, "month", "minimum")).toBe("at least monthly");
    expect(cadence(4, "week", "typical")).toBe("about every four weeks");
    expect(cadence(1, "term", "exact")).toBe("termly");
    expect(cadence(1, "half-term", "exact")).toBe("half-termly");
    expect(cadence(1, "year", "exact")).toBe("annually");
  });
});
