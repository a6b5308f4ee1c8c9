import { describe, expect, it } from "vitest";

import type { PolicyDocument, RegisterDefinition } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { buildAbility, canOnEvery, type RoleGrant } from "../permissions/ability.ts";
import { NO_SCHOOL_ATTRIBUTES, registerEntrySubject } from "../permissions/subjects.ts";
import { CaseHarness } from "../testing/harness.ts";

const adviser = ["adviser-1", [{ role: "adviser" }]] as const;
const senior = ["senior-1", [{ role: "senior-officer" }]] as const;
const head = ["head-1", [{ role: "headteacher", schoolUrn: 100001 }]] as const;
const school = { urn: 100001, name: "Example Primary", phase: "primary", governance: "maintained" as const };

const concerns: RegisterDefinition = {
  key: "concerns",
  label: "Register of concern",
  entryLabel: "concern",
  occurredOnLabel: "Date the concern was received",
  schema: {
    type: "object",
    required: ["source", "summary"],
    properties: {
      source: { type: "string", title: "Source", enum: ["parent", "ofsted", "other-service"] },
      summary: { type: "string", title: "Summary", minLength: 1 },
    },
  },
  access: { log: ["adviser", "senior-officer"], read: ["adviser", "senior-officer"], close: ["senior-officer"] },
  visibleToSchools: false,
};

const complaints: RegisterDefinition = {
  key: "complaints",
  label: "Complaints",
  entryLabel: "complaint",
  schema: { type: "object", properties: { summary: { type: "string" } } },
  access: { log: ["adviser"], read: ["adviser", "headteacher"], close: ["adviser"] },
  visibleToSchools: true,
};

function policyWithRegisters(): PolicyDocument {
  const policy = createMinimalPolicy();
  policy.registers = [concerns, complaints];
  // The headteacher's role reads everything about its school: the register's own access still decides.
  policy.roles.find((r) => r.key === "headteacher")!.rules = [
    { action: "read", subject: "all", conditions: { schoolUrn: "${user.schoolUrn}" } },
  ];
  return policy;
}

function openCase() {
  const h = new CaseHarness(policyWithRegisters(), "2025-09-08T09:00:00Z");
  h.run(...senior, { type: "open-case", school });
  return h;
}

const ability = (policy: PolicyDocument, grants: readonly RoleGrant[]) =>
  buildAbility(policy, { id: "u", tenantId: "t", grants }).ability;
const entry = (schoolUrn: number, register: string) =>
  registerEntrySubject({ schoolUrn, school: NO_SCHOOL_ATTRIBUTES }, { register, status: "open" });

describe("logging an entry in a register", () => {
  it("keeps the date it happened apart from when it was logged, and its fields", () => {
    const h = openCase();
    h.at("2025-10-20");
    h.run(...adviser, {
      type: "log-register-entry",
      register: "concerns",
      occurredOn: "2025-10-01",
      fields: { source: "parent", summary: "Complaint about SEND provision." },
    });
    expect(h.state.registerEntries).toEqual([
      {
        id: "id-0002",
        register: "concerns",
        occurredOn: "2025-10-01",
        fields: { source: "parent", summary: "Complaint about SEND provision." },
        status: "open",
        loggedBy: "adviser-1",
        loggedAt: "2025-10-20T12:00:00.000Z",
      },
    ]);
  });

  it("refuses a register the policy does not have", () => {
    const error = openCase().refuse(...adviser, {
      type: "log-register-entry",
      register: "nope",
      occurredOn: "2025-09-01",
      fields: {},
    });
    expect(error).toMatchObject({ code: "invalid", pointer: "/register" });
  });

  it("names the field that does not answer the register's schema", () => {
    const h = openCase();
    const missing = h.refuse(...adviser, {
      type: "log-register-entry",
      register: "concerns",
      occurredOn: "2025-09-01",
      fields: { source: "parent" },
    });
    expect(missing).toMatchObject({ code: "invalid", pointer: "/fields/summary" });
    expect(missing.message).toContain("summary");
    const wrong = h.refuse(...adviser, {
      type: "log-register-entry",
      register: "concerns",
      occurredOn: "2025-09-01",
      fields: { source: "gossip", summary: "x" },
    });
    expect(wrong).toMatchObject({ code: "invalid", pointer: "/fields/source" });
  });

  it("refuses a date that is not real, or after today", () => {
    const h = openCase();
    const log = (occurredOn: string) =>
      h.refuse(...adviser, {
        type: "log-register-entry",
        register: "concerns",
        occurredOn,
        fields: { source: "parent", summary: "x" },
      });
    expect(log("2025-02-30")).toMatchObject({ code: "invalid", pointer: "/occurredOn" });
    expect(log("2025-09-09")).toMatchObject({
      code: "invalid",
      pointer: "/occurredOn",
      message: "Date the concern was received cannot be in the future.",
    });
  });

  it("refuses a role not in the register's log list, even one that may manage everything else", () => {
    const h = openCase();
    const error = h.refuse(...head, {
      type: "log-register-entry",
      register: "complaints",
      occurredOn: "2025-09-01",
      fields: {},
    });
    expect(error.code).toBe("forbidden");
  });
});

describe("closing a register entry", () => {
  function withEntry() {
    const h = openCase();
    h.run(...adviser, {
      type: "log-register-entry",
      register: "concerns",
      occurredOn: "2025-09-01",
      fields: { source: "ofsted", summary: "Raised at inspection." },
    });
    return h;
  }

  it("closes an open entry with a note, by a role in its close list", () => {
    const h = withEntry();
    h.at("2025-11-03");
    expect(h.refuse(...adviser, { type: "close-register-entry", entryId: "id-0002", note: "Resolved" }).code).toBe(
      "forbidden",
    );
    h.run(...senior, { type: "close-register-entry", entryId: "id-0002", note: "Resolved at the review meeting." });
    expect(h.state.registerEntries[0]).toMatchObject({
      status: "closed",
      closedBy: "senior-1",
      closedAt: "2025-11-03T12:00:00.000Z",
      closeNote: "Resolved at the review meeting.",
    });
  });

  it("needs a note, an entry that exists and one still open", () => {
    const h = withEntry();
    expect(h.refuse(...senior, { type: "close-register-entry", entryId: "id-0002", note: "  " })).toMatchObject({
      code: "invalid",
      pointer: "/note",
    });
    expect(h.refuse(...senior, { type: "close-register-entry", entryId: "nope", note: "x" })).toMatchObject({
      code: "not-found",
      pointer: "/entryId",
    });
    h.run(...senior, { type: "close-register-entry", entryId: "id-0002", note: "Done." });
    expect(h.refuse(...senior, { type: "close-register-entry", entryId: "id-0002", note: "Again." }).code).toBe(
      "conflict",
    );
  });
});

describe("who may read a register's entries", () => {
  const policy = policyWithRegisters();

  it("is the register's read list: a role not in it cannot read, whatever its rules say", () => {
    // The senior officer's role may manage everything; the chair of governors is in no list.
    const reader = ability(policy, [{ role: "adviser" }]);
    expect(reader.can("read", entry(100001, "concerns"))).toBe(true);
    const chair = ability(policy, [{ role: "chair-of-governors", schoolUrn: 100001 }]);
    expect(chair.can("read", entry(100001, "complaints"))).toBe(false);
    const stranger = structuredClone(policy);
    stranger.registers![0]!.access.read = ["adviser"];
    expect(ability(stranger, [{ role: "senior-officer" }]).can("read", entry(100001, "concerns"))).toBe(false);
    expect(ability(stranger, [{ role: "senior-officer" }]).can("close", entry(100001, "concerns"))).toBe(true);
  });

  it("never gives a school role a register not visible to schools, even when its list names the role", () => {
    const listed = structuredClone(policy);
    listed.registers![0]!.access.read.push("headteacher");
    const headAbility = ability(listed, [{ role: "headteacher", schoolUrn: 100001 }]);
    expect(headAbility.can("read", entry(100001, "concerns"))).toBe(false);
    expect(headAbility.can("read", entry(100001, "complaints"))).toBe(true);
  });

  it("binds a school role to its own school", () => {
    const headAbility = ability(policy, [{ role: "headteacher", schoolUrn: 100001 }]);
    expect(headAbility.can("read", entry(100002, "complaints"))).toBe(false);
  });

  it("gives no one every entry of every register, and nothing for a register the policy does not have", () => {
    const seniorAbility = buildAbility(policy, { id: "u", tenantId: "t", grants: [{ role: "senior-officer" }] });
    expect(canOnEvery(seniorAbility, "read", "RegisterEntry")).toBe(false);
    expect(seniorAbility.ability.can("read", entry(100001, "unknown"))).toBe(false);
  });
});
