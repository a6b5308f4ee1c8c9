// `backup` and `restore`: the embedded database's folder to a file and back. PostgreSQL has its own
// tools (pg_dump, pg_restore, continuous archiving): on it these commands print the command to run.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

import {
  backupEmbeddedDatabase,
  DataDirLockedError,
  redactUrl,
  restoreEmbeddedDatabase,
  type BackupSummary,
} from "@steward/db";

import { readEnv } from "../env.ts";
import { fromInvocation, plural, UsageError, type Command } from "./usage.ts";

/** The sentence for a folder a running server holds. */
function serverRunning(error: DataDirLockedError, dataDir: string, doing: string): Error {
  return new Error(
    `The server is running on ${dataDir} (pid ${error.pid}): stop it, then ${doing} again. A copy of a database while the server writes to it would not be consistent; for backups without stopping, run Steward on PostgreSQL (docs/operations.md#backups).`,
  );
}

function describe(summary: BackupSummary): string {
  const { migration, counts } = summary;
  return `migration ${migration.current ?? "none"}; ${plural(counts.tenants, "authority", "authorities")}, ${plural(counts.schools, "school")}, ${plural(counts.cases, "case")}, ${plural(counts.caseEvents, "case event")}`;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `backup --out FILE [--force]`: the embedded database, while the server is stopped, as one file. */
export const backupCommand: Command = async (args) => {
  const { values } = parseArgs({ args, options: { out: { type: "string" }, force: { type: "boolean" } } });
  const env = readEnv();
  if (env.databaseUrl) {
    const file = values.out ?? "steward.dump";
    console.log(
      `Steward is on PostgreSQL (${redactUrl(env.databaseUrl)}): back it up with PostgreSQL's tools, e.g.\n` +
        `  pg_dump --format=custom --no-owner --file=${file} "$DATABASE_URL"\n` +
        `and, for point-in-time recovery, continuous WAL archiving (docs/operations.md#backups).`,
    );
    return 1;
  }
  if (!values.out) throw new UsageError("Name the backup file with --out, e.g. --out steward-2027-03-14.tar.gz.");
  const out = fromInvocation(values.out);
  if (existsSync(out) && !values.force)
    throw new UsageError(`${values.out} already exists: choose another name, or add --force to overwrite it.`);
  let backup: Awaited<ReturnType<typeof backupEmbeddedDatabase>>;
  try {
    backup = await backupEmbeddedDatabase(env.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw serverRunning(error, env.dataDir, "back up");
    throw error;
  }
  // Written beside the target and renamed into place: a file named FILE is always a whole backup.
  const partial = `${out}.partial`;
  try {
    writeFileSync(partial, Buffer.from(await backup.archive.arrayBuffer()));
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
  console.log(
    `Backed up ${env.dataDir} to ${values.out} (${megabytes(backup.archive.size)}): ${describe(backup.summary)}.`,
  );
  return 0;
};

/** `restore --from FILE [--force]`: a backup made by `backup` as the embedded database (into an empty folder unless --force). */
export const restoreCommand: Command = async (args) => {
  const { values } = parseArgs({ args, options: { from: { type: "string" }, force: { type: "boolean" } } });
  const env = readEnv();
  if (env.databaseUrl) {
    console.log(
      `Steward is on PostgreSQL (${redactUrl(env.databaseUrl)}): restore a pg_dump file with pg_restore into an empty database, e.g.\n` +
        `  pg_restore --no-owner --dbname="$DATABASE_URL" ${values.from ?? "steward.dump"}\n` +
        `then run ANALYZE before opening it to users (docs/operations.md#backups).`,
    );
    return 1;
  }
  if (!values.from) throw new UsageError("Name the backup to restore with --from FILE.");
  let bytes: Buffer;
  try {
    bytes = readFileSync(fromInvocation(values.from));
  } catch (error) {
    const missing = error instanceof Error && "code" in error && error.code === "ENOENT";
    throw new UsageError(`Cannot read ${values.from}: ${missing ? "no such file" : String(error)}.`);
  }
  let summary: BackupSummary;
  try {
    summary = await restoreEmbeddedDatabase(env.dataDir, bytes, { file: values.from, force: values.force ?? false });
  } catch (error) {
    if (error instanceof DataDirLockedError) throw serverRunning(error, env.dataDir, "restore");
    throw error;
  }
  const pending = summary.migration.pending;
  console.log(
    `Restored ${values.from} into ${env.dataDir}: ${describe(summary)}.${pending ? ` ${plural(pending, "migration")} of this version will be applied when the server starts.` : ""}`,
  );
  return 0;
};
