// A made-up authority whose strategy rests only on its own data: indicators and
// measures it declares, none of them a built-in fact. It validates with no
// change to Steward's code.
import { describe, expect, it } from "vitest";

import eastmere from "../../fixtures/eastmere/policy.json" with { type: "json" };
import type { PolicyDocument } from "../schema/policy.ts";
import { validatePolicy } from "../validation/index.ts";
import { FACTS } from "../vocabulary.ts";

const policy = eastmere as unknown as PolicyDocument;

/** Every var a trigger or transition reads. */
function varsRead(rule: unknown): string[] {
  if (Array.isArray(rule)) return rule.flatMap(varsRead);
  if (rule === null || typeof rule !== "object") return [];
  return Object.entries(rule).flatMap(([operator, args]) =>
    operator === "var" && typeof args === "string" ? [args] : varsRead(args),
  );
}

describe("Eastmere, an authority of its own data", () => {
  it("validates with no problems", () => {
    expect(validatePolicy(eastmere).problems).toEqual([]);
  });

  it("reads only its own indicators and measures in its triggers and transitions, never a built-in fact", () => {
    const read = [...policy.triggers, ...policy.escalation.transitions].flatMap((item) => varsRead(item.when));
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((name) => !/^(indicators|measures)\./.test(name))).toEqual([]);
    expect(read.filter((name) => name in FACTS)).toEqual([]);
    const declared = new Set([
      ...(policy.indicators ?? []).map((i) => `indicators.${i.key}`),
      ...(policy.measures ?? []).map((m) => `measures.${m.key}`),
    ]);
    expect(read.filter((name) => !declared.has(name))).toEqual([]);
  });

  it("declares the indicators its strategy watches, fed as it says", () => {
    const byKey = new Map((policy.indicators ?? []).map((i) => [i.key, i]));
    expect(byKey.get("persistent-absence")).toMatchObject({
      type: { kind: "number", unit: "%", minimum: 0, maximum: 100 },
      from: [{ kind: "import" }],
      currentFor: { count: 12, unit: "months" },
    });
    expect(byKey.get("finance-rag")?.type).toEqual({
      kind: "choice",
      options: [
        { value: "red", label: "Red" },
        { value: "amber", label: "Amber" },
        { value: "green", label: "Green" },
      ],
    });
    expect(byKey.get("standards-group")?.from).toEqual([
      { kind: "entry", roles: ["link-adviser", "head-of-standards"] },
    ]);
    expect(byKey.get("overall-risk")?.from.map((f) => f.kind)).toEqual(["derived"]);
  });

  it("keeps a register of concern for LA staff only, dated the day a concern was received", () => {
    const [register] = policy.registers ?? [];
    expect(register).toMatchObject({
      key: "register-of-concern",
      occurredOnLabel: "Date the concern was received",
      visibleToSchools: false,
    });
    const la = new Set(policy.roles.filter((r) => r.audience === "la").map((r) => r.key));
    const access = register?.access;
    expect([...(access?.log ?? []), ...(access?.read ?? []), ...(access?.close ?? [])].every((r) => la.has(r))).toBe(
      true,
    );
  });

  it("moves a school to stage 2 automatically on three concerns in a rolling year", () => {
    const measure = policy.measures?.find((m) => m.key === "concerns-in-rolling-year");
    expect(measure).toMatchObject({
      aggregate: "count",
      of: { kind: "register", register: "register-of-concern" },
      window: { kind: "rolling", last: { count: 12, unit: "months" } },
    });
    const transition = policy.escalation.transitions.find((t) => t.to === "stage-2" && t.mode === "automatic");
    expect(transition?.label).toBe("Three or more concerns in a rolling year: stage 2");
    expect(transition?.when).toEqual({ ">=": [{ var: "measures.concerns-in-rolling-year" }, 3] });
  });

  it("suggests a category from an imported value", () => {
    const trigger = policy.triggers.find((t) => varsRead(t.when).includes("indicators.persistent-absence"));
    expect(trigger?.when).toEqual({ ">=": [{ var: "indicators.persistent-absence" }, 20] });
    expect(trigger?.suggests.category).toBe("targeted");
  });
});
