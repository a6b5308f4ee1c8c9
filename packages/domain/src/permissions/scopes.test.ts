import { describe, expect, it } from "vitest";

import { validatePolicy, type PolicyDocument, type SchoolAttributeRecord } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";
import westmarch from "@steward/policy-config/fixtures/westmarch/policy.json" with { type: "json" };

import { CaseHarness } from "../testing/harness.ts";
import { buildAbility } from "./ability.ts";
import {
  caseSubject,
  formResponseSubject,
  letterSubject,
  NO_SCHOOL_ATTRIBUTES,
  permissionSubject,
  registerEntrySubject,
  schoolSubject,
  visitSubject,
} from "./subjects.ts";

const fenland: SchoolAttributeRecord = {
  ...NO_SCHOOL_ATTRIBUTES,
  district: "Fenland",
  phase: "primary",
  governance: "maintained",
};
const elsewhere: SchoolAttributeRecord = {
  ...NO_SCHOOL_ATTRIBUTES,
  district: "Huntingdonshire",
  phase: "primary",
  governance: "maintained",
};
const caseOf = (school: SchoolAttributeRecord) => ({
  schoolUrn: 100001,
  school,
  assignedOfficerId: null,
  category: null,
  stage: null,
  status: "open",
});

/** The minimal policy with an area caseload (Fenland's schools only) and a diocesan-schools-excluded reader. */
function scopedPolicy(): PolicyDocument {
  const policy = createMinimalPolicy();
  const inFenland = { "school.district": "Fenland" };
  policy.roles.push(
    {
      key: "area-adviser",
      label: "Area adviser",
      audience: "la",
      description: "Fenland's schools.",
      rules: [
        { action: "read", subject: ["School", "Case", "Visit", "Letter", "FormResponse"], conditions: inFenland },
        { action: "schedule", subject: "Visit", conditions: inFenland },
      ],
    },
    {
      key: "community-reader",
      label: "Community schools reader",
      audience: "la",
      description: "Every case but those of church schools.",
      rules: [
        { action: "read", subject: "Case" },
        { action: "read", subject: "Case", inverted: true, conditions: { "school.diocese": { $ne: null } } },
      ],
    },
  );
  return policy;
}

describe("a role scoped by the school's attributes", () => {
  const policy = scopedPolicy();
  const area = buildAbility(policy, { id: "a", tenantId: "t", grants: [{ role: "area-adviser" }] }).ability;

  it("reads every kind of record of its district's schools, and none elsewhere", () => {
    for (const school of [fenland, elsewhere]) {
      const inArea = school === fenland;
      const c = caseOf(school);
      expect(area.can("read", caseSubject(c))).toBe(inArea);
      expect(area.can("read", visitSubject(c, { visitType: "core-visit", status: "scheduled" }))).toBe(inArea);
      expect(area.can("read", letterSubject(c, { letterType: "warning-notice", status: "issued" }))).toBe(inArea);
      expect(area.can("read", schoolSubject(100001, school))).toBe(inArea);
      expect(
        area.can("read", formResponseSubject({ schoolUrn: 100001, school, formKey: "visit-report", status: "draft" })),
      ).toBe(inArea);
    }
  });

  it("treats a school with no district as outside every district", () => {
    expect(area.can("read", caseSubject(caseOf({ ...NO_SCHOOL_ATTRIBUTES })))).toBe(false);
  });

  it("forbids by an attribute too, and a school with none is not forbidden ($ne null, as CASL reads null)", () => {
    const reader = buildAbility(policy, { id: "r", tenantId: "t", grants: [{ role: "community-reader" }] }).ability;
    expect(reader.can("read", caseSubject(caseOf({ ...fenland, diocese: "Diocese of Ely" })))).toBe(false);
    expect(reader.can("read", caseSubject(caseOf(fenland)))).toBe(true);
  });

  it("is checked by the engine on the school's attributes it is given", () => {
    const h = new CaseHarness(policy, "2025-09-08T09:00:00Z");
    h.run("senior-1", [{ role: "senior-officer" }], {
      type: "open-case",
      school: { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" },
    });
    const adviser = ["area-1", [{ role: "area-adviser" }]] as const;
    h.schoolAttributes = elsewhere;
    expect(() => h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" })).toThrow(
      /forbidden/,
    );
    h.schoolAttributes = fenland;
    expect(h.run(...adviser, { type: "schedule-visit", visitType: "core-visit", date: "2025-10-01" })).toHaveLength(1);
  });

  it("never meets a record built without the school's attributes", () => {
    expect(() =>
      permissionSubject("RegisterEntry", {
        schoolUrn: 1,
        register: "concerns",
        status: "open",
        school: { ...NO_SCHOOL_ATTRIBUTES, district: undefined },
      } as never),
    ).toThrow("A RegisterEntry checked for permissions must have its school.district (null when it has none).");
    expect(
      registerEntrySubject({ schoolUrn: 1, school: fenland }, { register: "concerns", status: "open" }),
    ).toMatchObject({ school: { district: "Fenland" } });
  });
});

describe("the validator and the school's attributes", () => {
  const withRule = (conditions: Record<string, unknown>) => {
    const policy = createMinimalPolicy();
    policy.roles.push({
      key: "area",
      label: "Area",
      audience: "la",
      description: "An area.",
      rules: [{ action: "read", subject: ["Case", "Letter", "RegisterEntry", "School"], conditions }],
    });
    return validatePolicy(policy).problems.filter((p) => p.code === "role.condition-field");
  };

  it("accepts a condition on any of the school's attributes", () => {
    expect(withRule({ "school.district": "Fenland", "school.diocese": { $in: ["Diocese of Ely"] } })).toEqual([]);
  });

  it("refuses an attribute Steward does not know, at its place, naming the fields", () => {
    const [problem, ...more] = withRule({ "school.region": "East" });
    expect(more).toEqual([]);
    expect(problem?.pointer).toBe("/roles/4/rules/0/conditions/school.region");
    expect(problem?.message).toMatch(/"school.region" is not a field of Case, Letter, RegisterEntry, School/);
    expect(problem?.message).toMatch(/school\.district/);
  });

  it("refuses the school as a whole object, saying to name its attributes with a dot", () => {
    expect(withRule({ school: { district: "Fenland" } })[0]?.message).toMatch(
      /Name the school's attributes one by one with a dot, like \{"school.district": "..."\}/,
    );
  });

  it("accepts Westmarch's area caseload", () => {
    const problems = validatePolicy(westmarch).problems.filter((p) => p.pointer.startsWith("/roles"));
    expect(problems.filter((p) => p.severity !== "warning")).toEqual([]);
  });
});
