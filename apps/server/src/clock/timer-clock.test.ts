import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { provisionTenant } from "@steward/api";
import { connectDatabase, migrateToLatest, type StewardDatabase } from "@steward/db";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { onJobRun, type JobOutcome, type PeriodicJob } from "./jobs.ts";
import { startTimerClock, type TimerClock } from "./timer-clock.ts";

// The clock on the embedded database: the same jobs, run in this process on a timer (driven by hand here).
let database: StewardDatabase;
let dataDir: string;
const clock = { now: new Date("2027-03-01T05:30:00Z") };
const daily: { tenantId: string; date: string }[] = [];
let frequent = 0;
let failNext = 0;
const outcomes: { job: string; outcome: JobOutcome }[] = [];
let timer: TimerClock;
let stopListening: () => void;

const jobs: PeriodicJob[] = [
  {
    name: "daily-probe",
    kind: "daily-per-tenant",
    run: ({ tenantId, date }) => {
      if (failNext > 0) {
        failNext--;
        return Promise.reject(new Error("The database went away."));
      }
      daily.push({ tenantId, date });
      return Promise.resolve();
    },
  },
  { name: "frequent-probe", kind: "every", minutes: 5, run: () => Promise.resolve(frequent++) },
];

const at = async (instant: string) => {
  clock.now = new Date(instant);
  await timer.tick();
};

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "steward-timer-clock-"));
  database = await connectDatabase({ dataDir });
  await migrateToLatest(database.db);
  for (const [slug, policy] of [
    ["timer-cambs", cambridgeshire],
    ["timer-lincs", lincolnshire],
  ] as const)
    await provisionTenant(database.db, { slug, policy });
  stopListening = onJobRun((job, outcome) => outcomes.push({ job, outcome }));
  timer = startTimerClock({
    database,
    jobs,
    settings: { time: "06:00", timeZone: "Europe/London" },
    now: () => clock.now,
    intervalMs: 3_600_000,
    log: () => {},
  });
  await timer.tick();
}, 180_000);
afterAll(async () => {
  stopListening?.();
  await timer?.stop();
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the clock on the embedded database (a timer)", () => {
  it("runs nothing daily before the clock's time, and the frequent job at once", () => {
    expect(daily).toEqual([]);
    expect(frequent).toBe(1);
  });

  it("runs the daily job once per authority once the time has come (London time, summer time followed)", async () => {
    await at("2027-03-01T06:00:00Z");
    await at("2027-03-01T09:00:00Z");
    expect(daily.map((d) => d.date)).toEqual(["2027-03-01", "2027-03-01"]);
    expect(new Set(daily.map((d) => d.tenantId)).size).toBe(2);
    // In summer time 06:00 in London is 05:00 UTC.
    await at("2027-07-01T04:59:00Z");
    expect(daily).toHaveLength(2);
    await at("2027-07-01T05:00:00Z");
    expect(daily.filter((d) => d.date === "2027-07-01")).toHaveLength(2);
  });

  it("runs the frequent job every few minutes, not more often", async () => {
    const before = frequent;
    await at("2027-07-01T05:03:00Z");
    expect(frequent).toBe(before);
    await at("2027-07-01T05:05:00Z");
    expect(frequent).toBe(before + 1);
  });

  it("tries a failed run again after a backoff, and reports each run", async () => {
    failNext = 1;
    outcomes.length = 0;
    await at("2027-07-02T06:00:00Z");
    expect(daily.filter((d) => d.date === "2027-07-02")).toHaveLength(1);
    expect(outcomes.filter((o) => o.job === "daily-probe").map((o) => o.outcome)).toEqual(["failed", "completed"]);
    // Within the minute's backoff the failed authority waits; after it, its day runs.
    await at("2027-07-02T06:00:30Z");
    expect(daily.filter((d) => d.date === "2027-07-02")).toHaveLength(1);
    await at("2027-07-02T06:01:01Z");
    expect(daily.filter((d) => d.date === "2027-07-02")).toHaveLength(2);
  });
});
