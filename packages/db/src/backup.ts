// Backing up and restoring the embedded database: its whole data folder as PGlite's own tarball
// (`dumpDataDir`, gzip), which PGlite loads back as it is (`loadDataDir`). Both hold the folder's
// lock throughout, so neither runs beside a server on the same folder. PostgreSQL is backed up with
// its own tools (docs/operations.md#backups).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";

import { acquireDataDirLock } from "./data-dir-lock.ts";
import { getMigrationLevel, type MigrationLevel } from "./migrate.ts";
import { PGliteDialect } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";

/** A backup or restore that cannot go ahead, with the sentence saying why and what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/** What a backup holds (or a restore put back): its migration level and how much data. */
export interface BackupSummary {
  migration: MigrationLevel;
  counts: { tenants: number; schools: number; cases: number; caseEvents: number };
}

const pgFolder = (dataDir: string) => path.join(path.resolve(dataDir), "pg");

async function summarise(pglite: PGlite): Promise<BackupSummary> {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    const migration = await getMigrationLevel(db);
    // The folder's owner (PGlite's one user) reads every authority's rows: row-level security does not apply to it.
    const { rows } = await sql<{ tenants: number; schools: number; cases: number; caseEvents: number }>`
      select (select count(*)::int from tenants) as tenants, (select count(*)::int from schools) as schools,
             (select count(*)::int from cases) as cases, (select count(*)::int from case_events) as "caseEvents"`.execute(
      db,
    );
    return { migration, counts: rows[0] ?? { tenants: 0, schools: 0, cases: 0, caseEvents: 0 } };
  } finally {
    await db.destroy();
  }
}

/**
 * The embedded database in `dataDir`, as a gzipped tarball of its folder, and what it holds. Refuses
 * (DataDirLockedError, naming the pid) while a server has the folder: a copy of a folder PostgreSQL
 * is writing to would not be consistent.
 */
export async function backupEmbeddedDatabase(dataDir: string): Promise<{ archive: Blob; summary: BackupSummary }> {
  const folder = pgFolder(dataDir);
  if (!existsSync(path.join(folder, "PG_VERSION")))
    throw new BackupError(
      `There is no embedded database in ${path.resolve(dataDir)}: set STEWARD_DATA_DIR to the folder the server uses.`,
    );
  const lock = acquireDataDirLock(path.resolve(dataDir));
  try {
    const pglite = await PGlite.create({ dataDir: folder });
    try {
      const summary = await summarise(pglite);
      if (summary.migration.applied === 0)
        throw new BackupError(`The embedded database in ${path.resolve(dataDir)} is empty (never migrated).`);
      return { archive: await pglite.dumpDataDir("gzip"), summary };
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

/** The names of the entries of a tar archive (ustar headers, 512-byte blocks). */
function tarEntryNames(tar: Uint8Array): string[] {
  const names: string[] = [];
  const text = new TextDecoder();
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    if (text.decode(header.subarray(257, 262)) !== "ustar") throw new Error("not a tar archive");
    const name = text.decode(header.subarray(0, 100)).replace(/\0.*$/s, "");
    const size = Number.parseInt(text.decode(header.subarray(124, 136)).replace(/\0.*$/s, "").trim() || "0", 8);
    if (!Number.isFinite(size)) throw new Error("a damaged tar header");
    names.push(name);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

/** Whether the bytes are an embedded database's backup: a gzipped tarball of a PostgreSQL data folder. */
function checkBackupArchive(bytes: Uint8Array, file: string): void {
  const notOne = (why: string) =>
    new BackupError(
      `${file} is not a backup of the embedded database (${why}): give a file written by "pnpm steward backup".`,
    );
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw notOne("it is not gzip-compressed");
  let names: string[];
  try {
    names = tarEntryNames(gunzipSync(bytes));
  } catch (error) {
    throw notOne(error instanceof Error ? `it cannot be read: ${error.message}` : "it cannot be read");
  }
  if (!names.some((name) => name.replace(/^\.?\//, "") === "PG_VERSION"))
    throw notOne("it holds no PostgreSQL data folder");
}

/**
 * Puts a backup back as the embedded database in `dataDir`. Refuses while a server has the folder,
 * and refuses a folder that already holds a database unless `force` (which replaces it: the old one
 * is kept aside until the restored one has opened, and put back if it does not).
 */
export async function restoreEmbeddedDatabase(
  dataDir: string,
  bytes: Uint8Array,
  { file, force = false }: { file: string; force?: boolean },
): Promise<BackupSummary> {
  checkBackupArchive(bytes, file);
  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  const lock = acquireDataDirLock(absolute);
  try {
    const folder = pgFolder(absolute);
    const occupied = existsSync(folder) && readdirSync(folder).length > 0;
    if (occupied && !force)
      throw new BackupError(
        `${absolute} already holds a database: restore into an empty folder (set STEWARD_DATA_DIR to a new one), or add --force to replace it (back it up first).`,
      );
    const aside = occupied ? `${folder}.before-restore-${Date.now()}` : undefined;
    if (aside) renameSync(folder, aside);
    else rmSync(folder, { recursive: true, force: true });
    try {
      const pglite = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(bytes)]) });
      try {
        const summary = await summarise(pglite);
        if (aside) rmSync(aside, { recursive: true, force: true });
        return summary;
      } finally {
        await pglite.close();
      }
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      if (aside) renameSync(aside, folder);
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `${file} could not be restored${aside ? " (the database that was there is back as it was)" : ""}: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
  } finally {
    lock.release();
  }
}
