import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";

import { connectDatabase, type StewardDatabase } from "../connection.ts";
import { migrateToLatest } from "../migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated embedded database (a PGlite data-folder tarball) that each test file starts from; "" on PostgreSQL. */
    stewardTemplate: string;
  }
}

/**
 * A fresh, migrated database for one test file: embedded (from the template the
 * global setup made) by default, or a new database on the PostgreSQL server in
 * `DATABASE_URL`, dropped again on close. The same test files serve both.
 */
export async function openTestDatabase(): Promise<StewardDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return openServerTestDatabase(serverUrl);
  const template = inject("stewardTemplate");
  if (template) {
    return connectDatabase({ loadDataDir: new Blob([readFileSync(template)]) });
  }
  const database = await connectDatabase({});
  await migrateToLatest(database.db);
  return database;
}

async function openServerTestDatabase(serverUrl: string): Promise<StewardDatabase> {
  const fresh = await createServerDatabase(serverUrl);
  const database = await connectDatabase({ databaseUrl: fresh.url, poolSize: 20 });
  await migrateToLatest(database.db);
  return {
    ...database,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

/** A database URL for a new, empty database on the server in `DATABASE_URL` (for tests of a whole server process). */
export async function createServerDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `steward_test_${randomBytes(6).toString("hex")}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Not WITH (FORCE): killing sessions a pool is still closing makes them throw.
  // A closed pool's sessions end within moments, so wait for them instead.
  const drop = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await run(`drop database if exists ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };
  return { url: url.toString(), drop };
}

export { createTestCase, createTestTenant } from "./fixtures.ts";
/** Every migration by name: for a test that runs one again over data stored before it. */
export { migrations } from "../../migrations/index.ts";
