import {
  appendAudit,
  findImportRun,
  insertImportRun,
  insertIndicatorValues,
  listIndicatorValues,
  listSchoolKeys,
  markImportRunUndone,
  saveImportMapping,
  type TenantTransaction,
} from "@steward/db";
import { DomainError } from "@steward/domain";
import type { IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

import { ApiError } from "../../errors.ts";
import { convertValue, parseDateText, readStoredValue, type IndicatorValue } from "./convert.ts";
import { assertColumnsInFile, getMappedIndicators, readMappingRow, type Mapping } from "./mapping.ts";
import {
  getFileBytes,
  readTableFile,
  TableFileError,
  type Cell,
  type Table,
  type TableRow,
  type UploadedFile,
} from "./table-file.ts";

/** One row (or one value of a row) not imported, and why. */
interface ImportRejection {
  line: number;
  column?: string | undefined;
  reason: string;
}

/** What an import does (or did): counted per value, each rejection with its line and reason. */
interface ImportReport {
  /** Rows read below the header. */
  rows: number;
  /** Rows left out by the mapping's row filters (other areas, breakdowns, periods). */
  filtered: number;
  /** Values that are new, or differ from the value already stored as at the same date. */
  applied: number;
  /** Values the same as the one already stored as at the same date. */
  unchanged: number;
  /** Cells with no value (a DfE suppression marker such as SUPP, NE, x or c, or empty). */
  skipped: number;
  rejected: ImportRejection[];
  schools: number;
  /** Per indicator: how many values it would gain. */
  indicators: { key: string; label: string; applied: number }[];
}

interface PlannedValue {
  schoolUrn: number;
  indicator: string;
  value: IndicatorValue;
  asAt: string;
}

export interface ImportPlan {
  report: ImportReport;
  values: PlannedValue[];
}

/** Who imports: the request's transaction, tenant and user, and the clock. */
export interface Importer {
  trx: TenantTransaction;
  tenantId: string;
  user: { id: string; displayName: string };
  now: () => Date;
}

const cellText = (cell: Cell | undefined): string =>
  cell instanceof Date
    ? cell.toISOString().slice(0, 10)
    : cell === null || cell === undefined
      ? ""
      : String(cell).trim();

/** A LAESTAB written 8732001 or 873/2001 (or with spaces), as its seven digits. */
const normaliseLaestab = (text: string) => text.replace(/[\s/]/g, "");

/** Finds each row's school by URN or LAESTAB among the tenant's schools. */
async function getSchoolFinder(trx: TenantTransaction, mapping: Mapping) {
  const keys = await listSchoolKeys(trx);
  const urns = new Set(keys.map((k) => k.urn));
  const byLaestab = new Map(keys.flatMap((k) => (k.laestab ? [[normaliseLaestab(k.laestab), k.urn] as const] : [])));
  return (row: TableRow): { urn: number } | { reason: string } => {
    const text = cellText(row.cells[mapping.keyColumn]);
    if (mapping.keyKind === "urn") {
      if (!/^\d+$/.test(text)) return { reason: text ? `"${text}" is not a URN.` : "The row has no URN." };
      return urns.has(Number(text))
        ? { urn: Number(text) }
        : { reason: `There is no school with URN ${text} in the register.` };
    }
    const laestab = normaliseLaestab(text);
    if (!/^\d{7}$/.test(laestab)) return { reason: text ? `"${text}" is not a LAESTAB.` : "The row has no LAESTAB." };
    const urn = byLaestab.get(laestab);
    return urn ? { urn } : { reason: `There is no school with LAESTAB ${text} in the register.` };
  };
}

function getAsAt(row: TableRow, mapping: Mapping): { asAt: string } | { reason: string } {
  if ("date" in mapping.asAt) return { asAt: mapping.asAt.date };
  const text = cellText(row.cells[mapping.asAt.column]);
  const asAt = parseDateText(text);
  return asAt ? { asAt } : { reason: `The as-at date "${text}" is not a date (write YYYY-MM-DD or DD/MM/YYYY).` };
}

const passesFilters = (row: TableRow, mapping: Mapping) =>
  mapping.rowFilters.every((f) => cellText(row.cells[f.column]).toLowerCase() === f.equals.trim().toLowerCase());

/** The value stored for each school, indicator and as-at date (the latest recorded), to tell unchanged values. */
async function getStoredValues(trx: TenantTransaction, urns: number[], indicators: string[]) {
  const stored = new Map<string, IndicatorValue | null>();
  for (const v of await listIndicatorValues(trx, urns, { indicators })) {
    const key = `${v.schoolUrn}|${v.indicator}|${v.asAt}`;
    if (!stored.has(key)) stored.set(key, readStoredValue(v.value));
  }
  return stored;
}

/** The values of one row the mapping reads, each converted by its indicator's type (or counted as no value, or rejected). */
function readRowValues(row: TableRow, byColumn: Map<string, IndicatorDefinition>, report: ImportReport) {
  const values: { column: string; indicator: IndicatorDefinition; value: IndicatorValue }[] = [];
  for (const [column, indicator] of byColumn) {
    const converted = convertValue(indicator, row.cells[column] ?? null);
    if (converted.kind === "none") report.skipped += 1;
    else if (converted.kind === "error") report.rejected.push({ line: row.line, column, reason: converted.reason });
    else values.push({ column, indicator, value: converted.value });
  }
  return values;
}

/** Reads a table with a mapping into the values it would store, and the report: writes nothing. */
async function planFromTable(
  trx: TenantTransaction,
  table: Table,
  mapping: Mapping,
  byColumn: Map<string, IndicatorDefinition>,
): Promise<ImportPlan> {
  const findSchool = await getSchoolFinder(trx, mapping);
  const report: ImportReport = {
    ...{ rows: table.rows.length, filtered: 0, applied: 0, unchanged: 0, skipped: 0 },
    ...{ rejected: [], schools: 0, indicators: [] },
  };
  const candidates: (PlannedValue & { line: number; column: string })[] = [];
  for (const row of table.rows) {
    if (!passesFilters(row, mapping)) {
      report.filtered += 1;
      continue;
    }
    const school = findSchool(row);
    if ("reason" in school) {
      report.rejected.push({ line: row.line, column: mapping.keyColumn, reason: school.reason });
      continue;
    }
    const date = getAsAt(row, mapping);
    if ("reason" in date) {
      report.rejected.push({
        line: row.line,
        column: "column" in mapping.asAt ? mapping.asAt.column : undefined,
        reason: date.reason,
      });
      continue;
    }
    for (const { column, indicator, value } of readRowValues(row, byColumn, report))
      candidates.push({
        line: row.line,
        column,
        schoolUrn: school.urn,
        indicator: indicator.key,
        value,
        asAt: date.asAt,
      });
  }
  const stored = await getStoredValues(
    trx,
    [...new Set(candidates.map((c) => c.schoolUrn))],
    [...new Set(candidates.map((c) => c.indicator))],
  );
  return { report, values: settleCandidates(candidates, stored, report, byColumn) };
}

/** Drops values the store already has (unchanged) and refuses a second, different value for the same school, indicator and date. */
function settleCandidates(
  candidates: (PlannedValue & { line: number; column: string })[],
  stored: Map<string, IndicatorValue | null>,
  report: ImportReport,
  byColumn: Map<string, IndicatorDefinition>,
): PlannedValue[] {
  const inFile = new Map<string, { line: number; value: IndicatorValue }>();
  const values: PlannedValue[] = [];
  for (const c of candidates) {
    const key = `${c.schoolUrn}|${c.indicator}|${c.asAt}`;
    const earlier = inFile.get(key);
    if (earlier) {
      if (earlier.value !== c.value)
        report.rejected.push({
          line: c.line,
          column: c.column,
          reason: `Line ${earlier.line} already gives URN ${c.schoolUrn} a different value as at ${c.asAt}: add a row filter so each school has one row.`,
        });
      else report.unchanged += 1;
      continue;
    }
    inFile.set(key, { line: c.line, value: c.value });
    if (stored.has(key) && stored.get(key) === c.value) {
      report.unchanged += 1;
      continue;
    }
    values.push({ schoolUrn: c.schoolUrn, indicator: c.indicator, value: c.value, asAt: c.asAt });
  }
  report.applied = values.length;
  report.schools = new Set(values.map((v) => v.schoolUrn)).size;
  report.indicators = [...byColumn.values()].map((d) => ({
    key: d.key,
    label: d.label,
    applied: values.filter((v) => v.indicator === d.key).length,
  }));
  report.rejected.sort((a, b) => a.line - b.line);
  return values;
}

/**
 * Plans an import (a dry run): the mapping is checked against the policy
 * before the file is read, then every row is read, matched to a school and
 * converted by its indicators' types. Writes nothing.
 */
export async function planImport(
  trx: TenantTransaction,
  policy: PolicyDocument,
  file: UploadedFile,
  mapping: Mapping,
): Promise<ImportPlan> {
  const byColumn = getMappedIndicators(policy, mapping);
  let table: Table;
  try {
    table = await readTableFile(file);
  } catch (error) {
    if (error instanceof TableFileError) throw new DomainError("invalid", error.message, "/file");
    throw error;
  }
  assertColumnsInFile(table.header, mapping);
  return planFromTable(trx, table, mapping, byColumn);
}

/** Applies an import: every value and the run in the request's one transaction, audited. */
export async function applyImport(
  importer: Importer,
  policy: PolicyDocument,
  file: UploadedFile,
  mapping: Mapping & { name?: string | undefined },
) {
  const plan = await planImport(importer.trx, policy, file, mapping);
  if (plan.values.length === 0)
    throw new DomainError(
      "invalid",
      "There is nothing to apply: every value in the file is unchanged, has no value or was rejected.",
      "/file",
    );
  const now = importer.now();
  const run = await insertImportRun(importer.trx, importer.tenantId, {
    mapping,
    fileName: file.name,
    sha256: getFileBytes(file).sha256,
    report: { ...plan.report },
    createdBy: importer.user.id,
    createdAt: now,
  });
  await insertIndicatorValues(
    importer.trx,
    importer.tenantId,
    plan.values.map((v) => ({
      ...v,
      sourceKind: "import",
      importRunId: run.id,
      recordedBy: importer.user.id,
      recordedAt: now,
    })),
  );
  await appendAudit(importer.trx, importer.tenantId, {
    actorId: importer.user.id,
    actorLabel: importer.user.displayName,
    action: "indicator-import-applied",
    subjectType: "ImportRun",
    subjectId: run.id,
    detail: { file: file.name, applied: plan.report.applied, rejected: plan.report.rejected.length },
  });
  return { runId: run.id, report: plan.report };
}

/** Undoes a whole run: its values are no longer read (they stay in the history of the store), audited. */
export async function undoImportRun(importer: Importer, runId: string) {
  const run = await findImportRun(importer.trx, runId);
  if (!run) throw new DomainError("not-found", "That import was not found.", "/runId");
  if (run.status === "undone") throw new DomainError("conflict", "That import has already been undone.", "/runId");
  const undone = await markImportRunUndone(importer.trx, runId, { userId: importer.user.id, now: importer.now() });
  if (!undone) throw new ApiError("stale", "Someone else undid this import at the same moment: reload the list.");
  await appendAudit(importer.trx, importer.tenantId, {
    actorId: importer.user.id,
    actorLabel: importer.user.displayName,
    action: "indicator-import-undone",
    subjectType: "ImportRun",
    subjectId: runId,
    detail: { file: run.file_name },
  });
  return undone;
}

/** Saves a mapping by name (replacing the one of that name, whatever its case), checked against the policy, audited. */
export async function saveNamedMapping(importer: Importer, policy: PolicyDocument, name: string, mapping: Mapping) {
  getMappedIndicators(policy, mapping);
  const { asAt, ...rest } = mapping;
  const row = await saveImportMapping(
    importer.trx,
    importer.tenantId,
    { ...rest, name, asAtDate: "date" in asAt ? asAt.date : null, asAtColumn: "column" in asAt ? asAt.column : null },
    { userId: importer.user.id, now: importer.now() },
  );
  await appendAudit(importer.trx, importer.tenantId, {
    actorId: importer.user.id,
    actorLabel: importer.user.displayName,
    action: "import-mapping-saved",
    subjectType: "ImportMapping",
    subjectId: row.id,
    detail: { name: row.name, columns: mapping.columns.length },
  });
  return readMappingRow(row);
}
