// The server's clock: the periodic jobs, on the job engine (PostgreSQL) or a timer (embedded database).
import type { StewardDatabase } from "@steward/db";

import { dailyCheckJob } from "./daily-check-job.ts";
import { assertJobName, type ClockSettings, type PeriodicJob } from "./jobs.ts";
import { startPgBossClock } from "./pg-boss-clock.ts";
import { startTimerClock } from "./timer-clock.ts";

export { onJobRun } from "./jobs.ts";

export { mailJobs } from "./mail-jobs.ts";

/** The periodic jobs every Steward server runs beside those given to it (sending mail). A new one is one entry here. */
const PERIODIC_JOBS: readonly PeriodicJob[] = [dailyCheckJob];

/**
 * Starts the clock for this process: on PostgreSQL (`databaseUrl`) the job engine, which every process
 * may start (each job still runs once); on the embedded database the in-process timer (one process
 * only). Returns the function that stops it.
 */
export async function startClock(options: {
  database: StewardDatabase;
  databaseUrl: string | undefined;
  settings: ClockSettings;
  /** More jobs, run beside the daily ones (the mail jobs, which need this process's transport). */
  jobs?: readonly PeriodicJob[];
  log?: (line: string) => void;
}): Promise<() => Promise<void>> {
  const jobs = [...PERIODIC_JOBS, ...(options.jobs ?? [])];
  for (const job of jobs) assertJobName(job.name);
  if (options.databaseUrl) {
    const clock = await startPgBossClock({ ...options, databaseUrl: options.databaseUrl, jobs });
    return () => clock.stop();
  }
  const clock = startTimerClock({ ...options, jobs });
  return () => clock.stop();
}
