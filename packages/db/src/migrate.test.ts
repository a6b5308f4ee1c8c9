import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { migrations } from "../migrations/index.ts";
import { connectDatabase, type StewardDatabase } from "./connection.ts";
import { getMigrationLevel, migrateToLatest } from "./migrate.ts";
import { createServerDatabase } from "./testing/index.ts";

// This file starts from a truly empty database (not the migrated template).
let database: StewardDatabase;
let dropServerDatabase: (() => Promise<void>) | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const fresh = await createServerDatabase(process.env.DATABASE_URL);
    dropServerDatabase = () => fresh.drop();
    database = await connectDatabase({ databaseUrl: fresh.url });
  } else {
    database = await connectDatabase({});
  }
});

afterAll(async () => {
  await database.close();
  await dropServerDatabase?.();
});

describe("migrations", () => {
  it("run up from an empty database and report the level", async () => {
    const before = await getMigrationLevel(database.db);
    expect(before.current).toBeNull();
    expect(before.pending).toBe(Object.keys(migrations).length);

    const result = await migrateToLatest(database.db);
    expect(result.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => "Success"));

    const after = await getMigrationLevel(database.db);
    expect(after.current).toBe(after.latest);
    expect(after.pending).toBe(0);

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name
    `.execute(database.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        "audit_log",
        "case_events",
        "cases",
        "policy_versions",
        "schools",
        "sessions",
        "tenants",
        "users",
      ]),
    );
  });

  it("are idempotent: running them again at start changes nothing", async () => {
    const again = await migrateToLatest(database.db);
    expect(again.results).toEqual([]);
    const level = await getMigrationLevel(database.db);
    expect(level.applied).toBe(Object.keys(migrations).length);
  });

  it("force row-level security on every tenant-owned table", async () => {
    const rows = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relname in ('users', 'sessions', 'policy_versions', 'schools', 'cases', 'case_events', 'audit_log')
    `.execute(database.db);
    expect(rows.rows).toHaveLength(7);
    for (const row of rows.rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });

  it("put tenant_id first in the primary key of every tenant-owned table", async () => {
    // Not tenant-owned: the tenants themselves, and the sign-in flood guard's counts per client address
    // (address_attempts: across every authority, so that one address has one budget).
    const rows = await sql<{ table_name: string; first_column: string }>`
      select tc.table_name, kcu.column_name as first_column
      from information_schema.table_constraints tc
      join information_schema.key_column_usage kcu
        on kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name and kcu.ordinal_position = 1
      where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public'
        and tc.table_name not in ('tenants', 'address_attempts')
        and tc.table_name not like 'kysely%'
    `.execute(database.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows.rows) expect(row.first_column, row.table_name).toBe("tenant_id");
  });
});
