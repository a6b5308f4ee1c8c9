import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { connectDatabase, createTenant } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real server, as `pnpm start` runs it, in its own process.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.DATABASE_URL;

interface HealthBody {
  result: { data: { database: { migration: { current: string | null; latest: string; applied: number; pending: number } } } & Record<string, unknown> };
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dataDir: string;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startServer(port: number): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForStart(server: Running): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!server.output().includes("Press Ctrl-C to stop.")) {
    if (server.child.exitCode !== null) throw new Error(`The server exited early:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`The server did not start in time:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  expect(response.status, url).toBe(200);
  return response.json();
}

async function stop(server: Running): Promise<number | null> {
  server.child.kill("SIGTERM");
  return server.exited;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "steward-server-"));
  if (serverUrl) {
    const fresh = await createServerDatabase(serverUrl);
    databaseUrl = fresh.url;
    dropDatabase = fresh.drop;
  }
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

describe("the Steward server", () => {
  it("starts, serves the API and both apps, stops on SIGTERM and starts again with its data intact", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = startServer(port);
    await waitForStart(first);
    expect(first.output()).toContain(`http://localhost:${port}/admin/`);
    expect(first.output()).toContain(`http://localhost:${port}/portal/`);

    const health = (await getJson(`${base}/api/trpc/health`)) as HealthBody;
    expect(health.result.data).toMatchObject({
      status: "ok",
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: { kind: serverUrl ? "postgres" : "embedded", migration: { pending: 0, applied: expect.any(Number) } },
    });
    expect(health.result.data.database.migration.current).toBe(health.result.data.database.migration.latest);

    for (const app of ["admin", "portal"]) {
      const page = await fetch(`${base}/${app}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<div id="root">');
      expect(html).toMatch(new RegExp(`src="/${app}/assets/[^"]+\\.js"`));
      // A client-side route falls back to the app's index.html.
      const deep = await fetch(`${base}/${app}/schools/123456?tab=visits`);
      expect(deep.status).toBe(200);
      expect(await deep.text()).toBe(html);
      // A missing file is a 404, not the app.
      expect((await fetch(`${base}/${app}/assets/missing-file.js`)).status).toBe(404);
    }
    // GOV.UK Frontend's fonts come from this server, not the internet.
    const font = await fetch(`${base}/assets/fonts/bold-b542beb274-v2.woff2`);
    expect(font.status).toBe(200);
    expect((await fetch(`${base}/`, { redirect: "manual" })).headers.get("location")).toBe("/admin/");

    // The demo authorities were loaded into the new database: sign in over HTTP.
    const signIn = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: "cambridgeshire", email: "la-senior-officer@cambridgeshire.example", password: "steward-demo-2026" }),
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("steward_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const csrf = cookies.find((c) => c.startsWith("steward_csrf="))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    const cookieHeader = [session, csrf].map((c) => c.split(";")[0]).join("; ");
    const me = (await (await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: cookieHeader } })).json()) as { result: { data: { tenant: { name: string }; csrfToken: string } } };
    expect(me.result.data.tenant.name).toBe("Cambridgeshire County Council");
    const cases = (await (await fetch(`${base}/api/trpc/cases.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`, { headers: { cookie: cookieHeader } })).json()) as { result: { data: { total: number } } };
    expect(cases.result.data.total).toBeGreaterThan(100);
    // A mutation without the CSRF header is refused, and does nothing.
    const forged = await fetch(`${base}/api/trpc/auth.signOut`, { method: "POST", headers: { cookie: cookieHeader, "content-type": "application/json" }, body: "{}" });
    expect(forged.status).toBe(403);
    const signOut = await fetch(`${base}/api/trpc/auth.signOut`, { method: "POST", headers: { cookie: cookieHeader, "x-csrf-token": me.result.data.csrfToken, "content-type": "application/json" }, body: "{}" });
    expect(signOut.status).toBe(200);
    const after = (await (await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: cookieHeader } })).json()) as { result: { data: unknown } };
    expect(after.result.data).toBeNull();

    if (!serverUrl) {
      // A second server on the same embedded folder refuses, and says why.
      const second = startServer(await freePort());
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain("is already in use by another Steward process");
    }

    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain("the database was closed cleanly");
    expect(existsSync(path.join(dataDir, "steward.lock"))).toBe(false);

    // Write through the database directly while the server is down...
    const direct = await connectDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
    await createTenant(direct.db, { slug: "survivor", name: "Survivor County Council", la_code: "999" });
    await direct.close();

    // ...and the restarted server has it, without migrating again.
    const again = startServer(port);
    await waitForStart(again);
    const tenants = (await getJson(`${base}/api/trpc/tenants.list`)) as { result: { data: { slug: string }[] } };
    expect(tenants.result.data.map((t) => t.slug)).toContain("survivor");
    const healthAgain = (await getJson(`${base}/api/trpc/health`)) as HealthBody;
    expect(healthAgain.result.data.database.migration).toMatchObject({ applied: health.result.data.database.migration.applied, pending: 0 });
    expect(await stop(again)).toBe(0);
  }, 120_000);
});
