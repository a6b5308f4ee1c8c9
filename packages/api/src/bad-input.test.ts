import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { appRouter } from "./root.ts";
import { TestWorld, type TestClient } from "./testing/fixtures/world.ts";

let database: StewardDatabase;
let world: TestWorld;
let senior: TestClient;
let admin: TestClient;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await TestWorld.create(database, "bad");
  senior = await world.as("cambridgeshire", "la-senior-officer");
  admin = await world.as("cambridgeshire", "policy-administrator");
});
afterAll(async () => database?.close());

/** Every mutation of the API, by its dotted path. */
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)
  .filter(([, procedure]) => procedure._def.type === "mutation")
  .map(([path]) => path);

const call = (client: TestClient, path: string, input: unknown) => {
  const [router, procedure] = path.split(".") as [string, string];
  return (client.api as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[router]![
    procedure
  ]!(input);
};

const auditCount = async () => (await admin.api.audit.list({ limit: 500 })).entries.length;

describe("every mutation refuses malformed input with a clear error, and writes nothing", () => {
  it("covers the API's mutations", () => {
    expect(mutations.length).toBeGreaterThan(30);
  });

  it.each(mutations.filter((path) => path !== "auth.signOut"))(
    "%s: wrong types, unknown fields, oversized text",
    async (path) => {
      const before = await auditCount();
      for (const input of [
        42,
        "text",
        [],
        { unexpected: true },
        { caseId: 12, id: 12, urn: "x".repeat(20_000), tenant: { nested: true }, unexpected: "x".repeat(20_000) },
      ]) {
        await expect(
          call(senior, path, input),
          `${path} with ${JSON.stringify(input).slice(0, 40)}`,
        ).rejects.toMatchObject({ code: "BAD_REQUEST" });
      }
      expect(await auditCount()).toBe(before);
    },
  );
});
