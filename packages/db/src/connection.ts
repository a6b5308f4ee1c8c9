import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.ts";
import { PGliteDialect, type PGliteQueueLimits } from "./pglite-dialect.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "embedded" | "postgres";

export interface StewardDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives: the embedded folder, `memory`, or the server URL without its password. */
  location: string;
  /** Closes the database cleanly (and, for the embedded one, frees its folder). */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://...`: a PostgreSQL server through `pg`. Absent: the embedded database. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder (the PGlite data lives in `<dataDir>/pg`). Absent: in memory. */
  dataDir?: string | undefined;
  /** A migrated embedded database to start from (a `dumpDataDir` tarball), for fast test databases. */
  loadDataDir?: Blob | File | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /** The embedded database's bounds on callers waiting for its one connection (default: none; the server sets them). */
  queue?: Partial<PGliteQueueLimits> | undefined;
}

// Values read the same on both drivers: int8 (counts) as numbers, `date` as
// `YYYY-MM-DD` strings (never shifted into a local time zone), timestamps as Dates.
const parseInt8 = (value: string) => Number(value);
const keepDate = (value: string) => value;

pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.DATE, keepDate);

/** Opens the database Steward runs on: PostgreSQL when a URL is given, else the embedded PGlite. */
export async function connectDatabase(options: ConnectOptions): Promise<StewardDatabase> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  return connectEmbedded(options.dataDir, options.loadDataDir, options.queue);
}

async function connectPostgres(databaseUrl: string, poolSize: number): Promise<StewardDatabase> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // Fail fast, with the server's own reason, rather than on the first request.
  const client = await pool.connect().catch(async (error: unknown) => {
    await pool.end();
    throw new Error(
      `Cannot connect to PostgreSQL at ${redactUrl(databaseUrl)}: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
  client.release();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    location: redactUrl(databaseUrl),
    close: () => db.destroy(),
  };
}

async function connectEmbedded(
  dataDir: string | undefined,
  loadDataDir: Blob | File | undefined,
  queue: Partial<PGliteQueueLimits> | undefined,
): Promise<StewardDatabase> {
  let lock: DataDirLock | undefined;
  let pgDir: string | undefined;
  if (dataDir) {
    const absolute = path.resolve(dataDir);
    mkdirSync(absolute, { recursive: true });
    lock = acquireDataDirLock(absolute);
    pgDir = path.join(absolute, "pg");
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(pgDir ? { dataDir: pgDir } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
      parsers: { [types.INT8]: parseInt8, [types.DATE]: keepDate },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, queue) });
  return {
    db,
    kind: "embedded",
    location: dataDir ? path.resolve(dataDir) : "memory",
    async close() {
      await db.destroy();
      await pglite.close();
      lock?.release();
    },
  };
}

/** A connection URL fit to print: the password replaced. */
export function redactUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
