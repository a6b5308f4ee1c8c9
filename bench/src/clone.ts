// Cloning at the SQL level, generic over the schema: every table with a tenant_id column is copied, whatever
// migrations have added since this was written. Identifiers are remapped by a hash of (salt, old id) so every
// reference inside a copy stays consistent; URNs are shifted so each authority's schools are its own.
import { sql } from "kysely";

import type { StewardDatabase } from "@steward/db";

import { URN_BASE, URN_STRIDE } from "./template.ts";

type Db = StewardDatabase["db"];

interface Column {
  name: string;
  type: string;
}

/** Tables that hold what a tenant did, not what it is: never cloned (sign-in sessions and throttles). */
const TRANSIENT = new Set(["sessions", "sign_in_throttle"]);

const isUrn = (c: Column) => /(^|_)urn$/.test(c.name) && /int/.test(c.type);
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every tenant-owned table and its insertable columns (generated columns are left to the database). */
async function tenantTables(db: Db): Promise<Map<string, Column[]>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select c.table_name, c.column_name, c.data_type
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.is_generated = 'NEVER'
      and c.table_name in (select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id')
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, Column[]>();
  for (const r of rows) {
    if (TRANSIENT.has(r.table_name)) continue;
    tables.set(r.table_name, [...(tables.get(r.table_name) ?? []), { name: r.column_name, type: r.data_type }]);
  }
  return tables;
}

/** Runs `fn` on one connection with foreign-key and append-only triggers off (a bulk copy of consistent rows). */
async function bulk<T>(db: Db, fn: (conn: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`set session_replication_role = replica`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`set session_replication_role = origin`.execute(conn);
    }
  });
}

/** A new id for an old one: a hash of (salt, old id), shaped as a version-4 UUID (the API checks the shape). */
const hashed = (salt: string, column: string) =>
  `overlay(overlay(md5(${salt} || '/' || ${column}::text) placing '4' from 13) placing '8' from 17)::uuid`;

/**
 * A case's stored state repeats some of its row (its id, school, policy version and officer): the copy's
 * state says the copy's. `id` and `urn` are SQL for the new values; `remap`, when given, maps another id.
 */
function stateOf(id: string, urn: string, name: string | undefined, remap?: (column: string) => string): string {
  const school = `(x.state->'school') || jsonb_build_object('urn', ${urn}${name ? `, 'name', ${name}` : ""})`;
  const parts = [`jsonb_build_object('id', (${id})::text, 'school', ${school})`];
  if (remap)
    for (const key of ["policyVersionId", "assignedOfficerId"])
      parts.push(
        `case when jsonb_typeof(x.state->'${key}') = 'string' then jsonb_build_object('${key}', (${remap(`(x.state->>'${key}')`)})::text) else '{}'::jsonb end`,
      );
  return `x.state || ${parts.join(" || ")}`;
}

/**
 * Gives every other school of the template a case copied from a pattern case (school i gets pattern i mod
 * `patterns`), with all its events and anything else hung on the case: new ids, the school's URN.
 */
export async function clonePatternCases(db: Db, tenantId: string, patterns: number, schools: number): Promise<void> {
  if (schools <= patterns) return;
  await bulk(db, async (conn) => {
    const tables = await tenantTables(conn);
    const targets = `generate_series(${URN_BASE + patterns}, ${URN_BASE + schools - 1}) as t(urn)`;
    const patternOf = `${URN_BASE} + ((t.urn - ${URN_BASE}) % ${patterns})`;
    const cases = tables.get("cases");
    if (!cases) throw new Error("There is no cases table to clone.");
    const newId = hashed("t.urn::text", "x.id");
    const name = `(select s.name from schools s where s.tenant_id = x.tenant_id and s.urn = t.urn)`;
    const caseColumns = cases.map((c) =>
      c.name === "id"
        ? newId
        : c.name === "school_urn"
          ? "t.urn"
          : c.name === "state" && c.type === "jsonb"
            ? stateOf(newId, "t.urn", name)
            : `x.${ident(c.name)}`,
    );
    await sql
      .raw(
        `insert into cases (${cases.map((c) => ident(c.name)).join(", ")}) overriding system value
         select ${caseColumns.join(", ")} from cases x join ${targets} on x.school_urn = ${patternOf}
         where x.tenant_id = '${tenantId}'`,
      )
      .execute(conn);
    for (const [table, columns] of tables) {
      if (table === "cases" || !columns.some((c) => c.name === "case_id")) continue;
      const exprs = columns.map((c) => {
        if (c.name === "case_id") return hashed("t.urn::text", "x.case_id");
        if (c.name === "id" && c.type === "uuid") return hashed("t.urn::text || '/' || x.case_id::text", "x.id");
        if (isUrn(c)) return "t.urn";
        return `x.${ident(c.name)}`;
      });
      await sql
        .raw(
          `insert into ${ident(table)} (${columns.map((c) => ident(c.name)).join(", ")}) overriding system value
           select ${exprs.join(", ")}
           from ${ident(table)} x
           join cases p on p.tenant_id = x.tenant_id and p.id = x.case_id
           join ${targets} on p.school_urn = ${patternOf}
           where x.tenant_id = '${tenantId}'`,
        )
        .execute(conn);
    }
  });
}

export interface CloneTarget {
  /** 1, 2, ...: the clone's URNs are the template's plus k * URN_STRIDE. */
  k: number;
  slug: string;
  name: string;
  /** How many of the template's schools (first by URN) it has, each with its case. */
  schools: number;
}

/**
 * Copies the template tenant, whole or its first schools, to each target: every tenant-owned row, with new
 * ids (a hash of the new tenant's id and the old id), the new tenant's id and shifted URNs.
 */
export async function cloneTenants(db: Db, templateId: string, targets: readonly CloneTarget[]): Promise<void> {
  if (targets.length === 0) return;
  await bulk(db, async (conn) => {
    const tables = await tenantTables(conn);
    await sql`create temp table if not exists bench_clone (k int, tenant_id uuid, slug text, name text, size int)`.execute(
      conn,
    );
    await sql`truncate bench_clone`.execute(conn);
    for (const t of targets)
      await sql`insert into bench_clone values (${t.k}, gen_random_uuid(), ${t.slug}, ${t.name}, ${t.schools})`.execute(
        conn,
      );
    const { rows } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = 'tenants' and is_generated = 'NEVER' order by ordinal_position`.execute(
      conn,
    );
    const tenantColumns = rows.map((r) => r.column_name);
    const tenantExprs = tenantColumns.map((c) =>
      c === "id" ? "b.tenant_id" : c === "slug" ? "b.slug" : c === "name" ? "b.name" : `x.${ident(c)}`,
    );
    await sql
      .raw(
        `insert into tenants (${tenantColumns.map(ident).join(", ")}) overriding system value
         select ${tenantExprs.join(", ")} from tenants x cross join bench_clone b where x.id = '${templateId}'`,
      )
      .execute(conn);
    for (const [table, columns] of tables) {
      const exprs = columns.map((c) => {
        if (c.name === "tenant_id") return "b.tenant_id";
        if (table === "cases" && c.name === "state" && c.type === "jsonb")
          return stateOf(
            hashed("b.tenant_id::text", "x.id"),
            `x.school_urn + b.k * ${URN_STRIDE}`,
            undefined,
            (column) => hashed("b.tenant_id::text", column),
          );
        if (c.type === "uuid")
          return `case when x.${ident(c.name)} is null then null else ${hashed("b.tenant_id::text", `x.${ident(c.name)}`)} end`;
        if (isUrn(c)) return `x.${ident(c.name)} + b.k * ${URN_STRIDE}`;
        return `x.${ident(c.name)}`;
      });
      const filters = [`x.tenant_id = '${templateId}'`];
      for (const c of columns.filter(isUrn))
        filters.push(`(x.${ident(c.name)} is null or x.${ident(c.name)} < ${URN_BASE} + b.size)`);
      if (table !== "cases" && columns.some((c) => c.name === "case_id"))
        filters.push(
          `(x.case_id is null or exists (select 1 from cases c where c.tenant_id = x.tenant_id and c.id = x.case_id and c.school_urn < ${URN_BASE} + b.size))`,
        );
      await sql
        .raw(
          `insert into ${ident(table)} (${columns.map((c) => ident(c.name)).join(", ")}) overriding system value
           select ${exprs.join(", ")} from ${ident(table)} x cross join bench_clone b where ${filters.join(" and ")}`,
        )
        .execute(conn);
    }
  });
}

/**
 * Fresh planner statistics for every table (what an operator runs after a bulk load), and the visibility map
 * autovacuum would soon write: both measurement points (2 and 153 authorities) are then in the steady state.
 */
export async function analyse(db: Db): Promise<void> {
  await sql`vacuum (analyze)`.execute(db);
}

/** Rows in the tenant tables that matter for scale. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const { rows } = await sql<{ tenants: number; schools: number; cases: number; case_events: number }>`
    select (select count(*) from tenants)::int as tenants, (select count(*) from schools)::int as schools,
           (select count(*) from cases)::int as cases, (select count(*) from case_events)::int as case_events`.execute(
    db,
  );
  return rows[0] ?? {};
}
