import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { getServerEnv } from "./env.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Builds an app when its dist is missing (turbo builds them first when the tests run through it). */
export function ensureBuilt() {
  for (const app of ["admin", "portal"]) {
    if (existsSync(path.join(repoRoot, "apps", app, "dist", "index.html"))) continue;
    const result = spawnSync("pnpm", ["run", "build", "--logLevel", "error"], {
      cwd: path.join(repoRoot, "apps", app),
      stdio: "inherit",
    });
    if (result.status !== 0) throw new Error(`Building ${app} failed.`);
  }
}

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** The port (default a free one). */
  port?: number;
  /** More environment for the server and `steward` commands. */
  env?: Record<string, string>;
  /** `pnpm steward` commands (arguments each) run on the fresh database before the server starts. */
  commands?: string[][];
}

/**
 * Starts the test identity provider (`pnpm dev-oidc`, apps/server/src/dev-oidc.ts) on a free port, for a
 * Steward server at `stewardUrl`: its clients are `steward-<authority slug>`, their secret "dev-oidc-secret".
 */
export async function startTestProvider(stewardUrl: string): Promise<{ issuer: string; stop: () => Promise<void> }> {
  const port = await getFreePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/dev-oidc.ts", "--port", String(port), "--steward", stewardUrl],
    {
      cwd: path.join(repoRoot, "apps", "server"),
      env: getServerEnv({}),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The test provider did not start in 60 s:\n${output}`)), 60_000);
    child.stdout?.on("data", () => {
      if (!output.includes("Press Ctrl-C to stop.")) return;
      clearTimeout(timer);
      resolve();
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The test provider exited (${code}):\n${output}`));
    });
  });
  return {
    issuer: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs `pnpm steward <args>` (from the sources) on the data folder; throws with its output if it fails. */
function runSteward(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
    cwd: path.join(repoRoot, "apps", "server"),
    env,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`steward ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts the real server on a free port and a fresh embedded database, and waits for the demo to load (or
 * loads the demo first with `steward demo` when commands are to run on it before the server starts).
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "steward-e2e-"));
  const port = options.port ?? (await getFreePort());
  const env = getServerEnv({ PORT: String(port), STEWARD_DATA_DIR: dataDir, ...options.env });
  if (options.commands) for (const args of [["demo"], ...options.commands]) runSteward(args, env);
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(repoRoot, "apps", "server"),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 300 s:\n${output}`)), 300_000);
    const check = () => {
      if (output.includes("Press Ctrl-C to stop.")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code}) before it was ready:\n${output}`));
    });
  });
  return {
    baseUrl: `http://localhost:${port}`,
    output: () => output,
    stop: async () => {
      // A server that died during the tests says why (the tests only see refused connections).
      if (child.exitCode !== null || child.signalCode !== null)
        console.log(
          `# The server stopped during the tests (${child.exitCode ?? child.signalCode}):\n${output.slice(-6000).replace(/^/gm, "# ")}`,
        );
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
