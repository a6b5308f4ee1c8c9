// The periodic jobs on the embedded database (one process, no job engine): the same jobs, run in this
// process on a timer, one at a time.
import { listTenants, type StewardDatabase } from "@steward/db";

import { dayOf, localTimeOf, timedRun, type ClockSettings, type PeriodicJob } from "./jobs.ts";

/** A failed run waits 1, 2, 4, 8, 16 minutes before it is tried again, then an hour each time. */
function backoffMs(failures: number): number {
  return failures > 5 ? 60 * 60_000 : 60_000 * 2 ** (failures - 1);
}

interface RunState {
  /** The day a daily job last succeeded (for one authority). */
  done?: string;
  /** When a frequent job last succeeded (ms). */
  lastRun?: number;
  /** Failures in a row, and when it may be tried again (ms). */
  failures: number;
  notBefore: number;
}

/** Each job's (and authority's) run state, by key, made on first use. */
function runStates(): (key: string) => RunState {
  const states = new Map<string, RunState>();
  return (key) => {
    let state = states.get(key);
    if (!state) states.set(key, (state = { failures: 0, notBefore: 0 }));
    return state;
  };
}

/** Runs one job's run when its backoff allows, marking it done, or counting the failure and backing off. */
function attempter(stateOf: (key: string) => RunState, log: (line: string) => void) {
  return async (key: string, job: string, at: Date, fn: () => Promise<unknown>, done: () => void) => {
    const s = stateOf(key);
    if (at.getTime() < s.notBefore) return;
    try {
      await timedRun(job, fn);
      s.failures = 0;
      done();
    } catch (error) {
      s.failures++;
      s.notBefore = at.getTime() + backoffMs(s.failures);
      const why = error instanceof Error ? error.message : String(error);
      log(`The ${job} job failed (${s.failures} in a row; tried again later): ${why}`);
    }
  };
}

export interface TimerClock {
  /** Runs whatever is due now (what the timer does each time it wakes); resolves when those runs end. */
  tick(): Promise<void>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the jobs in this process: every `intervalMs` (30 seconds) it runs what is due, one run at a
 * time. A daily job runs for each authority once the clock's time has passed on a day it has not yet
 * succeeded for that authority (so at start, a day missed is run at once); a frequent one every
 * `minutes`. A failure is logged and tried again after a backoff. The first check runs at start.
 */
export function startTimerClock(options: {
  database: StewardDatabase;
  jobs: readonly PeriodicJob[];
  settings: ClockSettings;
  now?: () => Date;
  intervalMs?: number;
  log?: (line: string) => void;
}): TimerClock {
  const { database, jobs, settings } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.error(line));
  const stateOf = runStates();
  let running: Promise<void> | undefined;
  let stopped = false;

  const attempt = attempter(stateOf, log);

  async function runDue() {
    for (const job of jobs) {
      if (stopped) return;
      const at = now();
      if (job.kind === "every") {
        const s = stateOf(job.name);
        if (s.lastRun !== undefined && at.getTime() - s.lastRun < job.minutes * 60_000) continue;
        await attempt(
          job.name,
          job.name,
          at,
          () => job.run({ database, now: at }),
          () => (s.lastRun = at.getTime()),
        );
        continue;
      }
      if (localTimeOf(at, settings.timeZone) < settings.time) continue;
      const date = dayOf(at);
      for (const tenant of await listTenants(database.db)) {
        if (stopped) return;
        const key = `${job.name}:${tenant.id}`;
        const s = stateOf(key);
        if (s.done === date) continue;
        await attempt(
          key,
          job.name,
          at,
          () => job.run({ database, tenantId: tenant.id, date, now: at }),
          () => (s.done = date),
        );
      }
    }
  }

  function tick(): Promise<void> {
    running ??= runDue()
      .catch((error: unknown) =>
        log(`The clock could not run its jobs: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (running = undefined));
    return running;
  }

  const timer = setInterval(() => void tick(), options.intervalMs ?? 30_000);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
