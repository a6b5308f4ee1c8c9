// The only place the server reads its environment.
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not ${JSON.stringify(value)}.`);
  }
  return port;
}

function readTimeout(value: string | undefined): number {
  if (value === undefined || value === "") return 10_000;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 100 || ms > 600_000) {
    throw new Error(`STEWARD_POLICY_CHECK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, not ${JSON.stringify(value)}.`);
  }
  return ms;
}

export interface ServerEnv {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  repoRoot: string;
  /** Load the demo authorities when the database has none (STEWARD_DEMO=0 turns it off). */
  demo: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (STEWARD_TRUST_PROXY=1). */
  trustProxy: boolean;
  /** How long checking a policy or rendering a letter preview may take on the policy worker (STEWARD_POLICY_CHECK_TIMEOUT_MS, default 10 seconds). */
  policyCheckTimeoutMs: number;
  /** Where the user ran the command (pnpm runs scripts in the package folder): relative paths start here. */
  invocationDir: string;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  return {
    port: readPort(env.PORT),
    host: env.HOST || "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.STEWARD_DATA_DIR || path.join(repoRoot, ".data")),
    repoRoot,
    invocationDir: env.INIT_CWD || process.cwd(),
    demo: env.STEWARD_DEMO !== "0",
    trustProxy: env.STEWARD_TRUST_PROXY === "1",
    policyCheckTimeoutMs: readTimeout(env.STEWARD_POLICY_CHECK_TIMEOUT_MS),
  };
}
