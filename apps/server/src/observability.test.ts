// The server as an operator watches it: its log lines, its health checks and its metrics,
// in this process (fastify's inject), on the embedded database or the one in DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { provisionTenant, provisionUser, recordJobRun, setOutboxDepthReader } from "@steward/api";
import { connectDatabase, type StewardDatabase } from "@steward/db";
import { migrations, openTestDatabase } from "@steward/db/testing";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { buildServer } from "./server.ts";

const EMAIL = "officer@observability.test";
const PASSWORD = "a long password for the logs test";
const TOKEN = "metrics-token-for-the-tests-0123456789";

let database: StewardDatabase;
let tenantId: string;
let userId: string;
const lines: string[] = [];

const build = (extra: Partial<Parameters<typeof buildServer>[0]> = {}) =>
  buildServer({
    database,
    appVersion: "test",
    repoRoot: "/nowhere",
    logger: { level: "info", stream: { write: (line) => lines.push(line) } },
    metricsToken: TOKEN,
    trustProxy: ["127.0.0.1"],
    ...extra,
  });

/** The parsed log lines of one request. */
const linesOf = (requestId: string) =>
  lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === requestId);

beforeAll(async () => {
  database = await openTestDatabase();
  const { tenant } = await provisionTenant(database.db, { slug: "observability", policy: cambridgeshire });
  tenantId = tenant.id;
  const role = cambridgeshire.roles.find((r) => r.audience !== "school")!.key;
  const user = await provisionUser(database.db, tenantId, {
    email: EMAIL,
    displayName: "Ada Observed",
    password: PASSWORD,
    grants: [{ role }],
  });
  userId = user.id;
});

afterAll(async () => {
  setOutboxDepthReader(undefined);
  await database?.close();
});

describe("request logs", () => {
  it("log a sign-in with its request id, tenant and user ids, procedure and outcome, and no email, password or cookie", async () => {
    const app = await build();
    const signIn = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.signIn",
      headers: { "content-type": "application/json", cookie: "steward_session=an-old-cookie-value" },
      payload: { tenant: "observability", email: EMAIL, password: PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
    const requestId = signIn.headers["x-request-id"] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const session = signIn.cookies.find((c) => c.name === "steward_session")!.value;

    const own = linesOf(requestId);
    expect(own.length).toBeGreaterThan(0);
    expect(own.at(-1)).toMatchObject({
      msg: "request completed",
      level: 30,
      tenantId,
      userId,
      procedure: "auth.signIn",
      outcome: "ok",
      req: { method: "POST", path: "/api/trpc/auth.signIn" },
      res: { statusCode: 200 },
    });
    const text = own.map((l) => JSON.stringify(l)).join("\n");
    for (const secret of [EMAIL, PASSWORD, "an-old-cookie-value", session, "Ada Observed", "observed"])
      expect(text).not.toContain(secret);

    // A failed sign-in: the tenant is known, the user not; the outcome is the error's code.
    const wrong = await app.inject({
      method: "POST",
      url: "/api/trpc/auth.signIn",
      headers: { "content-type": "application/json" },
      payload: { tenant: "observability", email: EMAIL, password: "not the password at all" },
    });
    const failed = linesOf(wrong.headers["x-request-id"] as string).at(-1)!;
    expect(failed).toMatchObject({ tenantId, procedure: "auth.signIn", outcome: "UNAUTHORIZED" });
    expect(failed.userId).toBeUndefined();
    expect(JSON.stringify(failed)).not.toContain(EMAIL);

    // A query's input is in its query string, which is never logged; the session's user is.
    const input = encodeURIComponent(JSON.stringify({ limit: 5, search: "a secret search" }));
    const listed = await app.inject({
      url: `/api/trpc/cases.list?input=${input}`,
      cookies: { steward_session: session },
    });
    const listLine = linesOf(listed.headers["x-request-id"] as string).at(-1)!;
    expect(listLine).toMatchObject({
      tenantId,
      userId,
      procedure: "cases.list",
      req: { path: "/api/trpc/cases.list" },
    });
    expect(JSON.stringify(listLine)).not.toContain("secret");
    await app.close();
  });

  it("take X-Request-Id only from a trusted proxy", async () => {
    const app = await build();
    const fromProxy = await app.inject({ url: "/healthz", headers: { "x-request-id": "proxy-id-1234" } });
    expect(fromProxy.headers["x-request-id"]).toBe("proxy-id-1234");
    expect(linesOf("proxy-id-1234")).toHaveLength(1);
    const fromClient = await app.inject({
      url: "/healthz",
      headers: { "x-request-id": "forged-id" },
      remoteAddress: "203.0.113.9",
    });
    expect(fromClient.headers["x-request-id"]).not.toBe("forged-id");
    const untrusting = await build({ trustProxy: false });
    const noProxy = await untrusting.inject({ url: "/healthz", headers: { "x-request-id": "proxy-id-5678" } });
    expect(noProxy.headers["x-request-id"]).not.toBe("proxy-id-5678");
    await app.close();
    await untrusting.close();
  });
});

describe("health checks", () => {
  it("/healthz answers while the process serves; /readyz when the database is migrated", async () => {
    const app = await build();
    const live = await app.inject({ url: "/healthz" });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: "ok" });
    const ready = await app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: "ok", migration: { pending: 0 } });
    await app.close();
  });

  it("/readyz answers 503 with the reason when a migration is missing or the database is gone", async () => {
    const newest = Object.keys(migrations).sort().at(-1)!;
    const app = await build();
    await database.db
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "=", newest as never)
      .execute();
    try {
      const behind = await app.inject({ url: "/readyz" });
      expect(behind.statusCode).toBe(503);
      expect(behind.json<{ reason: string }>().reason).toMatch(/1 migration is not applied/);
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await database.db
        .insertInto("kysely_migration" as never)
        .values({ name: newest, timestamp: new Date().toISOString() })
        .execute();
    }
    await app.close();

    // A database that has been closed: every query fails.
    const gone = await connectDatabase({});
    await gone.close();
    const broken = await buildServer({
      database: gone,
      appVersion: "test",
      repoRoot: "/nowhere",
      logger: false,
    });
    const down = await broken.inject({ url: "/readyz" });
    expect(down.statusCode).toBe(503);
    const reason = down.json<{ status: string; reason: string }>();
    expect(reason.status).toBe("unavailable");
    expect(reason.reason).toMatch(/^The database cannot be reached/);
    await broken.close();
  });
});

describe("/metrics", () => {
  it("is not there without a token, and refuses a scraper without the right one", async () => {
    const hidden = await build({ metricsToken: undefined });
    expect((await hidden.inject({ url: "/metrics" })).statusCode).toBe(404);
    await hidden.close();
    const app = await build();
    expect((await app.inject({ url: "/metrics" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/metrics", headers: { authorization: "Bearer wrong" } })).statusCode).toBe(401);
    await app.close();
  });

  it("gives request latency by route and procedure, errors by code, job runs, the outbox's depth and the process", async () => {
    const app = await build();
    await app.inject({ url: "/api/trpc/auth.me" });
    await app.inject({
      method: "POST",
      url: "/api/trpc/auth.signIn",
      headers: { "content-type": "application/json" },
      payload: { tenant: "observability", email: EMAIL, password: "not the password at all" },
    });
    recordJobRun("daily-check", "ok", 1.5);
    recordJobRun("daily-check", "failed", 0.2);
    setOutboxDepthReader(() => Promise.resolve(7));
    const scraped = await app.inject({ url: "/metrics", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = scraped.body;
    expect(text).toMatch(
      /steward_http_request_duration_seconds_count\{route="\/api\/trpc\/:path",method="GET",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /steward_trpc_procedure_duration_seconds_count\{procedure="auth.me",type="query",outcome="ok"\} \d+/,
    );
    expect(text).toMatch(/steward_trpc_errors_total\{procedure="auth.signIn",code="UNAUTHORIZED"\} \d+/);
    expect(text).toMatch(/steward_job_runs_total\{job="daily-check",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/steward_job_failures_total\{job="daily-check"\} [1-9]/);
    expect(text).toMatch(/steward_outbox_depth 7\b/);
    expect(text).toMatch(/steward_process_resident_memory_bytes \d+/);
    // No label carries what a client typed.
    expect(text).not.toContain(EMAIL);
    await app.close();
  });
});
