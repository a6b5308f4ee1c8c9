import { describe, expect, it } from "vitest";

import { parseRoleGrants } from "./role-grants.ts";

describe("parseRoleGrants", () => {
  it("reads LA roles and school roles as stored", () => {
    expect(parseRoleGrants([{ role: "adviser" }, { role: "headteacher", schoolUrn: 110001 }])).toEqual([
      { role: "adviser" },
      { role: "headteacher", schoolUrn: 110001 },
    ]);
    expect(parseRoleGrants([])).toEqual([]);
  });

  it("refuses a stored value that is not a list of grants, saying which grant and why", () => {
    expect(() => parseRoleGrants({ role: "adviser" })).toThrow("A user's stored roles are not a list");
    expect(() => parseRoleGrants(null)).toThrow("not a list");
    expect(() => parseRoleGrants(["adviser"])).toThrow("stored role 1 is not an object");
    expect(() => parseRoleGrants([{ role: "adviser" }, { schoolUrn: 1 }])).toThrow("stored role 2 has no role key");
    expect(() => parseRoleGrants([{ role: "head", schoolUrn: "110001" }])).toThrow(
      "stored role 1 has a schoolUrn that is not a whole number",
    );
  });
});

describe("parseRoleGrants, as the API reads a user's roles", () => {
  it("returns the stored grants", () => {
    expect(parseRoleGrants([{ role: "headteacher", schoolUrn: 100 }, { role: "la-officer" }])).toEqual([
      { role: "headteacher", schoolUrn: 100 },
      { role: "la-officer" },
    ]);
    expect(parseRoleGrants([])).toEqual([]);
  });

  it("rejects a stored value that is not a list of grants, with a sentence", () => {
    expect(() => parseRoleGrants({ role: "headteacher" })).toThrow(/stored roles are not a list/);
    expect(() => parseRoleGrants([{ role: "headteacher", schoolUrn: "100" }])).toThrow(/schoolUrn/);
    expect(() => parseRoleGrants([{ schoolUrn: 100 }])).toThrow(/role/);
  });
});
