// `pnpm bench:clock`: the daily clock's time for one authority of 2,000 open cases, on the embedded
// database and on PostgreSQL. Prints its figures; never fails on a time.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { catchUpDailyChecks, runDailyCheck, type DailyCheckSummary } from "@steward/api";
import { connectDatabase, migrateToLatest, type StewardDatabase } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";

import { analyse, clonePatternCases } from "./clone.ts";
import { fixed, timed } from "./stats.ts";
import { buildHistory, provisionAuthority } from "./template.ts";

const CASES = Number(process.env.BENCH_CLOCK_CASES ?? 2000);
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const started = performance.now();
const log = (line: string) => console.log(`[${fixed((performance.now() - started) / 1000, 0)} s] ${line}`);

/** One authority of `CASES` schools, each with an open case: 10 built through the API with history, the rest copied. */
async function buildAuthority(database: StewardDatabase) {
  await migrateToLatest(database.db);
  const authority = await provisionAuthority(database, "clock-bench", CASES);
  await buildHistory(database, authority, { patterns: 10, steps: 8 }, () => {});
  await clonePatternCases(database.db, authority.tenantId, 10, CASES);
  await analyse(database.db);
  return authority.tenantId;
}

const describe = (s: DailyCheckSummary) =>
  `${s.outcome}, ${s.casesChecked} cases, ${s.moved.length} moved, ${s.failed.length} failed`;

async function measure(kind: string, database: StewardDatabase) {
  log(`${kind}: building one authority of ${CASES} open cases`);
  const tenantId = await buildAuthority(database);
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const first = await timed(() => runDailyCheck(database.db, { tenantId, date: "2026-11-30", now }));
  const second = await timed(() => runDailyCheck(database.db, { tenantId, date: "2026-12-01", now }));
  const again = await timed(() => runDailyCheck(database.db, { tenantId, date: "2026-12-01", now }));
  const week = await timed(() =>
    catchUpDailyChecks(database.db, { tenantId, date: today < "2026-12-08" ? "2026-12-08" : today, now, maxDays: 7 }),
  );
  const lines = [
    `first day checked           ${fixed(first.ms / 1000, 2)} s (${describe(first.value)})`,
    `next day                    ${fixed(second.ms / 1000, 2)} s (${describe(second.value)})`,
    `the same day again          ${fixed(again.ms, 0)} ms (${describe(again.value)})`,
    `a week caught up            ${fixed(week.ms / 1000, 2)} s (${week.value.length} days, ${fixed(week.ms / week.value.length / 1000, 2)} s a day)`,
  ];
  console.log(`\nThe daily clock on ${kind}, one authority of ${CASES} open cases:`);
  for (const line of lines) console.log(`  ${line}`);
  console.log("");
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-bench-clock-"));
  const embedded = await connectDatabase({ dataDir: dir });
  try {
    await measure("the embedded database (PGlite)", embedded);
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const fresh = await createServerDatabase(serverUrl);
  const server = await connectDatabase({ databaseUrl: fresh.url });
  try {
    await measure(`PostgreSQL (${new URL(serverUrl).host})`, server);
  } finally {
    await server.close();
    await fresh.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
