import { existsSync } from "node:fs";

import { closePolicyWorker, configurePolicyWorker, DEMO_PASSWORD, seedDemo } from "@steward/api";
import { connectDatabase, DataDirLockedError, getMigrationLevel, listTenants, migrateToLatest } from "@steward/db";

import { readEnv } from "./env.ts";
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

async function main() {
  const env = readEnv();
  configurePolicyWorker({ timeoutMs: env.policyCheckTimeoutMs, ...builtPolicyWorker() });
  const database = await connectDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.databaseUrl ? undefined : env.dataDir,
  });
  let closing = false;
  const app = await buildServer({
    database,
    appVersion,
    repoRoot: env.repoRoot,
    logger: false,
    trustProxy: env.trustProxy,
  });

  // Ctrl-C or a stop from the host: finish requests in flight, then close the
  // database cleanly so the embedded folder is never left half-written.
  const shutdown = async (signal: string) => {
    if (closing) {
      console.error(`Received ${signal} again: exiting now.`);
      process.exit(1);
    }
    closing = true;
    console.log(`\nReceived ${signal}: shutting down…`);
    try {
      await app.close();
      await closePolicyWorker();
      await database.close();
      console.log("Steward stopped; the database was closed cleanly.");
      process.exit(0);
    } catch (error) {
      console.error("Steward did not stop cleanly:", error);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    await migrateToLatest(database.db);
    const level = await getMigrationLevel(database.db);
    let demo: string[] = [];
    if (env.demo && (await listTenants(database.db)).length === 0) {
      console.log("A new database: loading the demo authorities (about ten seconds)…");
      const report = await seedDemo(database, { log: (line) => console.log(`  ${line}`) });
      demo = [
        `Demo sign-ins (password "${DEMO_PASSWORD}" for every one; the README lists them all):`,
        // One user of each of the first roles, and the demo school's headteacher.
        ...report.tenants.flatMap((t) => {
          const firstOfRole = t.users.filter((u, i) => t.users.findIndex((v) => v.roles === u.roles) === i);
          return [
            `  ${t.name}:`,
            ...[...firstOfRole.slice(0, 3), ...firstOfRole.slice(-3, -2)].map((u) => `    ${u.email}  (${u.roles})`),
          ];
        }),
      ];
    }
    await app.listen({ port: env.port, host: env.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : env.port;
    const base = `http://localhost:${port}`;
    console.log(
      [
        `Steward ${appVersion} is running.`,
        `  Database:  ${database.kind} (${database.location}), migration ${level.current}`,
        `  LA admin:  ${base}/admin/`,
        `  Portal:    ${base}/portal/`,
        `  API:       ${base}/api/trpc`,
        ...demo,
        `Press Ctrl-C to stop.`,
      ].join("\n"),
    );
  } catch (error) {
    await app.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}

main().catch((error: unknown) => {
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
});
