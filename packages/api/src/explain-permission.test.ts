import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";
import { SAMPLE_USER } from "@steward/policy-config";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
const admins: Partial<Record<"cambridgeshire" | "lincolnshire", TestClient>> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "explain");
  admins.cambridgeshire = await world.as("cambridgeshire", "policy-administrator");
  admins.lincolnshire = await world.as("lincolnshire", "policy-administrator");
});
afterAll(async () => database?.close());

type Tenant = "cambridgeshire" | "lincolnshire";
const adminOf = (tenant: Tenant): TestClient => {
  const admin = admins[tenant];
  if (!admin) throw new Error("signed in before the tests");
  return admin;
};
const documentOf = (tenant: Tenant) =>
  structuredClone(world.tenants[tenant].policy) as unknown as Record<string, unknown>;
const ownReport = { schoolUrn: SAMPLE_USER.schoolUrn, published: true, visitType: null };

describe("can a user of this role do this to this record?", () => {
  it.each<Tenant>(["cambridgeshire", "lincolnshire"])(
    "%s: the headteacher may read their own school's published report, by the rule that says so",
    async (tenant) => {
      const answer = await adminOf(tenant).api.policy.explainPermission({
        document: documentOf(tenant),
        role: "headteacher",
        action: "read",
        subject: "VisitReport",
        record: ownReport,
      });
      expect(answer).toMatchObject({
        allowed: true,
        rule: "Headteacher may read Visit report (own school only, published only)",
      });
    },
  );

  it.each<Tenant>(["cambridgeshire", "lincolnshire"])(
    "%s: not another school's report, nor their own before it is published",
    async (tenant) => {
      const ask = (record: Record<string, string | number | boolean | null>) =>
        adminOf(tenant).api.policy.explainPermission({
          document: documentOf(tenant),
          role: "headteacher",
          action: "read",
          subject: "VisitReport",
          record,
        });
      expect(await ask({ ...ownReport, schoolUrn: SAMPLE_USER.schoolUrn + 1 })).toMatchObject({
        allowed: false,
        rule: null,
      });
      expect(await ask({ ...ownReport, published: false })).toMatchObject({
        allowed: false,
        reason: "The policy keeps this from school staff.",
      });
    },
  );

  it("answers for the draft as edited: without the rule, the headteacher may not read it", async () => {
    const document = documentOf("cambridgeshire") as { roles: { key: string; rules: { subject: unknown }[] }[] };
    const head = document.roles.find((r) => r.key === "headteacher");
    if (!head) throw new Error("Cambridgeshire has a headteacher");
    head.rules = head.rules.filter((r) => r.subject !== "VisitReport");
    const answer = await adminOf("cambridgeshire").api.policy.explainPermission({
      document,
      role: "headteacher",
      action: "read",
      subject: "VisitReport",
      record: ownReport,
    });
    expect(answer).toEqual({ allowed: false, reason: "No role you hold allows you to read VisitReport.", rule: null });
  });

  it("says which rule forbids, with its reason", async () => {
    const answer = await adminOf("cambridgeshire").api.policy.explainPermission({
      document: documentOf("cambridgeshire"),
      role: "governor",
      action: "read",
      subject: "MeetingMinutes",
      record: { schoolUrn: SAMPLE_USER.schoolUrn },
    });
    expect(answer.allowed).toBe(false);
    expect(answer.reason).toMatch(/^The LAIG is a confidential meeting/);
  });

  it("refuses a field the subject does not have, a role the policy does not have, and those who may not read the policy", async () => {
    const ask = (client: TestClient, role: string, record: Record<string, string>) =>
      client.api.policy.explainPermission({
        document: documentOf("cambridgeshire"),
        role,
        action: "read",
        subject: "Letter",
        record,
      });
    await expect(ask(adminOf("cambridgeshire"), "headteacher", { colour: "red" })).rejects.toMatchObject({
      message: '"colour" is not a field of Letter.',
    });
    await expect(ask(adminOf("cambridgeshire"), "janitor", {})).rejects.toMatchObject({
      message: 'There is no role "janitor" in this policy.',
    });
    const head = await world.as("cambridgeshire", "headteacher");
    await expect(ask(head, "headteacher", {})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
