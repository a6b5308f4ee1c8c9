import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import type { TestProject } from "vitest/node";

import { migrateToLatest } from "../migrate.ts";
import { PGliteDialect } from "../pglite-dialect.ts";
import type { Database } from "../schema.ts";

import type {} from "./index.ts";

/**
 * Vitest global setup for suites that need a database. On the embedded
 * database it runs initdb and the migrations once, into a template that every
 * test file then loads in a fraction of the time. On PostgreSQL each test file
 * makes its own fresh database instead, so there is nothing to prepare.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("stewardTemplate", "");
    return;
  }
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir("none");
  await db.destroy();
  await pglite.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-template-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("stewardTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
