import { describe, expect, it } from "vitest";

import type { PolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { isLaStaff } from "./grants.ts";

describe("isLaStaff", () => {
  const policy = cambridgeshire as unknown as PolicyDocument;
  const laRole = policy.roles.find((r) => r.audience === "la")!.key;
  const schoolRole = policy.roles.find((r) => r.audience === "school")!.key;

  it("follows the policy's role audience", () => {
    expect(isLaStaff(policy, [{ role: laRole }])).toBe(true);
    expect(isLaStaff(policy, [{ role: schoolRole, schoolUrn: 1 }])).toBe(false);
  });

  it("says a user with no roles, or only unknown ones, is not LA staff", () => {
    expect(isLaStaff(policy, [])).toBe(false);
    expect(isLaStaff(policy, [{ role: "no-such-role" }])).toBe(false);
  });
});
