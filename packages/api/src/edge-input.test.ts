import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";
import { matching } from "./testing/matchers.ts";

// Input the database would choke on is refused at the edge, and whatever the
// database still refuses reaches the client as a clean 4xx with a stable code,
// never a 500. Each case runs on both PGlite and PostgreSQL, which differ.

let database: StewardDatabase;
let world: TestWorld;
let senior: TestClient;
let admin: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "edge");
  senior = await world.as("cambridgeshire", "la-senior-officer");
  admin = await world.as("cambridgeshire", "policy-administrator");
});
afterAll(async () => database?.close());

const refusal = (error: unknown) => {
  // What the client receives: the tRPC code, Steward's stable code and the field's pointer.
  const e = error as { code?: string; stewardCode?: string; pointer?: string };
  return {
    code: e.code,
    stewardCode: e.stewardCode ?? (e.code === "BAD_REQUEST" ? "invalid" : undefined),
    pointer: e.pointer,
  };
};

const auditCount = async () => (await admin.api.audit.list({ limit: 500 })).entries.length;

describe("text the database cannot store is refused at the edge, naming the field", () => {
  it.each([
    ["a NUL character", "Ada\u0000Lovelace"],
    ["a lone high surrogate", "Ada \ud800 Lovelace"],
    ["a lone low surrogate", "Ada \udc00 Lovelace"],
  ])("%s in a mutation's text", async (_what, displayName) => {
    const before = await auditCount();
    const error = await admin.api.users
      .invite({ email: "edge.case@cambs.test", displayName, grants: [{ role: "school-improvement-adviser" }] })
      .catch((e: unknown) => e);
    expect(refusal(error)).toEqual({ code: "BAD_REQUEST", stewardCode: "invalid", pointer: "/displayName" });
    expect((error as Error).message).toMatch(/character/);
    expect(await auditCount()).toBe(before);
  });

  it("in a query's input, and deep inside a list", async () => {
    expect(refusal(await senior.api.cases.list({ search: "abc\u0000" }).catch((e: unknown) => e))).toEqual({
      code: "BAD_REQUEST",
      stewardCode: "invalid",
      pointer: "/search",
    });
    const { caseId } = await senior.api.cases.open({ urn: world.tenants.cambridgeshire.schools[2]!.urn });
    const error = await senior.api.letters
      .draft({
        caseId,
        letterType: "x",
        indicators: [],
        actions: [
          { text: "fine", due: "2027-01-01" },
          { text: "bad \udfff", due: "2027-01-01" },
        ],
      })
      .catch((e: unknown) => e);
    expect(refusal(error)).toMatchObject({ code: "BAD_REQUEST", stewardCode: "invalid", pointer: "/actions/1/text" });
  });

  it("in a sign-in, before anything else happens", async () => {
    const error = await world
      .client()
      .api.auth.signIn({
        tenant: world.tenants.cambridgeshire.tenant.slug,
        email: "a@b.test",
        password: "pass\u0000word",
      })
      .catch((e: unknown) => e);
    expect(refusal(error)).toEqual({ code: "BAD_REQUEST", stewardCode: "invalid", pointer: "/password" });
  });

  it("keeps a well-formed pair of surrogates (an emoji) and other text", async () => {
    const invited = await admin.api.users.invite({
      email: "emoji.person@cambs.test",
      displayName: "Ada 😀 Łovelace",
      grants: [{ role: "school-improvement-adviser" }],
    });
    expect(invited.user.displayName).toBe("Ada 😀 Łovelace");
  });
});

describe("values the database refuses come back as clean 4xx errors", () => {
  it("a URN too large for the register", async () => {
    const error = await senior.api.cases.open({ urn: 99_999_999_999 }).catch((e: unknown) => e);
    expect(refusal(error).code).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
    expect(refusal(error).stewardCode).toMatch(/^(invalid|not-found)$/);
    const school = await senior.api.schools.get({ urn: 99_999_999_999 }).catch((e: unknown) => e);
    expect(refusal(school).code).toMatch(/^(BAD_REQUEST|NOT_FOUND)$/);
  });

  it.each(["10000-01-01", "0000-01-01", "+010000-01-01"])(
    "a date of %s: accepted or refused cleanly, never a 500",
    async (date) => {
      const notA500 = (outcome: unknown) => {
        if (outcome instanceof Error)
          expect(refusal(outcome), String(outcome)).toMatchObject({
            code: matching(/^(BAD_REQUEST|UNPROCESSABLE_CONTENT)$/),
          });
      };
      notA500(await senior.api.cases.list({ dueBy: date }).catch((e: unknown) => e));
      const urn = world.tenants.cambridgeshire.schools[1]!.urn;
      const existing = (await senior.api.cases.list({ search: String(urn) })).items[0];
      const caseId = existing?.id ?? (await senior.api.cases.open({ urn })).caseId;
      notA500(await senior.api.visits.schedule({ caseId, visitType: "x", date }).catch((e: unknown) => e));
      notA500(
        await senior.api.assessments
          .decide({ caseId, category: "medium-support", effectiveFrom: date })
          .catch((e: unknown) => e),
      );
    },
  );

  it("two publishes of the same draft at once: one succeeds, the other is told it is stale or a conflict", async () => {
    const draft = await admin.api.policy.createDraft({
      from: "version",
      versionId: world.tenants.cambridgeshire.policyVersionId,
    });
    const { revision } = await admin.api.policy.get({ id: draft.id });
    const other = await world.as("cambridgeshire", "policy-administrator");
    const results = await Promise.allSettled([
      admin.api.policy.publish({ id: draft.id, revision }),
      other.api.policy.publish({ id: draft.id, revision }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected")!;
    expect(refusal(failed.reason)).toMatchObject({
      code: "CONFLICT",
      stewardCode: matching(/^(stale|conflict|immutable|concurrent)$/),
    });
    const versions = await admin.api.policy.list();
    expect(versions.filter((v) => v.status === "published").map((v) => v.id)).toEqual([draft.id]);
  });
});
