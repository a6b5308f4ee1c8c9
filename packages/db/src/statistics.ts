import { sql, type Kysely } from "kysely";

import type { Database } from "./schema.ts";

/** The tables that hold a tenant_id column: every tenant-owned table (read from the catalog, so a new one is never missed). */
async function tenantTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ table: string }>`
    select c.relname as "table"
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
    where n.nspname = current_schema() and c.relkind in ('r', 'p')
    order by c.relname
  `.execute(db);
  return rows.map((r) => r.table);
}

/**
 * Refreshes the planner's statistics of the tenant tables (or of the ones
 * named), after a bulk load: provisioning an authority's schools, an import,
 * the demo. Without them a table that grew from nothing in one transaction
 * still looks empty to the planner until autovacuum next samples it, and every
 * list is planned as a sequential scan with the row-level security filter
 * evaluated per row (measured 13-111x slower at national scale). Run it with
 * the connecting user's `db`, after the tenant transaction has committed:
 * ANALYZE needs the table's owner, and it sees only committed rows.
 */
export async function analyzeTenantTables(db: Kysely<Database>, only?: readonly string[]): Promise<void> {
  const known = await tenantTables(db);
  const tables = only ? known.filter((t) => only.includes(t)) : known;
  if (tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
