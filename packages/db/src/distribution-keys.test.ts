// Every key of a tenant-owned table leads with tenant_id: row-level security
// filters every query on it, so an index that starts elsewhere reads other
// authorities' entries, and it is the column a Citus cluster would distribute
// the tables by (a distributed table's primary and unique keys must include it,
// and co-located joins need it). Read from the catalog, so a new table or index
// that breaks the rule fails here, named, with the exceptions below and why.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StewardDatabase } from "./connection.ts";
import { openTestDatabase } from "./testing/index.ts";

/** Tables without tenant_id, and why. */
const NOT_TENANT_OWNED: Record<string, string> = {
  tenants: "the authorities themselves: a reference table on Citus (copied to every node), keyed by id",
  kysely_migration: "the migration log: one per database, read only by the migrator",
  kysely_migration_lock: "the migrator's lock: one per database",
  address_attempts:
    "the per-address flood guard on sign-in: one budget per address across every authority, so no tenant owns it",
};

/** Indexes on tenant tables that do not lead with tenant_id, and why that is right. */
const INDEX_EXCEPTIONS: Record<string, string> = {
  users_grants:
    "a GIN index of the roles' JSON (who holds a role for a school): GIN cannot lead with a uuid without the " +
    "btree_gin extension, which the embedded database lacks; row-level security still confines the rows it finds, " +
    "it is not unique (Citus needs the distribution column only in unique keys), and the users of one authority are few",
};

let database: StewardDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe("distribution keys", () => {
  it("every table holds tenant_id but the named reference tables", async () => {
    const { rows } = await sql<{ table: string }>`
      select c.relname as "table"
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
        and not exists (
          select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        )
      order by 1
    `.execute(database.db);
    expect(rows.map((r) => r.table)).toEqual(Object.keys(NOT_TENANT_OWNED).sort());
  });

  it("every primary key, unique constraint and index of a tenant table leads with tenant_id", async () => {
    const { rows } = await sql<{ index: string; definition: string; first: string | null }>`
      select i.relname as "index", pg_get_indexdef(x.indexrelid) as definition,
        (select a.attname from pg_attribute a where a.attrelid = c.oid and a.attnum = x.indkey[0]) as first
      from pg_index x
      join pg_class c on c.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema()
        and exists (
          select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
        )
      order by 1
    `.execute(database.db);
    expect(rows.length).toBeGreaterThan(20);
    const offenders = rows
      .filter((r) => r.first !== "tenant_id" && !(r.index in INDEX_EXCEPTIONS))
      .map((r) => r.definition);
    expect(offenders).toEqual([]);
    // An exception whose index is gone (or now leads with tenant_id) is removed from the list, not kept as a loophole.
    const stale = Object.keys(INDEX_EXCEPTIONS).filter(
      (name) => !rows.some((r) => r.index === name && r.first !== "tenant_id"),
    );
    expect(stale).toEqual([]);
  });
});
