import { sql } from "kysely";

import { accessToSql, schoolAttributeColumns, type AccessFilter } from "./access.ts";
import type { Governance, School } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

export interface SchoolFilter {
  search?: string | undefined;
  phase?: string | undefined;
  governance?: Governance | undefined;
  status?: "open" | "closed" | "proposed" | undefined;
  limit: number;
  offset: number;
}

/** How the School subject's fields (SUBJECT_FIELDS) map to columns. */
const schoolColumns = {
  schoolUrn: sql.ref("schools.urn"),
  phase: sql.ref("schools.phase"),
  governance: sql.ref("schools.governance"),
  district: sql.ref("schools.district"),
  ...schoolAttributeColumns("schools"),
};

/** Schools the access filter allows, matching the filter, by name; with the total for paging. */
export async function listSchools(trx: TenantTransaction, access: AccessFilter, filter: SchoolFilter) {
  let query = trx.selectFrom("schools").where(accessToSql(access, schoolColumns));
  if (filter.search?.trim()) {
    const text = filter.search.trim();
    query = /^\d+$/.test(text)
      ? query.where((eb) => eb.or([eb("urn", "=", Number(text)), eb("laestab", "=", text)]))
      : query.where(sql<boolean>`lower(name) like ${`%${text.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`}`);
  }
  if (filter.phase) query = query.where("phase", "=", filter.phase);
  if (filter.governance) query = query.where("governance", "=", filter.governance);
  if (filter.status) query = query.where("status", "=", filter.status);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy("name").orderBy("urn").limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export async function findSchool(trx: TenantTransaction, urn: number): Promise<School | undefined> {
  return trx.selectFrom("schools").selectAll().where("urn", "=", urn).executeTakeFirst();
}

/** Every school of the tenant by URN and LAESTAB: what an import's rows are matched against. */
export async function listSchoolKeys(trx: TenantTransaction): Promise<{ urn: number; laestab: string | null }[]> {
  return trx.selectFrom("schools").select(["urn", "laestab"]).execute();
}

export async function findSchools(trx: TenantTransaction, urns: readonly number[]): Promise<School[]> {
  if (urns.length === 0) return [];
  return trx
    .selectFrom("schools")
    .selectAll()
    .where("urn", "in", [...new Set(urns)])
    .execute();
}

export interface SchoolValues {
  urn: number;
  name: string;
  laCode: string | null;
  laestab: string | null;
  phase: string | null;
  typeOfEstablishment: string | null;
  governance: Governance;
  trust: string | null;
  status: "open" | "closed" | "proposed";
  openedOn: string | null;
  closedOn: string | null;
  postcode: string | null;
  district: string | null;
  data: Record<string, unknown>;
}

/** JSON with keys sorted (jsonb keeps its own key order), for comparing values. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/**
 * Inserts or updates schools by URN. Returns which were added and which
 * changed (a row identical to the stored one counts as neither).
 */
export async function upsertSchools(trx: TenantTransaction, tenantId: string, schools: readonly SchoolValues[]) {
  const added: number[] = [];
  const updated: number[] = [];
  const unchanged: number[] = [];
  const existing = new Map(
    (
      await findSchools(
        trx,
        schools.map((s) => s.urn),
      )
    ).map((s) => [s.urn, s]),
  );
  for (const school of schools) {
    const row = {
      name: school.name,
      la_code: school.laCode,
      laestab: school.laestab,
      phase: school.phase,
      type_of_establishment: school.typeOfEstablishment,
      governance: school.governance,
      trust: school.trust,
      status: school.status,
      opened_on: school.openedOn,
      closed_on: school.closedOn,
      postcode: school.postcode,
      district: school.district,
    };
    const before = existing.get(school.urn);
    if (!before) {
      await trx
        .insertInto("schools")
        .values({ tenant_id: tenantId, urn: school.urn, ...row, data: JSON.stringify(school.data) })
        .execute();
      added.push(school.urn);
      continue;
    }
    const data = { ...before.data, ...school.data };
    const same =
      (Object.keys(row) as (keyof typeof row)[]).every((k) => (before[k] ?? null) === (row[k] ?? null)) &&
      canonical(data) === canonical(before.data);
    if (same) {
      unchanged.push(school.urn);
      continue;
    }
    await trx
      .updateTable("schools")
      .set({ ...row, data: JSON.stringify(data), updated_at: new Date() })
      .where("urn", "=", school.urn)
      .execute();
    updated.push(school.urn);
  }
  return { added, updated, unchanged };
}

/** Merges values into schools' `data` (e.g. links to predecessor and successor URNs). */
export async function mergeSchoolData(
  trx: TenantTransaction,
  urn: number,
  data: Record<string, unknown>,
): Promise<boolean> {
  const result = await trx
    .updateTable("schools")
    .set({ data: sql`data || ${JSON.stringify(data)}::jsonb` as never, updated_at: new Date() })
    .where("urn", "=", urn)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Distinct phases in the register (for filters). */
export async function listSchoolPhases(trx: TenantTransaction): Promise<string[]> {
  const rows = await trx
    .selectFrom("schools")
    .select("phase")
    .distinct()
    .where("phase", "is not", null)
    .orderBy("phase")
    .execute();
  return rows.flatMap((r) => (r.phase ? [r.phase] : []));
}
