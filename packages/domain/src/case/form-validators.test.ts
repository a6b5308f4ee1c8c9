import { afterEach, describe, expect, it, vi } from "vitest";

import { Ajv2020, type PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { CaseHarness } from "../testing/harness.ts";

// A visit report is checked against its form's JSON Schema. The schema is
// compiled once per policy version and form, and reused: recording visits
// neither recompiles it (memory grew with every visit) nor trips over Ajv's
// registry of schema ids (a form with $id failed every record after the first).

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const school = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" as const };

function openCase(policy: PolicyDocument) {
  policy.roles.find((r) => r.key === "adviser")!.rules = [
    { action: ["read", "create", "record", "schedule"], subject: ["Case", "Visit", "VisitReport"] },
  ];
  const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
  h.run(...senior, { type: "open-case", school });
  return h;
}

function scheduleAndRecord(h: CaseHarness, data: Record<string, unknown>) {
  h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" });
  const visit = h.state.visits.at(-1)!;
  return { visitId: visit.id, command: { type: "record-visit" as const, visitId: visit.id, data, concerns: false } };
}

afterEach(() => vi.restoreAllMocks());

describe("a visit report's form", () => {
  it("is compiled once for 300 recorded visits under one policy version", () => {
    const h = openCase(createMinimalPolicy());
    const compile = vi.spyOn(Ajv2020.prototype, "compile");
    for (let i = 0; i < 300; i++) {
      const { command } = scheduleAndRecord(h, { summary: `Visit ${i}` });
      h.run(...adviser, command);
    }
    expect(h.state.visits.filter((v) => v.status === "completed")).toHaveLength(300);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it("still refuses an incomplete report, every time, at its place", () => {
    const h = openCase(createMinimalPolicy());
    for (let i = 0; i < 3; i++) {
      const { command } = scheduleAndRecord(h, {});
      expect(h.refuse(...adviser, command)).toMatchObject({
        code: "invalid",
        message: 'The report is not complete (summary): "summary" is missing: it is required here.',
      });
    }
  });

  it("compiles afresh for another policy version (another document), which may change the form", () => {
    const first = openCase(createMinimalPolicy());
    const stricter = createMinimalPolicy();
    (stricter.forms[0]!.schema as { properties: { summary: { minLength?: number } } }).properties.summary.minLength =
      20;
    const second = openCase(stricter);
    first.run(...adviser, scheduleAndRecord(first, { summary: "Short" }).command);
    expect(second.refuse(...adviser, scheduleAndRecord(second, { summary: "Short" }).command).code).toBe("invalid");
  });

  it("with an $id (a policy stored before the validator refused it) gives the same clear answer every time, never one success then failures", () => {
    const policy = createMinimalPolicy();
    (policy.forms[0]!.schema as Record<string, unknown>).$id = "https://example.org/visit-report";
    const h = openCase(policy);
    const answers = Array.from({ length: 3 }, () => {
      const decision = h.refuse(...adviser, scheduleAndRecord(h, { summary: "Fine" }).command);
      return { code: decision.code, message: decision.message };
    });
    expect(answers[0]?.code).toBe("conflict");
    expect(answers[0]?.message).toMatch(/^The form "Visit report" cannot be checked: .*\$id/);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});
