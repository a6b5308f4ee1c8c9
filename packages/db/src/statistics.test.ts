import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import { analyzeTenantTables } from "./statistics.ts";
import { withTenant } from "./tenant.ts";
import { createTestTenant, openTestDatabase } from "./testing/index.ts";

let database: StewardDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

/** How many rows the planner believes a table holds (-1: never analysed). */
async function plannerRows(table: string): Promise<number> {
  const { rows } = await sql<{ rows: number }>`
    select reltuples::int as rows from pg_class where oid = ${table}::regclass
  `.execute(database.db);
  return Number(rows[0]?.rows);
}

describe("analyzeTenantTables", () => {
  it("brings the planner's row counts up to date after a bulk load, for the tables named or all of them", async () => {
    const tenant = await createTestTenant(database.db);
    await withTenant(database.db, tenant.id, (trx) =>
      sql`
        insert into schools (tenant_id, urn, name)
        select ${tenant.id}, 100000 + i, 'School ' || i from generate_series(1, 300) i
      `.execute(trx),
    );
    expect(await plannerRows("schools")).not.toBe(300);

    await analyzeTenantTables(database.db, ["audit_log"]);
    expect(await plannerRows("schools")).not.toBe(300);

    await analyzeTenantTables(database.db, ["schools"]);
    expect(await plannerRows("schools")).toBe(300);

    await withTenant(database.db, tenant.id, (trx) =>
      sql`insert into audit_log (tenant_id, action, subject_type) select ${tenant.id}, 'loaded', 'Test' from generate_series(1, 40)`.execute(
        trx,
      ),
    );
    await analyzeTenantTables(database.db);
    expect(await plannerRows("audit_log")).toBe(40);
  });
});
