import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "../fixtures/minimal-policy.ts";
import { validatePolicy } from "./index.ts";

const errorsOf = (policy: unknown) => validatePolicy(policy).problems.filter((p) => p.severity === "error");

describe("permission rules use each subject's fields", () => {
  it("refuses a condition on a field its subject does not have, at the field, naming the fields it has", () => {
    const policy = createMinimalPolicy();
    policy.roles[2]!.rules.push({
      action: "read",
      subject: "Meeting",
      conditions: { schoolUrn: "${user.schoolUrn}", meetingKind: "strategy" },
      inverted: true,
    });
    const [problem, ...rest] = errorsOf(policy);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ pointer: "/roles/2/rules/1/conditions/meetingKind", code: "role.condition-field" });
    expect(problem!.message).toContain("Meeting has schoolUrn, meetingType");
  });

  it("checks a condition against every subject of the rule", () => {
    const policy = createMinimalPolicy();
    policy.roles[0]!.rules.push({
      action: "read",
      subject: ["Letter", "Visit"],
      conditions: { letterType: "x", schoolUrn: 1 },
    });
    expect(errorsOf(policy).map((p) => p.message)).toEqual([
      expect.stringContaining('"letterType" is not a field of Visit'),
    ]);
  });

  it("refuses a field list naming a field the subject does not have", () => {
    const policy = createMinimalPolicy();
    policy.roles[2]!.rules.push({
      action: "read",
      subject: "Case",
      conditions: { schoolUrn: "${user.schoolUrn}" },
      fields: ["category", "secretNotes"],
    });
    expect(errorsOf(policy)).toEqual([
      expect.objectContaining({ pointer: "/roles/2/rules/1/fields/1", code: "role.field" }),
    ]);
  });

  it("refuses a role that may give a role the policy does not have", () => {
    const policy = createMinimalPolicy();
    policy.roles[1]!.mayGrant = ["adviser", "inspector"];
    expect(errorsOf(policy)).toEqual([
      expect.objectContaining({ pointer: "/roles/1/mayGrant/1", code: "reference.role" }),
    ]);
  });
});
