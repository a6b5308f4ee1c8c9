// The server's periodic jobs, whatever runs them: a job engine on PostgreSQL (pg-boss), a timer on the
// embedded database. A new periodic job is one entry in the list given to `startClock`.
import { EventEmitter } from "node:events";

import type { StewardDatabase } from "@steward/db";

/** When a job is due, in the clock's time zone. */
export interface ClockSettings {
  /** The daily jobs' time of day, `HH:MM` (STEWARD_CLOCK_TIME, default 06:00). */
  time: string;
  /** The IANA time zone that time is in (STEWARD_CLOCK_TIME_ZONE, default Europe/London). */
  timeZone: string;
}

/**
 * A job run once a day for each authority, at the clock's time: `run` gets the day (the engine's day,
 * the UTC date: the same as the London date from 01:00) and must be idempotent per (tenant, day), since
 * a failed run is retried and a day missed is caught up.
 */
export interface DailyTenantJob {
  name: string;
  kind: "daily-per-tenant";
  run(context: { database: StewardDatabase; tenantId: string; date: string; now: Date }): Promise<unknown>;
}

/** A job run every few minutes on one process at a time (an outbox's delivery, a clean-up): `run` must be idempotent. */
interface FrequentJob {
  name: string;
  kind: "every";
  minutes: number;
  run(context: { database: StewardDatabase; now: Date }): Promise<unknown>;
}

export type PeriodicJob = DailyTenantJob | FrequentJob;

/** A job name as both engines take it (pg-boss queue names): letters, digits and hyphens. */
export function assertJobName(name: string) {
  if (!/^[a-z][a-z0-9-]*$/.test(name))
    throw new Error(`A job's name is lower-case letters, digits and hyphens, not ${JSON.stringify(name)}.`);
}

/** How one run of a job ended: for metrics (`onJobRun`) and logs. */
export type JobOutcome = "completed" | "failed";

const runs = new EventEmitter();

/**
 * Calls `listener` after every run of a periodic job in this process (the job's name, how it ended, how
 * long it took in milliseconds), for metrics. Returns a function that removes it.
 */
export function onJobRun(listener: (job: string, outcome: JobOutcome, ms: number) => void): () => void {
  runs.on("run", listener);
  return () => runs.off("run", listener);
}

/** Runs `fn` as one run of `job`, timing it and telling the `onJobRun` listeners; rethrows a failure. */
export async function timedRun<T>(job: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const result = await fn();
    runs.emit("run", job, "completed", performance.now() - started);
    return result;
  } catch (error) {
    runs.emit("run", job, "failed", performance.now() - started);
    throw error;
  }
}

/** The wall-clock time `HH:MM` of `instant` in `timeZone`. */
export function localTimeOf(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** The engine's day of `instant` (the UTC date), the day a daily job checks. */
export const dayOf = (instant: Date) => instant.toISOString().slice(0, 10);
