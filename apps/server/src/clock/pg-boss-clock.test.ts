import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { provisionTenant } from "@steward/api";
import { connectDatabase, findClockRun, migrateToLatest, withTenant, type StewardDatabase } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { dailyCheckJob } from "./daily-check-job.ts";
import { onJobRun, type DailyTenantJob, type JobOutcome } from "./jobs.ts";
import { startPgBossClock, type PgBossClock } from "./pg-boss-clock.ts";

// The job engine needs PostgreSQL: this file runs in `pnpm test:db` (DATABASE_URL set, as CI does) and
// is skipped, saying so, on the embedded database.
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn("pg-boss-clock.test.ts skipped: the job engine runs on PostgreSQL (set DATABASE_URL).");

const SETTINGS = { time: "06:00", timeZone: "Europe/London" };

let databaseUrl: string;
let dropDatabase: (() => Promise<void>) | undefined;
let databases: StewardDatabase[] = [];
const tenantIds: string[] = [];
/** Every run of the daily check, by which of the two "processes" ran it. */
const runs: { process: string; tenantId: string; date: string }[] = [];
const outcomes: { job: string; outcome: JobOutcome }[] = [];
let clock = { now: new Date("2027-03-01T07:00:00Z") };

/** The daily check as each "process" registers it, noting who ran which (tenant, day). */
function countedJob(process: string): DailyTenantJob {
  return {
    ...dailyCheckJob,
    run: async (context) => {
      runs.push({ process, tenantId: context.tenantId, date: context.date });
      return dailyCheckJob.run(context);
    },
  };
}

/** Starts one clock as a server process would: its own database pool and its own pg-boss. */
async function startProcess(name: string, jobs = [countedJob(name)]): Promise<PgBossClock> {
  const database = await connectDatabase({ databaseUrl });
  databases.push(database);
  return startPgBossClock({
    databaseUrl,
    database,
    jobs,
    settings: SETTINGS,
    now: () => clock.now,
    log: () => {},
    pollingIntervalSeconds: 0.5,
  });
}

async function until(condition: () => Promise<boolean> | boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const finishedRuns = async (date: string) => {
  let n = 0;
  for (const tenantId of tenantIds) {
    const run = await withTenant(databases[0]!.db, tenantId, (trx) => findClockRun(trx, date));
    if (run?.status === "finished") n++;
  }
  return n;
};

let a: PgBossClock;
let b: PgBossClock;
let stopListening: () => void;

beforeAll(async () => {
  if (!serverUrl) return;
  const fresh = await createServerDatabase(serverUrl);
  databaseUrl = fresh.url;
  dropDatabase = () => fresh.drop();
  const setup = await connectDatabase({ databaseUrl });
  try {
    await migrateToLatest(setup.db);
    for (const [slug, policy] of [
      ["clock-cambs", cambridgeshire],
      ["clock-lincs", lincolnshire],
    ] as const)
      tenantIds.push((await provisionTenant(setup.db, { slug, policy })).tenant.id);
  } finally {
    await setup.close();
  }
  stopListening = onJobRun((job, outcome) => outcomes.push({ job, outcome }));
  // Two server processes start at 07:00 on 1 March, after the clock's time: both send the day's runs.
  [a, b] = await Promise.all([startProcess("a"), startProcess("b")]);
}, 120_000);

afterAll(async () => {
  stopListening?.();
  await Promise.all([a?.stop(), b?.stop()]);
  await Promise.all(databases.map((d) => d.close()));
  databases = [];
  await dropDatabase?.();
});

describe.skipIf(!serverUrl)("the clock on PostgreSQL (pg-boss)", () => {
  it("runs the daily check once per authority for the day, though two processes started and sent it", async () => {
    await until(async () => (await finishedRuns("2027-03-01")) === 2, "both authorities' runs of 1 March");
    // Both processes send the day again (the schedule firing on each, a restart): nothing more runs.
    await Promise.all([a.fire("daily-check"), b.fire("daily-check")]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const ofTheDay = runs.filter((r) => r.date === "2027-03-01");
    expect(ofTheDay.map((r) => r.tenantId).sort()).toEqual([...tenantIds].sort());
    expect(outcomes.filter((o) => o.job === "daily-check")).toEqual([
      { job: "daily-check", outcome: "completed" },
      { job: "daily-check", outcome: "completed" },
    ]);
  }, 60_000);

  it("runs the next day once per authority too, whichever process takes each", async () => {
    clock = { now: new Date("2027-03-02T06:00:30Z") };
    await Promise.all([a.fire("daily-check"), b.fire("daily-check")]);
    await until(async () => (await finishedRuns("2027-03-02")) === 2, "both authorities' runs of 2 March");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(runs.filter((r) => r.date === "2027-03-02")).toHaveLength(2);
    expect(runs).toHaveLength(4);
  }, 60_000);

  it("keeps a record of each run in the job engine", async () => {
    const { rows } = await a.boss.getDb().executeSql(
      `select data->>'date' as date, state from steward_jobs.job where name = 'daily-check'
         union all select data->>'date', state from steward_jobs.archive where name = 'daily-check' order by 1`,
      [],
    );
    expect(rows).toEqual([
      { date: "2027-03-01", state: "completed" },
      { date: "2027-03-01", state: "completed" },
      { date: "2027-03-02", state: "completed" },
      { date: "2027-03-02", state: "completed" },
    ]);
  });
});
