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

async function getFreePort(): Promise<number> {
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

/** Starts the real server on a free port and a fresh embedded database, and waits for the demo to load. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "steward-e2e-"));
  const port = await getFreePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(repoRoot, "apps", "server"),
    env: getServerEnv({ PORT: String(port), STEWARD_DATA_DIR: dataDir }),
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
