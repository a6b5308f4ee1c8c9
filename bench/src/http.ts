// The real server process, started as an operator starts it, and HTTP clients that sign in and use it as the
// admin app does: session cookie, CSRF header, tRPC over fetch.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { timed } from "./stats.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningServer {
  base: string;
  child: ChildProcess;
  /** Spawn to the first good /api/trpc/health, in ms. */
  coldStartMs: number;
  output(): string;
  /** The server's resident memory (the whole process tree's node processes), in MB. */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The command that starts the server (BENCH_SERVER_COMMAND overrides: e.g. a built `node dist/main.js`). */
const serverCommand = () => process.env.BENCH_SERVER_COMMAND ?? "pnpm --silent --filter @steward/server start";

/** Resident memory of a process and its descendants, in MB (from /proc; 0 where it cannot be read). */
async function treeRssMb(pid: number): Promise<number> {
  const { readFile, readdir } = await import("node:fs/promises");
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we read.
    }
  }
  const walk = (p: number): number => (rss.get(p) ?? 0) + (children.get(p) ?? []).reduce((a, c) => a + walk(c), 0);
  return walk(pid);
}

/** Starts the server with `env` (PORT, HOST, STEWARD_DEMO=0 and STEWARD_CLOCK=off set here) and waits for it to answer. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = "";
  const started = performance.now();
  const child = spawn(serverCommand(), {
    cwd: repoRoot,
    shell: true,
    detached: true,
    env: {
      ...process.env,
      STEWARD_DEMO: "0",
      // The clock's jobs are measured on their own (pnpm bench:clock), not in the middle of a request load.
      STEWARD_CLOCK: "off",
      STEWARD_TRUST_PROXY: "loopback",
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  for (;;) {
    if (!alive) throw new Error(`The server exited before it answered:\n${output}`);
    if (performance.now() - started > 180_000) throw new Error(`The server did not answer in 3 minutes:\n${output}`);
    try {
      const response = await fetch(`${base}/api/trpc/health`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const coldStartMs = performance.now() - started;
  return {
    base,
    child,
    coldStartMs,
    output: () => output,
    rssMb: () => treeRssMb(child.pid ?? 0),
    async stop() {
      if (child.pid && alive) process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.pid && alive) process.kill(-child.pid, "SIGKILL");
    },
  };
}

class HttpError extends Error {}

/** One signed-in browser: its cookies, its CSRF token, and an address of its own (the server trusts loopback's X-Forwarded-For). */
export class HttpClient {
  #cookie = "";
  #csrf = "";

  constructor(
    readonly base: string,
    readonly address: string,
  ) {}

  async signIn(tenant: string, email: string, password: string): Promise<void> {
    const response = await fetch(`${this.base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": this.address },
      body: JSON.stringify({ tenant, email, password }),
    });
    if (!response.ok) throw new HttpError(`sign-in ${response.status}: ${await response.text()}`);
    const cookies = response.headers.getSetCookie();
    this.#cookie = cookies.map((c) => c.split(";")[0]).join("; ");
    const body = (await response.json()) as { result: { data: { csrfToken: string } } };
    this.#csrf = body.result.data.csrfToken;
  }

  async query<T>(procedure: string, input: unknown): Promise<T> {
    const response = await fetch(
      `${this.base}/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
      { headers: { cookie: this.#cookie, "x-forwarded-for": this.address } },
    );
    return this.#read<T>(procedure, response);
  }

  async mutate<T>(procedure: string, input: unknown): Promise<T> {
    const response = await fetch(`${this.base}/api/trpc/${procedure}`, {
      method: "POST",
      headers: {
        cookie: this.#cookie,
        "x-csrf-token": this.#csrf,
        "content-type": "application/json",
        "x-forwarded-for": this.address,
      },
      body: JSON.stringify(input),
    });
    return this.#read<T>(procedure, response);
  }

  async #read<T>(procedure: string, response: Response): Promise<T> {
    const text = await response.text();
    if (!response.ok) throw new HttpError(`${procedure} ${response.status}: ${text.slice(0, 300)}`);
    return (JSON.parse(text) as { result: { data: T } }).result.data;
  }
}

export interface LoadResult {
  clients: number;
  seconds: number;
  ops: number;
  errors: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  byKind: Record<string, { ops: number; errors: number; p50: number }>;
  firstError: string | undefined;
}

export type Operation = (client: HttpClient, i: number) => Promise<unknown>;

/**
 * `clients` signed-in clients, each doing one operation after another for `seconds`, picked by weight from
 * `mix` (45% dashboard, 40% case page, 15% record visit). Times and errors per operation.
 */
export async function runLoad(
  clients: HttpClient[],
  mix: { kind: string; weight: number; run: Operation }[],
  seconds: number,
): Promise<LoadResult> {
  const total = mix.reduce((a, m) => a + m.weight, 0);
  const times: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  let firstError: string | undefined;
  const until = performance.now() + seconds * 1000;
  let counter = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < until) {
        const i = counter++;
        // A fixed, well-spread sequence (golden-ratio stride) rather than Math.random: runs are repeatable.
        let pick = ((i * 0.6180339887) % 1) * total;
        const op = mix.find((m) => (pick -= m.weight) < 0) ?? mix[0]!;
        try {
          const { ms } = await timed(() => op.run(client, i));
          (times[op.kind] ??= []).push(ms);
        } catch (error) {
          errors[op.kind] = (errors[op.kind] ?? 0) + 1;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const all = Object.values(times).flat();
  const sorted = [...all].sort((a, b) => a - b);
  const at = (list: number[], q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))] ?? Number.NaN;
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const byKind: LoadResult["byKind"] = {};
  for (const m of mix) {
    const list = [...(times[m.kind] ?? [])].sort((a, b) => a - b);
    byKind[m.kind] = { ops: list.length, errors: errors[m.kind] ?? 0, p50: at(list, 0.5) };
  }
  return {
    clients: clients.length,
    seconds,
    ops: all.length,
    errors: errorCount,
    opsPerSecond: all.length / seconds,
    p50: at(sorted, 0.5),
    p99: at(sorted, 0.99),
    byKind,
    firstError,
  };
}
