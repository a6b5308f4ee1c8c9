import cluster, { type Worker } from "node:cluster";
import { existsSync } from "node:fs";

import {
  closePolicyWorker,
  configurePolicyWorker,
  countOutbox,
  DEMO_PASSWORD,
  recordJobRun,
  seedDemo,
  setOutboxDepthReader,
} from "@steward/api";
import {
  connectDatabase,
  DataDirLockedError,
  getMigrationLevel,
  listTenants,
  migrateToLatest,
  type StewardDatabase,
} from "@steward/db";

import { mailJobs, onJobRun, startClock } from "./clock/index.ts";
import { clusterMetricsCollector, serveClusterMetrics } from "./cluster-metrics.ts";
import { readEnv, type ServerEnv } from "./env.ts";
import { buildServer } from "./server.ts";
import { appVersion } from "./version.ts";

/**
 * The policy pool's worker bundled beside this file when the server runs built (dist/, see
 * esbuild.config.ts); from source (tsx) there is none and the pool uses its own TypeScript worker.
 */
function builtPolicyWorker(): { filename?: string } {
  const built = new URL("./policy-worker.js", import.meta.url);
  return existsSync(built) ? { filename: built.href } : {};
}

function openDatabase(env: ServerEnv): Promise<StewardDatabase> {
  return connectDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : env.dataDir,
    queue: env.dbQueue,
  });
}

/** Brings the database up to date and, into an empty one when asked, loads the demo; returns the lines to print. */
async function prepareDatabase(database: StewardDatabase, env: ServerEnv): Promise<string[]> {
  await migrateToLatest(database.db);
  const level = await getMigrationLevel(database.db);
  const lines = [`  Database:  ${database.kind} (${database.location}), migration ${level.current}`];
  if (env.demo && (await listTenants(database.db)).length === 0) {
    console.log("A new database: loading the demo authorities (about twenty seconds)…");
    const report = await seedDemo(database, { log: (line) => console.log(`  ${line}`) });
    lines.push(
      `Demo sign-ins (password "${DEMO_PASSWORD}" for every one; the README lists them all):`,
      // One user of each of the first roles, and the demo school's headteacher.
      ...report.tenants.flatMap((t) => {
        const firstOfRole = t.users.filter((u, i) => t.users.findIndex((v) => v.roles === u.roles) === i);
        return [
          `  ${t.name}:`,
          ...[...firstOfRole.slice(0, 3), ...firstOfRole.slice(-3, -2)].map((u) => `    ${u.email}  (${u.roles})`),
        ];
      }),
    );
  }
  return lines;
}

function describeRunning(port: number, databaseLines: string[], workers: number): string {
  const base = `http://localhost:${port}`;
  return [
    `Steward ${appVersion} is running${workers > 1 ? ` in ${workers} processes` : ""}.`,
    databaseLines[0] ?? "",
    `  LA admin:  ${base}/admin/`,
    `  Portal:    ${base}/portal/`,
    `  API:       ${base}/api/trpc`,
    ...databaseLines.slice(1),
    `Press Ctrl-C to stop.`,
  ].join("\n");
}

/**
 * One server process: opens the database, serves HTTP, and on SIGINT/SIGTERM finishes requests in
 * flight and closes the database cleanly so the embedded folder is never left half-written. A cluster
 * worker (WORKERS > 1) skips migrations and the demo (the primary did them) and prints nothing.
 */
async function serve(env: ServerEnv, quiet: boolean) {
  configurePolicyWorker({ timeoutMs: env.policyCheckTimeoutMs, ...builtPolicyWorker() });
  const database = await openDatabase(env);
  let closing = false;
  let stopClock: (() => Promise<void>) | undefined;
  const app = await buildServer({
    database,
    appVersion,
    repoRoot: env.repoRoot,
    logger: env.logging,
    trustProxy: env.trustProxy,
    metricsToken: env.metricsToken,
    ...(cluster.isWorker ? { collectMetrics: clusterMetricsCollector() } : {}),
    publicUrl: env.publicUrl,
    readSecret: env.readSecret,
  });
  let stopMail = () => {};

  const shutdown = async (signal: string) => {
    if (closing) {
      // A cluster worker hears Ctrl-C from the terminal and SIGTERM from its primary: one stop is enough.
      if (quiet) return;
      console.error(`Received ${signal} again: exiting now.`);
      process.exit(1);
    }
    closing = true;
    if (!quiet) console.log(`\nReceived ${signal}: shutting down…`);
    try {
      stopMail();
      await app.close();
      await stopClock?.();
      await closePolicyWorker();
      await database.close();
      if (!quiet) console.log("Steward stopped; the database was closed cleanly.");
      process.exit(0);
    } catch (error) {
      console.error("Steward did not stop cleanly:", error);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    const databaseLines = quiet ? [] : await prepareDatabase(database, env);
    await app.listen({ port: env.port, host: env.host });
    // The periodic jobs (the daily check each morning, sending mail): on PostgreSQL every process starts the job engine
    // and each job still runs once; on the embedded database this one process runs them on a timer.
    if (env.clock.enabled) {
      onJobRun((job, outcome, ms) => {
        recordJobRun(job, outcome === "completed" ? "ok" : "failed", ms / 1000);
        if (outcome === "failed")
          console.error(`The ${job} job failed after ${Math.round(ms)} ms: it will be tried again.`);
      });
      const mail = mailJobs(env.mail, env.mailFrom, env.clock);
      stopMail = mail.close;
      stopClock = await startClock({ database, databaseUrl: env.databaseUrl, settings: env.clock, jobs: mail.jobs });
    }
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : env.port;
    setOutboxDepthReader(() => countOutbox(database.db));
    if (!quiet) console.log(describeRunning(port, databaseLines, 1));
  } catch (error) {
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

/**
 * WORKERS > 1 (PostgreSQL only): this process migrates (and loads the demo when asked), then starts
 * that many server processes sharing the port (node:cluster hands connections out between them).
 * Caches are per process; every worker starts the clock's job engine (each job runs once). A
 * worker that dies is replaced; SIGINT/SIGTERM stops every worker (each finishes its requests in
 * flight) and then this process.
 */
async function supervise(env: ServerEnv) {
  const database = await openDatabase(env);
  const databaseLines = await prepareDatabase(database, env).finally(() => database.close());
  let stopping = false;
  let listening = 0;
  const start = (): Worker => {
    const worker = cluster.fork();
    worker.once("listening", (address) => {
      listening++;
      if (listening === env.workers) console.log(describeRunning(address.port, databaseLines, env.workers));
    });
    worker.once("exit", (code, signal) => {
      if (stopping) return;
      if (listening < env.workers) {
        console.error(`Steward cannot start: a server process exited while starting (${signal ?? `code ${code}`}).`);
        void stop("a failed start", 1);
        return;
      }
      console.error(`A server process exited (${signal ?? `code ${code}`}): starting another.`);
      listening--;
      start();
    });
    return worker;
  };
  const stop = async (why: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    if (exitCode === 0) console.log(`\nReceived ${why}: stopping ${env.workers} server processes…`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
    if (exitCode === 0) console.log("Steward stopped; every process closed its database connections.");
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void stop("SIGINT", 0));
  process.on("SIGTERM", () => void stop("SIGTERM", 0));
  serveClusterMetrics();
  for (let i = 0; i < env.workers; i++) start();
}

function explainFailure(error: unknown) {
  if (error instanceof DataDirLockedError) {
    console.error(`Steward cannot start: ${error.message}`);
  } else if (error instanceof Error && "code" in error && error.code === "EADDRINUSE") {
    console.error(
      `Steward cannot start: the port is already in use. Stop the other program or set PORT to a free port.`,
    );
  } else {
    console.error("Steward cannot start:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
}

async function main() {
  const env = readEnv();
  if (cluster.isWorker) return serve(env, true);
  if (env.workers > 1) return supervise(env);
  return serve(env, false);
}

main().catch(explainFailure);
