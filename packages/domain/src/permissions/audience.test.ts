import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { audienceOf, buildAbility, canOnEvery, explain } from "./ability.ts";
import {
  caseSubject,
  formResponseSubject,
  letterSubject,
  meetingSubject,
  NO_SCHOOL_ATTRIBUTES,
  visitReportSubject,
} from "./subjects.ts";

/** A policy whose headteacher's own rules are careless: every record of their school, in full. */
function carelessPolicy(): PolicyDocument {
  const policy = createMinimalPolicy();
  policy.roles.find((r) => r.key === "headteacher")!.rules = [
    { action: ["read", "create", "update", "submit"], subject: "all", conditions: { schoolUrn: "${user.schoolUrn}" } },
  ];
  policy.categories[policy.categories.length - 1]!.visibleToSchool = false;
  policy.forms.push({ ...policy.forms[0]!, key: "school-return", title: "School return", audience: "school" });
  return policy;
}

const facts = {
  schoolUrn: 100001,
  school: NO_SCHOOL_ATTRIBUTES,
  assignedOfficerId: null,
  category: null,
  stage: null,
  status: "open",
};

describe("what the policy keeps from school staff holds whatever their roles' rules say", () => {
  const policy = carelessPolicy();
  const head = buildAbility(policy, { id: "h", tenantId: "t", grants: [{ role: "headteacher", schoolUrn: 100001 }] });
  const hidden = policy.categories.at(-1)!.key;
  const letterType = policy.letterTypes[0]!.key;

  it("hides a category the policy keeps from schools, field by field", () => {
    expect(head.ability.can("read", caseSubject({ ...facts, category: hidden }))).toBe(true);
    expect(head.ability.can("read", caseSubject({ ...facts, category: hidden }), "category")).toBe(false);
    expect(head.ability.can("read", caseSubject({ ...facts, category: policy.categories[0]!.key }), "category")).toBe(
      true,
    );
  });

  it("never shows a letter before it is issued, nor a report before it is published", () => {
    expect(head.ability.can("read", letterSubject(facts, { letterType, status: "draft" }))).toBe(false);
    expect(head.ability.can("read", letterSubject(facts, { letterType, status: "issued" }))).toBe(true);
    expect(
      head.ability.can("read", visitReportSubject(facts, { visitType: "monitoring", report: { published: false } })),
    ).toBe(false);
  });

  it("keeps the LA's own forms from school staff, for every action", () => {
    const laForm = policy.forms.find((f) => f.audience === "la")!;
    const schoolForm = policy.forms.find((f) => f.audience === "school")!;
    for (const action of ["read", "create", "update", "submit"] as const)
      expect(
        head.ability.can(
          action,
          formResponseSubject({
            schoolUrn: 100001,
            school: NO_SCHOOL_ATTRIBUTES,
            formKey: laForm.key,
            status: "draft",
          }),
        ),
      ).toBe(false);
    expect(
      head.ability.can(
        "create",
        formResponseSubject({
          schoolUrn: 100001,
          school: NO_SCHOOL_ATTRIBUTES,
          formKey: schoolForm.key,
          status: "draft",
        }),
      ),
    ).toBe(true);
  });

  it("keeps the minutes of a confidential meeting with the LA, saying why", () => {
    const confidential = policy.meetingTypes.find((m) => m.confidential)!;
    const minutes = meetingSubject("MeetingMinutes", facts, { meetingType: confidential.key });
    expect(head.ability.can("read", minutes)).toBe(false);
    expect(explain(head, policy, "read", minutes).reason).toBe("The policy keeps this from school staff.");
  });

  it("leaves LA roles as their rules say", () => {
    const adviser = buildAbility(policy, { id: "a", tenantId: "t", grants: [{ role: "adviser" }] });
    expect(adviser.ability.can("read", letterSubject(facts, { letterType, status: "draft" }))).toBe(true);
  });

  it("decides the side from the roles: LA with any LA role, school otherwise (no role at all sees least)", () => {
    expect(audienceOf(policy, [{ role: "adviser" }])).toBe("la");
    expect(audienceOf(policy, [{ role: "headteacher", schoolUrn: 1 }])).toBe("school");
    expect(audienceOf(policy, [])).toBe("school");
  });

  it("needs an unconditional rule to act on every record of a subject", () => {
    expect(canOnEvery(head, "read", "Case")).toBe(false);
    const senior = buildAbility(policy, { id: "s", tenantId: "t", grants: [{ role: "senior-officer" }] });
    expect(canOnEvery(senior, "import", "School")).toBe(true);
  });
});
