// The operator's metrics (Prometheus text format, prom-client): one registry for the process, the
// recorders the server, the API and the clock call, and the hook that reads the outbox's depth.
// Labels are bounded sets only (route patterns, procedure names, error codes, job names): never an id,
// a name or anything a client typed.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** The process's registry: what `/metrics` serves (and, with several processes, what each sends the primary). */
export const metricsRegistry = new Registry();

collectDefaultMetrics({ register: metricsRegistry, prefix: "steward_" });

/** Seconds, from a few milliseconds (a cached read) to a minute (a whole register import). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

const httpDuration = new Histogram({
  name: "steward_http_request_duration_seconds",
  help: "HTTP requests by route pattern (not the path a client sent), method and status code, in seconds.",
  labelNames: ["route", "method", "status"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const procedureDuration = new Histogram({
  name: "steward_trpc_procedure_duration_seconds",
  help: "tRPC procedure calls by procedure, type and outcome (ok or the error's tRPC code), in seconds; a batched request counts each call.",
  labelNames: ["procedure", "type", "outcome"] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const procedureErrors = new Counter({
  name: "steward_trpc_errors_total",
  help: "tRPC procedure calls that failed, by procedure and tRPC error code (UNAUTHORIZED, BAD_REQUEST, INTERNAL_SERVER_ERROR...).",
  labelNames: ["procedure", "code"] as const,
  registers: [metricsRegistry],
});

const jobRuns = new Counter({
  name: "steward_job_runs_total",
  help: "Scheduled job runs by job and outcome (ok or failed).",
  labelNames: ["job", "outcome"] as const,
  registers: [metricsRegistry],
});

const jobFailures = new Counter({
  name: "steward_job_failures_total",
  help: "Scheduled job runs that failed, by job.",
  labelNames: ["job"] as const,
  registers: [metricsRegistry],
});

const jobDuration = new Histogram({
  name: "steward_job_duration_seconds",
  help: "How long each scheduled job run took, by job, in seconds.",
  labelNames: ["job"] as const,
  buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600],
  registers: [metricsRegistry],
});

let readOutboxDepth: (() => Promise<number>) | undefined;

new Gauge({
  name: "steward_outbox_depth",
  help: "Messages in the outbox waiting to be sent (read when scraped; absent until a reader is set).",
  registers: [metricsRegistry],
  // Every process reads the same table: with several processes, the largest answer, not their sum.
  aggregator: "max",
  async collect() {
    if (!readOutboxDepth) return;
    this.set(await readOutboxDepth());
  },
});

/** How `/metrics` reads the outbox's depth (the count of messages not yet sent); called on every scrape. */
export function setOutboxDepthReader(reader: (() => Promise<number>) | undefined): void {
  readOutboxDepth = reader;
}

/** One run of a scheduled job (the daily check, sending the outbox): its name, whether it succeeded, and how long it took. */
export function recordJobRun(job: string, outcome: "ok" | "failed", seconds: number): void {
  jobRuns.inc({ job, outcome });
  if (outcome === "failed") jobFailures.inc({ job });
  jobDuration.observe({ job }, seconds);
}

/** One HTTP request: its route pattern (`/api/trpc/:path`, `/admin/*`; `(unmatched)` for a 404), method and status. */
export function recordHttpRequest(route: string, method: string, status: number, seconds: number): void {
  httpDuration.observe({ route, method, status: String(status) }, seconds);
}

/** One tRPC procedure call (called by the API's error boundary, so only procedures that exist are labelled). */
export function recordProcedureCall(procedure: string, type: string, errorCode: string | undefined, seconds: number) {
  procedureDuration.observe({ procedure, type, outcome: errorCode ?? "ok" }, seconds);
  if (errorCode) procedureErrors.inc({ procedure, code: errorCode });
}

/** The metrics in Prometheus's text format, and its content type. */
export async function renderMetrics(): Promise<{ contentType: string; text: string }> {
  return { contentType: metricsRegistry.contentType, text: await metricsRegistry.metrics() };
}
