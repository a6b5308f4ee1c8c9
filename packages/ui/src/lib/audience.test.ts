import { describe, expect, it } from "vitest";

import { audienceOfRoles, isSchoolRole, type RoleWithAudience } from "./audience.ts";

const roles: RoleWithAudience[] = [
  { key: "adviser", audience: "la" },
  { key: "headteacher", audience: "school" },
];

describe("audience", () => {
  it("reads a role's audience from the policy's roles", () => {
    expect(isSchoolRole(roles, "headteacher")).toBe(true);
    expect(isSchoolRole(roles, "adviser")).toBe(false);
    expect(isSchoolRole(roles, "unknown")).toBe(false);
  });

  it("makes a user LA staff when any role is an LA role, as the API does", () => {
    expect(audienceOfRoles(roles, ["adviser"])).toBe("la");
    expect(audienceOfRoles(roles, ["headteacher", "adviser"])).toBe("la");
    expect(audienceOfRoles(roles, ["headteacher"])).toBe("school");
  });

  it("makes a user with no roles school staff, as the API does", () => {
    expect(audienceOfRoles(roles, [])).toBe("school");
  });
});
