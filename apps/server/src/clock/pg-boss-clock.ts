// The periodic jobs on PostgreSQL, through pg-boss: every server process (and every server) starts one;
// pg-boss hands each job to one of them, retries a failure with backoff, and keeps a record of each run.
import { createHash } from "node:crypto";
import PgBoss from "pg-boss";

import { listTenants, type StewardDatabase } from "@steward/db";

import { dayOf, localTimeOf, timedRun, type ClockSettings, type DailyTenantJob, type PeriodicJob } from "./jobs.ts";

/** The schema pg-boss keeps its jobs, queues and schedules in (beside Steward's tables, never in them). */
const JOB_SCHEMA = "steward_jobs";

/** A failed run is tried again this many times, after 1, 2, 4, 8, 16 minutes (pg-boss's backoff). */
const RETRY = { retryLimit: 5, retryDelay: 60, retryBackoff: true } as const;

/**
 * A job's id from its name, authority and day (a name-based UUID): sending the same one twice, from two
 * processes or after a restart, adds nothing (pg-boss inserts a job whose id exists as no job).
 */
function jobIdOf(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join("\u0000")).digest("hex");
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const fireQueueOf = (job: DailyTenantJob) => `${job.name}-fire`;

/**
 * Runs one of pg-boss's set-up steps (creating a queue: a table partition; a schedule), again when it
 * loses a deadlock: several processes starting at once (WORKERS) each create the same queues, and
 * PostgreSQL aborts all but one of the statements that cross; the one retried then finds the queue made.
 */
async function settingUp(step: () => Promise<unknown>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await step();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== "40P01" && code !== "23505") || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
    }
  }
}

export interface PgBossClock {
  /** Sends a daily job's runs for every authority for the day of `now` (what the schedule does at the clock's time). */
  fire(jobName: string, now?: Date): Promise<void>;
  /** Stops taking jobs, waits for the ones running (up to 30 seconds) and closes pg-boss's connections. */
  stop(): Promise<void>;
  readonly boss: PgBoss;
}

/**
 * Starts pg-boss on `databaseUrl` (its own small pool, its own schema, installed or upgraded on first
 * start) and registers the jobs: a daily job is scheduled at the clock's time in its time zone (pg-boss
 * sends a schedule once a minute across every process), and at that time one run per authority and day
 * is sent (a name-based id, so never twice) and taken by one process; at start a daily job whose time
 * has passed today is fired at once (the server was down at the time). A frequent job is scheduled every
 * `minutes` and runs on one process at a time.
 */
export async function startPgBossClock(options: {
  databaseUrl: string;
  database: StewardDatabase;
  jobs: readonly PeriodicJob[];
  settings: ClockSettings;
  now?: () => Date;
  log?: (line: string) => void;
  /** How often each process looks for jobs (seconds; pg-boss's default is 2). */
  pollingIntervalSeconds?: number;
}): Promise<PgBossClock> {
  const { database, jobs, settings } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: JOB_SCHEMA,
    max: 3,
    application_name: "steward-clock",
  });
  boss.on("error", (error) => log(`The job engine reported: ${error.message}`));
  await boss.start();
  // From here a failure must stop pg-boss, or its connections and timers keep the process alive.
  try {
    return await registerJobs();
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    throw error;
  }

  async function registerJobs(): Promise<PgBossClock> {
    const work = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 };

    const daily = new Map<string, DailyTenantJob>();
    for (const job of jobs) {
      if (job.kind === "every") {
        await settingUp(() =>
          boss.createQueue(job.name, { name: job.name, policy: "singleton", ...RETRY, retryLimit: 0 }),
        );
        await settingUp(() => boss.schedule(job.name, `*/${job.minutes} * * * *`, {}, { tz: settings.timeZone }));
        await boss.work(job.name, work, () => timedRun(job.name, () => job.run({ database, now: now() })));
        continue;
      }
      daily.set(job.name, job);
      const [hours, minutes] = settings.time.split(":").map(Number);
      await settingUp(() => boss.createQueue(fireQueueOf(job), { name: fireQueueOf(job) }));
      await settingUp(() => boss.createQueue(job.name, { name: job.name, ...RETRY, expireInSeconds: 2 * 60 * 60 }));
      await settingUp(() =>
        boss.schedule(fireQueueOf(job), `${minutes} ${hours} * * *`, {}, { tz: settings.timeZone }),
      );
      await boss.work(fireQueueOf(job), work, () => fire(job.name));
      await boss.work<{ tenantId: string; date: string }>(job.name, work, async ([run]) => {
        if (!run) return;
        const { tenantId, date } = run.data;
        await timedRun(job.name, () => job.run({ database, tenantId, date, now: now() }));
      });
    }

    async function fire(jobName: string, at = now()) {
      const job = daily.get(jobName);
      if (!job) throw new Error(`There is no daily job called ${jobName}.`);
      const date = dayOf(at);
      for (const tenant of await listTenants(database.db))
        await boss.send(job.name, { tenantId: tenant.id, date }, { id: jobIdOf(job.name, tenant.id, date) });
    }

    // The server was down at the clock's time today (or started after it): today's runs are sent now.
    const started = now();
    if (localTimeOf(started, settings.timeZone) >= settings.time)
      for (const name of daily.keys()) await fire(name, started);

    return {
      boss,
      fire,
      stop: () => boss.stop({ graceful: true, timeout: 30_000, wait: true }),
    };
  }
}
