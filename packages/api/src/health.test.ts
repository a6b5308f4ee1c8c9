import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "@steward/db";
import { createTestTenant, openTestDatabase } from "@steward/db/testing";

import { createCaller } from "./root.ts";
import { createContextInner } from "./trpc.ts";

let database: StewardDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const caller = () => createCaller(createContextInner({ database, appVersion: "9.9.9-test" }));

describe("health", () => {
  it("reports the version, the database kind and a migration level with nothing pending", async () => {
    const health = await caller().health();
    expect(health.status).toBe("ok");
    expect(health.version).toBe("9.9.9-test");
    expect(health.database.kind).toBe(process.env.DATABASE_URL ? "postgres" : "embedded");
    expect(health.database.migration.pending).toBe(0);
    expect(health.database.migration.current).toBe(health.database.migration.latest);
  });
});

describe("tenants.list", () => {
  it("lists the authorities by name, without their ids", async () => {
    const tenant = await createTestTenant(database.db, "Listed authority");
    const tenants = await caller().tenants.list();
    expect(tenants).toContainEqual({ slug: tenant.slug, name: tenant.name });
    expect(Object.keys(tenants[0] ?? {})).toEqual(["slug", "name"]);
  });
});
