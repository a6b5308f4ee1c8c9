import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { connectDatabase, createTenant, getMigrationLevel } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";

// The real server, as `pnpm start` runs it, in its own process.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const serverUrl = process.env.DATABASE_URL;

interface HealthBody {
  result: {
    data: {
      database: { migration: { current: string | null; latest: string; applied: number; pending: number } };
    } & Record<string, unknown>;
  };
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

function startServer(
  port: number,
  env: Record<string, string> = {},
  script = "src/main.ts",
  args: string[] = [],
): Running {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      STEWARD_DATA_DIR: dataDir,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...env,
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
  // A guard against a hung start, not a speed test: the demo load alone can take a minute or more on a busy 2-core machine.
  const deadline = Date.now() + 300_000;
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

/** The security headers every response carries, whatever it is. */
function expectSecurityHeaders(response: Response, what: string) {
  const csp = response.headers.get("content-security-policy") ?? "";
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self'( 'unsafe-eval')?;/);
  expect(csp, what).not.toContain("unsafe-inline");
  expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(response.headers.get("referrer-policy"), what).toBe("no-referrer");
  expect(response.headers.get("x-frame-options"), what).toBe("DENY");
}

/**
 * A GIAS "all establishment data" file of about `megabytes` MB, shaped like the
 * real one (about 50,000 rows of about 1 kB, many columns), of an LA no tenant has.
 */
function syntheticGias(megabytes: number): string {
  const extra = Array.from({ length: 40 }, (_, i) => `Column ${i} (name)`);
  const lines = [
    [
      "URN",
      "LA (code)",
      "LA (name)",
      "EstablishmentName",
      "TypeOfEstablishment (name)",
      "EstablishmentStatus (name)",
      ...extra,
    ]
      .map((h) => `"${h}"`)
      .join(","),
  ];
  let size = lines[0]!.length;
  for (let urn = 100_000; size < megabytes * 1024 * 1024; urn++) {
    const line = [
      urn,
      "999",
      "Elsewhere",
      `Example ${urn} Church of England Voluntary Aided Primary School`,
      "Voluntary aided school",
      "Open",
      ...extra.map((_, i) => `value ${i} of ${urn}`),
    ]
      .map((v) => `"${v}"`)
      .join(",");
    lines.push(line);
    size += line.length + 2;
  }
  return lines.join("\r\n");
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
    dropDatabase = () => fresh.drop();
  }
});

afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase?.();
});

/** A version as package.json gives it: major.minor.patch. */
const semanticVersion: unknown = expect.stringMatching(/^\d+\.\d+\.\d+/);

describe("the Steward server", () => {
  it("starts, serves the API and both apps, stops on SIGTERM and starts again with its data intact", async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // The demo is off by default on PostgreSQL: ask for it. Trust the loopback proxy (this test) for X-Forwarded-Proto.
    const first = startServer(port, { STEWARD_DEMO: "1", STEWARD_TRUST_PROXY: "loopback" });
    await waitForStart(first);
    expect(first.output()).toContain(`http://localhost:${port}/admin/`);
    expect(first.output()).toContain(`http://localhost:${port}/portal/`);

    const health = (await getJson(`${base}/api/trpc/health`)) as HealthBody;
    expect(health.result.data).toMatchObject({
      status: "ok",
      version: semanticVersion,
      database: { kind: serverUrl ? "postgres" : "embedded", migration: { pending: 0 } },
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
      body: JSON.stringify({
        tenant: "cambridgeshire",
        email: "la-senior-officer@cambridgeshire.example",
        password: "steward-demo-2026",
      }),
    });
    expect(signIn.status).toBe(200);
    const cookies = signIn.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith("steward_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const csrf = cookies.find((c) => c.startsWith("steward_csrf="))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    const cookieHeader = [session, csrf].map((c) => c.split(";")[0]).join("; ");
    const me = (await (await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: cookieHeader } })).json()) as {
      result: { data: { tenant: { name: string }; csrfToken: string } };
    };
    expect(me.result.data.tenant.name).toBe("Cambridgeshire County Council");
    const cases = (await (
      await fetch(`${base}/api/trpc/cases.list?input=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`, {
        headers: { cookie: cookieHeader },
      })
    ).json()) as { result: { data: { total: number } } };
    expect(cases.result.data.total).toBeGreaterThan(100);
    // A mutation without the CSRF header is refused, and does nothing.
    const forged = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie: cookieHeader, "content-type": "application/json" },
      body: "{}",
    });
    expect(forged.status).toBe(403);
    const signOut = await fetch(`${base}/api/trpc/auth.signOut`, {
      method: "POST",
      headers: { cookie: cookieHeader, "x-csrf-token": me.result.data.csrfToken, "content-type": "application/json" },
      body: "{}",
    });
    expect(signOut.status).toBe(200);
    const after = (await (await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: cookieHeader } })).json()) as {
      result: { data: unknown };
    };
    expect(after.result.data).toBeNull();

    // Security headers on every kind of response; the API is never cached; HSTS only over HTTPS.
    const responses: [string, Response][] = [
      ["an app page", await fetch(`${base}/admin/`)],
      ["a client-side route", await fetch(`${base}/portal/letters/1`)],
      ["an app's script", await fetch(`${base}/admin/js-enabled.js`)],
      ["a font", await fetch(`${base}/assets/fonts/bold-b542beb274-v2.woff2`)],
      ["the API", await fetch(`${base}/api/trpc/health`)],
      ["an API error", await fetch(`${base}/api/trpc/cases.list`)],
      ["an unknown procedure", await fetch(`${base}/api/trpc/no.such`)],
      ["a missing file", await fetch(`${base}/admin/assets/missing-file.js`)],
      ["a 404", await fetch(`${base}/nowhere`)],
      ["a redirect", await fetch(`${base}/`, { redirect: "manual" })],
    ];
    for (const [what, response] of responses) {
      expectSecurityHeaders(response, what);
      expect(response.headers.get("strict-transport-security"), what).toBeNull();
    }
    for (const [what, response] of responses.filter(([w]) => w.includes("API") || w.includes("procedure")))
      expect(response.headers.get("cache-control"), what).toBe("no-store");
    // The pages load no inline script (the CSP would block it).
    for (const app of ["admin", "portal"])
      expect(await (await fetch(`${base}/${app}/`)).text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const overHttps = await fetch(`${base}/admin/`, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expectSecurityHeaders(overHttps, "over HTTPS");

    // A malformed session cookie is no session: not a 500.
    for (const value of [
      "-".repeat(36) + "." + "a".repeat(43),
      "00000000-0000-4000-8000-000000000000." + "a".repeat(43),
      "garbage",
      "%E0%A4%A",
      "x".repeat(4000),
    ]) {
      const response = await fetch(`${base}/api/trpc/auth.me`, { headers: { cookie: `steward_session=${value}` } });
      expect(response.status, value.slice(0, 40)).toBe(200);
      expect(((await response.json()) as { result: { data: unknown } }).result.data).toBeNull();
    }

    // Body limits: small for every procedure, large for the GIAS import.
    // The server answers from the declared length, before the body: a client still writing 2 MB may
    // see its socket closed under it (EPIPE), so the probe declares the length and reads the answer.
    const oversized = await declaredLengthAnswer(port, "/api/trpc/auth.signIn", 2 * 1024 * 1024);
    expect(oversized.status).toBe(413);
    expect(oversized.cacheControl).toBe("no-store");
    const adminSignIn = await fetch(`${base}/api/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        tenant: "cambridgeshire",
        email: "policy-administrator@cambridgeshire.example",
        password: "steward-demo-2026",
      }),
    });
    const adminCookies = adminSignIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const adminCsrf = ((await adminSignIn.json()) as { result: { data: { csrfToken: string } } }).result.data.csrfToken;
    const gias = syntheticGias(50);
    const imported = await fetch(`${base}/api/trpc/schools.import`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: adminCookies, "x-csrf-token": adminCsrf },
      body: JSON.stringify({ kind: "establishments", csv: gias, dryRun: true }),
    });
    const importBody = await imported.clone().text();
    expect(imported.status, importBody.slice(0, 500)).toBe(200);
    const report = ((await imported.json()) as { result: { data: { rows: number; skipped: number } } }).result.data;
    expect(report.rows).toBe(gias.split("\r\n").length - 1);
    expect(report.skipped).toBe(report.rows);

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
    // Trusting no proxy (the default), a client's X-Forwarded-Proto is not believed: no HSTS over plain HTTP.
    const claimed = await fetch(`${base}/admin/`, { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
    const tenants = (await getJson(`${base}/api/trpc/tenants.list`)) as { result: { data: { slug: string }[] } };
    expect(tenants.result.data.map((t) => t.slug)).toContain("survivor");
    const healthAgain = (await getJson(`${base}/api/trpc/health`)) as HealthBody;
    expect(healthAgain.result.data.database.migration).toMatchObject({ pending: 0 });
    expect(await stop(again)).toBe(0);
  }, 600_000);
});

/** One sign-in attempt on a connection of its own (so that cluster workers take turns), from `address` as a proxy reports it. */
/** POSTs only the headers of a body of `length` bytes and returns the server's answer to them. */
function declaredLengthAnswer(port: number, pathname: string, length: number) {
  return new Promise<{ status: number | undefined; cacheControl: string | undefined }>((resolve, reject) => {
    const req = request({
      host: "127.0.0.1",
      port,
      path: pathname,
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(length) },
    });
    req.on("response", (res) => {
      resolve({ status: res.statusCode, cacheControl: res.headers["cache-control"] });
      res.resume();
      req.destroy();
    });
    req.on("error", reject);
    req.flushHeaders();
  });
}

function signInOnce(port: number, address: string): Promise<number> {
  const body = JSON.stringify({
    tenant: "no-such-authority",
    email: "someone@example.org",
    password: "wrong-password",
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/trpc/auth.signIn",
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "x-forwarded-for": address, connection: "close" },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("several server processes (WORKERS)", () => {
  it.skipIf(!serverUrl)(
    "serves from two processes on PostgreSQL, whose sign-in budget per address is one, and stops both",
    async () => {
      const port = await freePort();
      const token = "metrics-token-0123456789";
      const server = startServer(port, { WORKERS: "2", STEWARD_TRUST_PROXY: "loopback", STEWARD_METRICS_TOKEN: token });
      await waitForStart(server);
      expect(server.output()).toContain("running in 2 processes");
      // 20 attempts a minute per address (SESSION_POLICY), spread over both processes: the 21st is refused.
      const address = "203.0.113.7";
      const answers: number[] = [];
      for (let i = 0; i < 21; i++) answers.push(await signInOnce(port, address));
      expect(answers.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => 401));
      expect(answers[20]).toBe(429);
      // Another address has its own budget.
      expect(await signInOnce(port, "203.0.113.8")).toBe(401);
      // Whichever process a scrape reaches, /metrics counts both processes' requests (the primary sums them).
      for (let scrape = 0; scrape < 2; scrape++) {
        const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, {
          headers: { authorization: `Bearer ${token}`, connection: "close" },
        });
        const text = await metrics.text();
        expect(text).toContain('steward_trpc_errors_total{procedure="auth.signIn",code="UNAUTHORIZED"} 21');
        expect(text).toContain('steward_trpc_errors_total{procedure="auth.signIn",code="TOO_MANY_REQUESTS"} 1');
      }
      expect(await stop(server)).toBe(0);
      expect(server.output()).toContain("Steward stopped");
    },
    300_000,
  );

  it.skipIf(serverUrl)("refuses more than one process on the embedded database, saying why", async () => {
    const server = startServer(0, { WORKERS: "2" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/WORKERS=2 needs PostgreSQL \(DATABASE_URL\)/);
  });
});

describe("pnpm steward status", () => {
  it("reports a new database as not migrated, and leaves it so", async () => {
    const statusDir = mkdtempSync(path.join(os.tmpdir(), "steward-status-"));
    const fresh = serverUrl ? await createServerDatabase(serverUrl) : undefined;
    const env = { STEWARD_DATA_DIR: statusDir, ...(fresh ? { DATABASE_URL: fresh.url } : {}) };
    try {
      for (let run = 0; run < 2; run++) {
        const status = startServer(0, env, "src/cli.ts", ["status"]);
        expect(await status.exited, status.output()).toBe(0);
        expect(status.output()).toMatch(/Migration: none: not migrated \(0 applied, \d+ pending\)/);
      }
      const direct = await connectDatabase({ databaseUrl: fresh?.url, dataDir: fresh ? undefined : statusDir });
      try {
        expect(await getMigrationLevel(direct.db)).toMatchObject({ current: null, applied: 0 });
      } finally {
        await direct.close();
      }
    } finally {
      rmSync(statusDir, { recursive: true, force: true });
      await fresh?.drop();
    }
  });
});
