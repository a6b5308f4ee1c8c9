import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { buildAbility, explain, getPermittedFields } from "./ability.ts";
import { caseSubject, letterSubject, NO_SCHOOL_ATTRIBUTES, schoolSubject, visitReportSubject } from "./subjects.ts";

const caseAt = (schoolUrn: number) => ({
  schoolUrn,
  school: NO_SCHOOL_ATTRIBUTES,
  assignedOfficerId: null,
  category: null,
  stage: null,
  status: "open",
});

const policy: PolicyDocument = createMinimalPolicy();
policy.roles.push({
  key: "governor",
  label: "Governor",
  audience: "school",
  description: "A governor.",
  rules: [
    {
      action: "read",
      subject: "School",
      fields: ["phase", "schoolUrn"],
      conditions: { schoolUrn: "${user.schoolUrn}" },
    },
    {
      action: "read",
      subject: "MeetingMinutes",
      inverted: true,
      reason: "Meeting minutes are confidential to officers.",
    },
  ],
});

describe("permissions from the policy's roles", () => {
  it("bind a school role to the user's own school", () => {
    const head = buildAbility(policy, {
      id: "u1",
      tenantId: "t1",
      grants: [{ role: "headteacher", schoolUrn: 100001 }],
    });
    expect(head.ability.can("read", caseSubject(caseAt(100001)))).toBe(true);
    expect(head.ability.can("read", caseSubject(caseAt(100002)))).toBe(false);
    expect(head.ability.can("update", caseSubject(caseAt(100001)))).toBe(false);
  });

  it("give an LA role its rules across schools", () => {
    const adviser = buildAbility(policy, { id: "u2", tenantId: "t1", grants: [{ role: "adviser" }] });
    expect(adviser.ability.can("record", visitReportSubject(caseAt(100002), { visitType: "monitoring" }))).toBe(true);
    expect(
      adviser.ability.can("approve", letterSubject(caseAt(100002), { letterType: "concern", status: "draft" })),
    ).toBe(false);
  });

  it("refuse a school role given without a school, and an unknown role", () => {
    expect(() => buildAbility(policy, { id: "u", tenantId: "t", grants: [{ role: "headteacher" }] })).toThrow(
      "Headteacher is a school role: it must be given for one school.",
    );
    expect(() => buildAbility(policy, { id: "u", tenantId: "t", grants: [{ role: "inspector" }] })).toThrow(
      /The role "inspector" is not in this policy version/,
    );
  });

  it("explain which role allows an action, and why one is denied", () => {
    const both = buildAbility(policy, {
      id: "u3",
      tenantId: "t1",
      grants: [{ role: "adviser" }, { role: "senior-officer" }],
    });
    expect(
      explain(both, policy, "approve", letterSubject(caseAt(1), { letterType: "concern", status: "draft" })),
    ).toMatchObject({ allowed: true, role: "senior-officer" });
    const governor = buildAbility(policy, {
      id: "u4",
      tenantId: "t1",
      grants: [{ role: "governor", schoolUrn: 100001 }],
    });
    expect(explain(governor, policy, "read", "MeetingMinutes")).toEqual({
      allowed: false,
      role: "governor",
      reason: "Meeting minutes are confidential to officers.",
    });
    expect(explain(governor, policy, "issue", "Letter")).toEqual({
      allowed: false,
      role: undefined,
      reason: "No role you hold allows you to issue Letter.",
    });
  });

  it("keep field restrictions", () => {
    const governor = buildAbility(policy, {
      id: "u4",
      tenantId: "t1",
      grants: [{ role: "governor", schoolUrn: 100001 }],
    });
    const school = schoolSubject(100001, { ...NO_SCHOOL_ATTRIBUTES, phase: "primary", governance: "maintained" });
    expect(getPermittedFields(governor, "read", school, ["schoolUrn", "phase", "governance", "district"])).toEqual([
      "phase",
      "schoolUrn",
    ]);
    expect(governor.ability.can("read", school, "governance")).toBe(false);
  });
});
