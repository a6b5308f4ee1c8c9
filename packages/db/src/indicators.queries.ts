import { sql } from "kysely";

import type { ImportMappingRow, ImportRunRow, IndicatorSourceKind } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** One value to store: where it came from is the import run, the form response or (an entry) the user alone. */
export interface IndicatorValueValues {
  schoolUrn: number;
  indicator: string;
  value: string | number | boolean | null;
  asAt: string;
  sourceKind: IndicatorSourceKind;
  importRunId?: string | null;
  formResponseId?: string | null;
  recordedBy: string | null;
  recordedAt?: Date;
  note?: string | null;
}

/** A stored value with who recorded it and, for an import, the file it came from. */
export interface IndicatorValueRecord {
  id: string;
  schoolUrn: number;
  indicator: string;
  /** As stored: the API checks it against the indicator's type. */
  value: unknown;
  asAt: string;
  sourceKind: IndicatorSourceKind;
  importRunId: string | null;
  fileName: string | null;
  formResponseId: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
  note: string | null;
}

const INSERT_CHUNK = 1000;

/** Appends values (in chunks, so a term's file of every school is a few statements). Returns how many were stored. */
export async function insertIndicatorValues(
  trx: TenantTransaction,
  tenantId: string,
  values: readonly IndicatorValueValues[],
): Promise<number> {
  for (let start = 0; start < values.length; start += INSERT_CHUNK) {
    await trx
      .insertInto("indicator_values")
      .values(
        values.slice(start, start + INSERT_CHUNK).map((v) => ({
          tenant_id: tenantId,
          school_urn: v.schoolUrn,
          indicator: v.indicator,
          value: JSON.stringify(v.value),
          as_at: v.asAt,
          source_kind: v.sourceKind,
          import_run_id: v.importRunId ?? null,
          form_response_id: v.formResponseId ?? null,
          recorded_by: v.recordedBy,
          ...(v.recordedAt ? { recorded_at: v.recordedAt } : {}),
          note: v.note ?? null,
        })),
      )
      .execute();
  }
  return values.length;
}

/**
 * The stored values of the given schools (all their indicators, or only
 * `indicators`), newest first within each school and indicator; values of an
 * undone import run are left out.
 */
export async function listIndicatorValues(
  trx: TenantTransaction,
  schoolUrns: readonly number[],
  options: { indicators?: readonly string[] | undefined } = {},
): Promise<IndicatorValueRecord[]> {
  if (schoolUrns.length === 0 || options.indicators?.length === 0) return [];
  let query = trx
    .selectFrom("indicator_values as v")
    .leftJoin("import_runs as r", (join) =>
      join.onRef("r.tenant_id", "=", "v.tenant_id").onRef("r.id", "=", "v.import_run_id"),
    )
    .leftJoin("users as u", (join) => join.onRef("u.tenant_id", "=", "v.tenant_id").onRef("u.id", "=", "v.recorded_by"))
    .where("v.school_urn", "in", [...new Set(schoolUrns)])
    .where((eb) => eb.or([eb("v.import_run_id", "is", null), eb("r.status", "=", "applied")]));
  if (options.indicators) query = query.where("v.indicator", "in", [...new Set(options.indicators)]);
  const rows = await query
    .select([
      "v.id",
      "v.school_urn",
      "v.indicator",
      "v.value",
      "v.as_at",
      "v.source_kind",
      "v.import_run_id",
      "r.file_name",
      "v.form_response_id",
      "v.recorded_by",
      "u.display_name",
      "v.recorded_at",
      "v.note",
    ])
    .orderBy("v.school_urn")
    .orderBy("v.indicator")
    .orderBy("v.as_at", "desc")
    .orderBy("v.recorded_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    schoolUrn: r.school_urn,
    indicator: r.indicator,
    value: r.value,
    asAt: r.as_at,
    sourceKind: r.source_kind,
    importRunId: r.import_run_id,
    fileName: r.file_name,
    formResponseId: r.form_response_id,
    recordedBy: r.recorded_by,
    recordedByName: r.display_name,
    recordedAt: r.recorded_at,
    note: r.note,
  }));
}

// ---------------------------------------------------------------- runs

export interface ImportRunValues {
  mapping: Record<string, unknown>;
  fileName: string;
  sha256: string;
  report: Record<string, unknown>;
  createdBy: string;
  createdAt?: Date;
}

export async function insertImportRun(
  trx: TenantTransaction,
  tenantId: string,
  run: ImportRunValues,
): Promise<ImportRunRow> {
  return trx
    .insertInto("import_runs")
    .values({
      tenant_id: tenantId,
      mapping: JSON.stringify(run.mapping),
      file_name: run.fileName,
      sha256: run.sha256,
      report: JSON.stringify(run.report),
      created_by: run.createdBy,
      ...(run.createdAt ? { created_at: run.createdAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An import run with the names of who applied and who undid it. */
export type ImportRunRecord = ImportRunRow & { created_by_name: string | null; undone_by_name: string | null };

/** The latest runs first, with the names of who applied and undid them. */
export async function listImportRuns(trx: TenantTransaction, options: { limit: number }): Promise<ImportRunRecord[]> {
  return trx
    .selectFrom("import_runs as r")
    .leftJoin("users as c", (join) => join.onRef("c.tenant_id", "=", "r.tenant_id").onRef("c.id", "=", "r.created_by"))
    .leftJoin("users as d", (join) => join.onRef("d.tenant_id", "=", "r.tenant_id").onRef("d.id", "=", "r.undone_by"))
    .selectAll("r")
    .select(["c.display_name as created_by_name", "d.display_name as undone_by_name"])
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .limit(options.limit)
    .execute();
}

export async function findImportRun(trx: TenantTransaction, id: string): Promise<ImportRunRow | undefined> {
  return trx.selectFrom("import_runs").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Marks an applied run undone (its values no longer read); undefined when it was not applied. */
export async function markImportRunUndone(
  trx: TenantTransaction,
  id: string,
  values: { userId: string; now: Date },
): Promise<ImportRunRow | undefined> {
  return trx
    .updateTable("import_runs")
    .set({ status: "undone", undone_by: values.userId, undone_at: values.now })
    .where("id", "=", id)
    .where("status", "=", "applied")
    .returningAll()
    .executeTakeFirst();
}

/** How many values a run stored. */
export async function countImportRunValues(trx: TenantTransaction, runId: string): Promise<number> {
  const row = await trx
    .selectFrom("indicator_values")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("import_run_id", "=", runId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------- mappings

export interface ImportMappingValues {
  name: string;
  keyColumn: string;
  keyKind: "urn" | "laestab";
  asAtDate: string | null;
  asAtColumn: string | null;
  rowFilters: readonly { column: string; equals: string }[];
  columns: readonly { column: string; indicator: string }[];
}

export async function listImportMappings(trx: TenantTransaction): Promise<ImportMappingRow[]> {
  return trx
    .selectFrom("import_mappings")
    .selectAll()
    .orderBy(sql`lower(name)`)
    .execute();
}

export async function findImportMapping(trx: TenantTransaction, id: string): Promise<ImportMappingRow | undefined> {
  return trx.selectFrom("import_mappings").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Saves a mapping by name (whatever its case): replaces the one of that name, or adds it. */
export async function saveImportMapping(
  trx: TenantTransaction,
  tenantId: string,
  mapping: ImportMappingValues,
  values: { userId: string; now: Date },
): Promise<ImportMappingRow> {
  const row = {
    name: mapping.name.trim(),
    key_column: mapping.keyColumn,
    key_kind: mapping.keyKind,
    as_at_date: mapping.asAtDate,
    as_at_column: mapping.asAtColumn,
    row_filters: JSON.stringify(mapping.rowFilters),
    columns: JSON.stringify(mapping.columns),
    updated_by: values.userId,
    updated_at: values.now,
  };
  const existing = await trx
    .selectFrom("import_mappings")
    .select("id")
    .where(sql<boolean>`lower(name) = ${row.name.toLowerCase()}`)
    .executeTakeFirst();
  if (existing)
    return trx
      .updateTable("import_mappings")
      .set(row)
      .where("id", "=", existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  return trx
    .insertInto("import_mappings")
    .values({ tenant_id: tenantId, ...row, created_by: values.userId })
    .returningAll()
    .executeTakeFirstOrThrow();
}
