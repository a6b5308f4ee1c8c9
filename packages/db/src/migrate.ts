import { inspect } from "node:util";
import { Migrator, type Kysely, type MigrationResultSet } from "kysely";

import { migrations } from "../migrations/index.ts";
import type { Database } from "./schema.ts";

export interface MigrationLevel {
  /** The name of the last migration applied, or null on an empty database. */
  current: string | null;
  /** The name of the newest migration this build knows. */
  latest: string;
  applied: number;
  pending: number;
}

function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/**
 * Brings the database up to the newest migration. Safe to run at every start:
 * applied migrations are skipped, and Kysely's migration lock keeps two starts
 * from running the same one.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : inspect(result.error);
    throw new Error(`Migration ${failed ?? "(unknown)"} failed: ${cause}`, { cause: result.error });
  }
  return result;
}

/** Where the database stands against the migrations this build knows. */
export async function getMigrationLevel(db: Kysely<Database>): Promise<MigrationLevel> {
  const all = await createMigrator(db).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined);
  const names = Object.keys(migrations).sort();
  return {
    current: applied.at(-1)?.name ?? null,
    latest: names.at(-1) ?? "",
    applied: applied.length,
    pending: all.length - applied.length,
  };
}
