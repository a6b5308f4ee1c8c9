import { Piscina } from "piscina";

import { DomainError } from "@steward/domain";

import type { PolicyTask, PolicyTaskResult } from "./tasks.ts";

export interface PolicyWorkerOptions {
  /** How long one check or render may take before it is stopped (milliseconds). */
  timeoutMs: number;
  /** Worker threads at most. */
  maxThreads: number;
  /**
   * The worker thread's module: by default worker.mjs beside this file, which loads the TypeScript
   * tasks through tsx; the built server passes its own bundled worker, which starts without tsx.
   */
  filename: string;
}

const options: PolicyWorkerOptions = {
  timeoutMs: 10_000,
  maxThreads: 2,
  filename: new URL("./worker.mjs", import.meta.url).href,
};
let pool: Piscina | undefined;
const stats = { tasks: 0 };

/** How many tasks the worker has been given since the process started (for tests: what was checked again). */
export function getPolicyWorkerStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Sets the timeout and pool size (the server passes its environment's values; call before the first task). */
export function configurePolicyWorker(values: Partial<PolicyWorkerOptions>) {
  Object.assign(options, values);
}

export function getPolicyWorkerOptions(): Readonly<PolicyWorkerOptions> {
  return options;
}

/** Ends the worker threads (the server's shutdown; idle threads never keep the process alive anyway). */
export async function closePolicyWorker() {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}

const WHAT: Record<PolicyTask["kind"], string> = {
  validate: "check",
  "render-letter": "render its letter",
  "render-forms": "draw its forms",
  ping: "check",
  spin: "check",
};

/**
 * Runs a policy task (validating a document, rendering a letter) on a worker
 * thread, never on the event loop that serves every other request. A task that
 * takes longer than the timeout is stopped (its thread is ended) and refused
 * with a sentence; an error the task throws comes back as it was thrown.
 */
export async function runInPolicyWorker<T extends PolicyTask>(task: T): Promise<PolicyTaskResult<T>> {
  pool ??= new Piscina({
    filename: options.filename,
    minThreads: 0,
    maxThreads: options.maxThreads,
    idleTimeout: 60_000,
  });
  stats.tasks++;
  const seconds = Math.round(options.timeoutMs / 100) / 10;
  // A thread's start (loading the policy code, a few seconds on a busy machine)
  // is not the document's fault: wait for a ready thread before the clock starts.
  await pool.run({ kind: "ping" } satisfies PolicyTask);
  try {
    return (await pool.run(task, { signal: AbortSignal.timeout(options.timeoutMs) })) as PolicyTaskResult<T>;
  } catch (error) {
    if (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError")) {
      throw new DomainError(
        "invalid",
        `This policy took too long to ${WHAT[task.kind]}: it was stopped after ${seconds} seconds. Make it smaller or simpler (fewer or shorter rules, forms and templates) and try again.`,
        "/document",
      );
    }
    throw error;
  }
}
