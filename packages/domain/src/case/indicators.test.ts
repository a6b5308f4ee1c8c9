import { describe, expect, it } from "vitest";

import type { IndicatorDefinition, PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { toFacts } from "../rules/evaluate.ts";
import { CaseHarness } from "../testing/harness.ts";
import type { IndicatorReading } from "./data.ts";
import { getCaseFacts } from "./facts.ts";
import { getCurrentReading } from "./indicators.ts";
import { getSuggestedTransitions } from "./transitions.ts";

const number = { kind: "number" } as const;
const plain = (key: string, extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({
  key,
  label: key,
  type: number,
  from: [{ kind: "import" }],
  visibleToSchools: false,
  ...extra,
});
const derived = (key: string, rule: Record<string, unknown>): IndicatorDefinition => ({
  key,
  label: key,
  type: { kind: "choice", options: [{ value: "red", label: "Red" }] },
  from: [{ kind: "derived", rule }],
  visibleToSchools: false,
});

function policyWith(indicators: IndicatorDefinition[]): PolicyDocument {
  return { ...createMinimalPolicy(), indicators };
}

function openCase(policy: PolicyDocument) {
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run("officer", [{ role: "senior-officer" }], {
    type: "open-case",
    school: { urn: 100001, name: "Test School", governance: "maintained" },
  });
  return h;
}

const read = (indicator: string, value: IndicatorReading["value"], asAt: string): IndicatorReading => ({
  indicator,
  value,
  asAt,
});

describe("an indicator's current value", () => {
  const absence = plain("absence", { currentFor: { count: 12, unit: "months" } });

  it("is the latest reading as at today or before, and the later of two on the same date", () => {
    const readings = [
      read("absence", 12, "2025-07-31"),
      read("absence", 15, "2025-12-31"),
      read("absence", 16, "2025-12-31"),
      read("absence", 30, "2026-03-31"),
      read("other", 99, "2025-12-31"),
    ];
    expect(getCurrentReading(absence, readings, "2026-01-15")?.value).toBe(16);
    expect(getCurrentReading(absence, readings, "2026-03-31")?.value).toBe(30);
  });

  it("goes stale once its as-at date plus currentFor is past, and never falls back to an older one", () => {
    const readings = [read("absence", 10, "2024-06-30"), read("absence", 12, "2024-12-31")];
    expect(getCurrentReading(absence, readings, "2025-12-31")?.value).toBe(12);
    expect(getCurrentReading(absence, readings, "2026-01-01")).toBeUndefined();
    expect(getCurrentReading(plain("absence"), readings, "2030-01-01")?.value).toBe(12);
  });
});

describe("indicators in the case's facts", () => {
  it("sets every declared indicator: the current value, or null with none", () => {
    const policy = policyWith([plain("absence"), plain("exclusions")]);
    const h = openCase(policy);
    const facts = getCaseFacts(h.state, policy, "2026-01-15", {}, [read("absence", 14.2, "2025-12-31")]);
    expect(facts.indicators).toEqual({ absence: 14.2, exclusions: null });
  });

  it("keeps a value the facts already hold unless a reading replaces it", () => {
    const policy = policyWith([plain("absence"), plain("exclusions")]);
    const h = openCase(policy);
    const given = toFacts({ "indicators.absence": 1, "indicators.exclusions": 2 });
    const facts = getCaseFacts(h.state, policy, "2026-01-15", given, [read("absence", 14.2, "2025-12-31")]);
    expect(facts.indicators).toEqual({ absence: 14.2, exclusions: 2 });
  });

  it("evaluates derived indicators after the plain ones, each after those it reads", () => {
    const policy = policyWith([
      derived("overall", {
        if: [{ "==": [{ var: "indicators.attendance-rag" }, "red"] }, "red", { var: "indicators.finance-rag" }],
      }),
      derived("attendance-rag", { if: [{ ">": [{ var: "indicators.absence" }, 10] }, "red", "green"] }),
      plain("absence"),
      derived("finance-rag", { if: [{ "<": [{ var: ["indicators.balance", 0] }, 0] }, "amber", "green"] }),
      plain("balance"),
    ]);
    const h = openCase(policy);
    const low = getCaseFacts(h.state, policy, "2026-01-15", {}, [
      read("absence", 4, "2025-12-31"),
      read("balance", -5, "2025-12-31"),
    ]);
    expect(low.indicators).toMatchObject({ "attendance-rag": "green", "finance-rag": "amber", overall: "amber" });
    const high = getCaseFacts(h.state, policy, "2026-01-15", {}, [read("absence", 14, "2025-12-31")]);
    expect(high.indicators).toMatchObject({ "attendance-rag": "red", "finance-rag": "green", overall: "red" });
  });

  it("gives null to derived indicators in a cycle and to those reading them, and never runs a withdrawn operator", () => {
    const policy = policyWith([
      derived("a", { var: "indicators.b" }),
      derived("b", { var: "indicators.a" }),
      derived("c", { cat: ["x", { var: "indicators.a" }] }),
      derived("logged", { log: "x" }),
      derived("fine", { cat: ["x", "y"] }),
    ]);
    const h = openCase(policy);
    expect(getCaseFacts(h.state, policy, "2026-01-15").indicators).toEqual({
      a: null,
      b: null,
      c: null,
      logged: null,
      fine: "xy",
    });
  });

  it("lets a transition's rule read an indicator passed in the decision's context", () => {
    const base = policyWith([plain("absence", { currentFor: { count: 6, unit: "months" } })]);
    const policy: PolicyDocument = {
      ...base,
      escalation: {
        ...base.escalation,
        transitions: [
          ...base.escalation.transitions,
          {
            key: "absence-high",
            from: ["universal"],
            to: "notice",
            label: "Absence is high",
            mode: "suggested",
            when: { ">=": [{ var: "indicators.absence" }, 20] },
            requiresReason: false,
          },
        ],
      },
    };
    const h = openCase(policy);
    const readings = [read("absence", 22, "2025-07-31")];
    const suggested = (today: string) =>
      getSuggestedTransitions(h.state, policy, today, {}, readings).map((t) => t.key);
    expect(suggested("2025-09-08")).toEqual(["absence-high"]);
    expect(suggested("2026-02-01")).toEqual([]);
  });
});
