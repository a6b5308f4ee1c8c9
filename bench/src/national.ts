// pnpm bench:national: Steward at national scale on one PostgreSQL (issue 15). Builds one authority through
// the API, clones it in SQL to 153 authorities with realistic spreads, and prints every figure of the issue's
// targets beside its target. Printed, never gating: a miss never fails the run. See bench/README.md.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

import { provisionSchools, runDailyCheck } from "@steward/api";
import { connectDatabase, migrateToLatest, type StewardDatabase } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";

import { captureStatements, ownStatements, replay, type Statement } from "./capture.ts";
import { ApiClient, BENCH_PASSWORD, clock } from "./client.ts";
import { analyse, clonePatternCases, cloneTenants, countRows, type CloneTarget } from "./clone.ts";
import { HttpClient, runLoad, startServer, type LoadResult, type RunningServer } from "./http.ts";
import { fixed, ms, printTable, report, statsLine, summarise, timed, timeSerial, type Stats } from "./stats.ts";
import {
  buildHistory,
  officersOf,
  provisionAuthority,
  scheduleVisit,
  schoolDayBy,
  URN_BASE,
  visitReport,
  type Template,
} from "./template.ts";

const small = process.env.BENCH_SCALE === "small";
const scale = small
  ? { tenants: 10, schools: 300, patterns: 8, steps: 12, runs: 60, seconds: 5, memoryRequests: 1000, heapVisits: 200 }
  : {
      tenants: 153,
      schools: 2000,
      patterns: 40,
      steps: 36,
      runs: 200,
      seconds: 20,
      memoryRequests: 10_000,
      heapVisits: 1000,
    };
const seconds = Number(process.env.BENCH_SECONDS ?? scale.seconds);
const clientLevels = (process.env.BENCH_CLIENTS ?? "1,4,16,64").split(",").map(Number);
/** WORKERS values to run the server with ("" = the server's default, the setting not passed). */
const workerSettings = (process.env.BENCH_WORKERS ?? "").split(",").map((w) => w.trim());
const serverUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (line: string) => console.log(`[${elapsed()}] ${line}`);
/** The day visits are held and recorded on in the measurements: the last school day up to today. */
const today = () => schoolDayBy(new Date());

/**
 * How many schools the k-th cloned authority has: 30 to 600, most small, a few large (a skewed spread like
 * England's: the golden-ratio stride spreads k over [0, 1), the fourth power skews it).
 */
const schoolsOf = (k: number) => Math.round(30 + 570 * ((k * 0.6180339887) % 1) ** 4);
const cloneTarget = (k: number): CloneTarget => ({
  k,
  slug: `bench-la-${String(k).padStart(3, "0")}`,
  name: `Bench Authority ${k}`,
  schools: Math.min(schoolsOf(k), scale.schools),
});

// ---------------------------------------------------------------------------------------------------------
// a. Dashboard, case page and record visit through the API beside the same SQL, raw, under RLS.

interface ReadFigures {
  list: Stats;
  summary: Stats;
  get: Stats;
  record: Stats;
  rawList: Stats;
  rawSummary: Stats;
  rawGet: Stats;
  rawAllList: Stats;
}

/** Visits scheduled (not timed) on distinct cases, ready to be recorded. */
async function scheduleMany(client: ApiClient, caseIds: readonly string[], count: number, perCase = 1) {
  const rounds: { caseId: string; visitId: string }[][] = [];
  for (let i = 0; i * perCase < count; i++) {
    const caseId = caseIds[i % caseIds.length]!;
    for (let j = 0; j < perCase - 1; j++)
      await client.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: today() });
    await scheduleVisit(client, caseId, today());
    const view = await client.api.cases.get({ caseId });
    view.visits
      .filter((v) => v.status === "scheduled")
      .slice(-perCase)
      .forEach((v, j) => (rounds[j] ??= []).push({ caseId, visitId: v.id }));
  }
  // Round by round: visits next to each other are of different cases.
  return rounds.flat().slice(0, count);
}

async function openCaseIds(client: ApiClient): Promise<string[]> {
  const { items } = await client.api.cases.list({ limit: 1000 });
  return items.map((c) => c.id);
}

async function rawTimes(raw: pg.Client, tenantId: string, statements: Statement[]): Promise<Stats> {
  if (statements.length === 0) return summarise([]);
  return timeSerial(scale.runs, () => replay(raw, tenantId, statements));
}

async function measureReads(database: StewardDatabase, t: Template, raw: pg.Client, label: string) {
  clock.now = new Date();
  const { adviser, senior } = await officersOf(database, t);
  const caseIds = await openCaseIds(senior);
  const caseAt = (i: number) => caseIds[(i * 37) % caseIds.length]!;
  const visits = await scheduleMany(adviser, caseIds.slice(200), scale.runs + 20);
  const answers = visitReport(today());
  console.log(`\n${label}: one authority's ${caseIds.length} open cases (first 1,000), ${scale.runs} runs each`);
  const captured = {
    list: await captureStatements(() => senior.api.cases.list({ limit: 50 })),
    summary: await captureStatements(() => senior.api.cases.summary({})),
    get: await captureStatements(() => senior.api.cases.get({ caseId: caseAt(1) })),
  };
  const f: ReadFigures = {
    list: await timeSerial(scale.runs, () => senior.api.cases.list({ limit: 50 })),
    summary: await timeSerial(scale.runs, () => senior.api.cases.summary({})),
    get: await timeSerial(scale.runs, (i) => senior.api.cases.get({ caseId: caseAt(i) })),
    record: await timeSerial(scale.runs, (i) =>
      adviser.api.visits.record({ ...visits[i]!, data: answers, concerns: false }),
    ),
    rawList: await rawTimes(raw, t.tenantId, ownStatements(captured.list)),
    rawSummary: await rawTimes(raw, t.tenantId, ownStatements(captured.summary)),
    rawGet: await rawTimes(raw, t.tenantId, ownStatements(captured.get)),
    rawAllList: await rawTimes(raw, t.tenantId, ownStatements(captured.list, true)),
  };
  const n = (s: Statement[]) => `${ownStatements(s).length} of ${ownStatements(s, true).length} statements`;
  statsLine("cases.list (dashboard, 50) via API", f.list);
  statsLine(`  its own SQL, raw under RLS (${n(captured.list)})`, f.rawList);
  statsLine("  every statement the API ran, raw", f.rawAllList);
  statsLine("cases.summary (dashboard counts) via API", f.summary);
  statsLine(`  its own SQL, raw under RLS (${n(captured.summary)})`, f.rawSummary);
  statsLine("cases.get (case page) via API", f.get);
  statsLine(`  its own SQL, raw under RLS (${n(captured.get)})`, f.rawGet);
  statsLine("visits.record via API", f.record);
  if (captured.list.length === 0)
    console.log("  (no SQL captured: the API's pg is not this bench's pg; raw figures n/a)");
  return f;
}

function compareReads(at2: ReadFigures, at153: ReadFigures, tenants: number) {
  console.log(`\nRatios (p50): ${tenants} tenants vs 2, and API vs its own SQL raw`);
  const rows: [string, keyof ReadFigures, keyof ReadFigures | undefined][] = [
    ["dashboard list", "list", "rawList"],
    ["dashboard summary", "summary", "rawSummary"],
    ["case page", "get", "rawGet"],
    ["record visit", "record", undefined],
  ];
  for (const [name, api, raw] of rows) {
    const scaleRatio = at153[api].p50 / at2[api].p50;
    report(`${name} at ${tenants} vs 2 tenants (p50)`, `${fixed(scaleRatio, 2)}x`, "<= 1.2x", scaleRatio <= 1.2);
    if (raw) {
      const apiRatio = at153[api].p50 / at153[raw].p50;
      report(`${name} API vs raw SQL (p50, ${tenants} tenants)`, `${fixed(apiRatio, 1)}x`, "<= 1.5x", apiRatio <= 1.5);
    }
  }
  report("dashboard list p99, one client (PostgreSQL)", ms(at153.list.p99), "<= 20 ms", at153.list.p99 <= 20);
  report("dashboard summary p99, one client", ms(at153.summary.p99), "<= 20 ms", at153.summary.p99 <= 20);
}

// ---------------------------------------------------------------------------------------------------------
// c. Record visit under concurrency, on one case, at a case's 30th visit, and the heap over many.

async function measureRecording(database: StewardDatabase, t: Template) {
  console.log("\nRecord visit");
  clock.now = new Date();
  const { adviser, senior } = await officersOf(database, t);
  const caseIds = await openCaseIds(senior);
  const answers = visitReport(today());
  const callers = 16;
  const perCaller = small ? 5 : 20;
  const work = await scheduleMany(adviser, caseIds.slice(0, callers * perCaller), callers * perCaller);
  const clients = await Promise.all(
    Array.from({ length: callers }, () => new ApiClient(database, t.slug, adviser.email).signIn()),
  );
  let lost = 0;
  const { ms: wall } = await timed(() =>
    Promise.all(
      clients.map(async (c, k) => {
        for (let j = 0; j < perCaller; j++) {
          await c.api.visits
            .record({ ...work[k * perCaller + j]!, data: answers, concerns: false })
            .catch(() => lost++);
        }
      }),
    ),
  );
  const rate = ((work.length - lost) / wall) * 1000;
  report(
    "record visit, 16 concurrent callers",
    `${fixed(rate, 0)}/s, ${lost} lost`,
    ">= 500/s, 0 lost",
    rate >= 500 && lost === 0,
  );

  // Sixteen callers, sixteen different visits of one case.
  const one = caseIds[caseIds.length - 1]!;
  const oneCase: { caseId: string; visitId: string }[] = [];
  for (let i = 0; i < callers; i++) oneCase.push({ caseId: one, visitId: await scheduleVisit(adviser, one, today()) });
  const outcomes = await Promise.allSettled(
    clients.map((c, k) => c.api.visits.record({ ...oneCase[k]!, data: answers, concerns: false })),
  );
  const ok = outcomes.filter((o) => o.status === "fulfilled").length;
  const why = outcomes.find((o) => o.status === "rejected");
  report(
    "16 callers, different visits of one case",
    `${ok} of ${callers} succeed${why && why.status === "rejected" ? ` (${String(why.reason).slice(0, 60)})` : ""}`,
    "16 of 16",
    ok === callers,
  );

  // The cost of a case's 30th visit against its 1st: fresh cases, each visit recorded in turn.
  const fresh = small ? 3 : 6;
  const firstUrn = URN_BASE + 9_000 + Math.floor(Math.random() * 900);
  await provisionSchools(
    database.db,
    t.tenantId,
    Array.from({ length: fresh }, (_, i) => ({ ...t.schools[0]!, urn: firstUrn + i, name: `Fresh School ${i}` })),
  );
  const byVisit: number[][] = Array.from({ length: 30 }, () => []);
  for (let i = 0; i < fresh; i++) {
    const { caseId } = await senior.api.cases.open({ urn: firstUrn + i });
    for (let v = 0; v < 30; v++) {
      const visitId = await scheduleVisit(adviser, caseId, today());
      const { ms: cost } = await timed(() =>
        adviser.api.visits.record({ caseId, visitId, data: answers, concerns: false }),
      );
      byVisit[v]!.push(cost);
    }
  }
  const median = (list: number[]) => summarise(list).p50;
  const early = median(byVisit.slice(0, 3).flat());
  const late = median(byVisit.slice(27).flat());
  report(
    "record cost at a case's 30th visit vs 1st",
    `${fixed(late / early, 2)}x (${ms(early)} -> ${ms(late)})`,
    "<= 1.1x",
    late / early <= 1.1,
  );

  // The heap over many recorded visits, in this process.
  const heapWork = await scheduleMany(adviser, caseIds, scale.heapVisits, 4);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed / 2 ** 20;
  for (const w of heapWork) await adviser.api.visits.record({ ...w, data: answers, concerns: false });
  gc?.();
  const after = process.memoryUsage().heapUsed / 2 ** 20;
  report(
    `heap over ${scale.heapVisits} recorded visits${gc ? "" : " (no --expose-gc)"}`,
    `${fixed(before, 0)} MB -> ${fixed(after, 0)} MB`,
    "flat (±10%)",
    Math.abs(after - before) / before <= 0.1,
  );
}

// ---------------------------------------------------------------------------------------------------------
// d, e. Publish a new version for an authority with many open cases; the daily clock.

async function measureTick(database: StewardDatabase, t: Template, cases: number) {
  console.log("\nThe daily clock");
  const now = new Date();
  const { ms: took, value } = await timed(() =>
    runDailyCheck(database.db, { tenantId: t.tenantId, date: today(), now }),
  );
  report(
    `daily check (tick), one authority of ${cases} cases`,
    `${fixed(took / 1000, 1)} s (${value.casesChecked} checked, ${value.moved.length} moved, ${value.failed.length} failed)`,
    "(no target)",
    undefined,
  );
}

async function measurePublish(database: StewardDatabase, t: Template, cases: number) {
  console.log("\nPublishing a new version");
  clock.now = new Date();
  const admin = await new ApiClient(database, t.slug, t.emails["policy-administrator"]!).signIn();
  const { adviser, senior } = await officersOf(database, t);
  const caseIds = await openCaseIds(senior);
  const published = (await admin.api.policy.list()).find((v) => v.status === "published");
  if (!published) throw new Error("The template has no published policy.");
  const draft = await admin.api.policy.createDraft({ from: "version", versionId: published.id, label: "bench" });
  const loaded = await admin.api.policy.get({ id: draft.id });
  const document = structuredClone(loaded.document) as Record<string, unknown>;
  const strategy = document.strategy;
  if (strategy && typeof strategy === "object" && "title" in strategy)
    Object.assign(strategy, { title: `${String(strategy.title)} (revised)` });
  const saved = await admin.api.policy.updateDraft({
    id: draft.id,
    revision: draft.revision,
    document,
  });
  const impact = await timed(() => admin.api.policy.impact({ id: draft.id }));
  report(
    `publish impact, ${cases} cases`,
    `${fixed(impact.ms / 1000, 2)} s (${impact.value.cases.length} cases listed)`,
    "<= 2 s",
    impact.ms <= 2000,
  );
  // While the publish runs, a case command every second on a different case (the publish moves every
  // one): how long each waits, and whether it succeeds.
  let settled = false;
  const publishing = timed(() => admin.api.policy.publish({ id: draft.id, revision: saved.revision })).then(
    (r) => ({ ms: r.ms, failed: undefined }),
    (error: unknown) => ({ ms: Number.NaN, failed: error instanceof Error ? error.message : String(error) }),
  );
  void publishing.then(() => (settled = true));
  const waits: number[] = [];
  let refused: string | undefined;
  let failures = 0;
  for (let i = 0; !settled; i++) {
    await new Promise((resolve) => setTimeout(resolve, i === 0 ? 200 : 1000));
    if (settled) break;
    const caseId = caseIds[(i * 97 + 13) % caseIds.length]!;
    const { ms: waited, value: error } = await timed(() =>
      adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: today() }).then(
        () => undefined,
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      ),
    );
    waits.push(waited);
    if (error) {
      failures++;
      refused ??= error.slice(0, 60);
    }
  }
  const pub = await publishing;
  report(
    `publish, ${cases} open cases`,
    pub.failed ? `failed: ${pub.failed.slice(0, 120)}` : `${fixed(pub.ms / 1000, 1)} s`,
    "(no target)",
    undefined,
  );
  const longest = Math.max(0, ...waits);
  report(
    "case commands during publish: longest wait",
    waits.length === 0
      ? "none sent: the publish ended first"
      : `${fixed(longest / 1000, 2)} s over ${waits.length} commands, ${failures} failed${refused ? ` (${refused})` : ""}`,
    "<= 1 s, none failed",
    longest <= 1000 && failures === 0,
  );
}

// ---------------------------------------------------------------------------------------------------------
// b, f. The real server over HTTP: mixed load, cold start, memory.

interface ServerRun {
  label: string;
  env: Record<string, string>;
  tenant: { slug: string; email: string };
}

/** A pool of visits scheduled over HTTP (the server owns the database), each recorded at most once. */
class VisitPool {
  readonly ready: { caseId: string; visitId: string }[] = [];
  #next = 0;
  constructor(
    readonly caseIds: string[],
    readonly client: HttpClient,
  ) {}

  async fill(count: number) {
    const perCase = 4;
    const cases = Math.ceil(Math.max(0, count - this.ready.length) / perCase);
    const jobs = Array.from({ length: cases }, () => this.caseIds[this.#next++ % this.caseIds.length]!);
    const worker = async () => {
      for (let caseId = jobs.pop(); caseId; caseId = jobs.pop()) {
        for (let i = 0; i < perCase; i++)
          await this.client.mutate("visits.schedule", {
            caseId,
            visitType: "school-improvement-adviser-visit",
            date: today(),
          });
        const view = await this.client.query<{ visits: { id: string; status: string }[] }>("cases.get", { caseId });
        for (const v of view.visits.filter((x) => x.status === "scheduled")) this.ready.push({ caseId, visitId: v.id });
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    // Neighbours in the pool on different cases: concurrent clients record visits of different cases.
    const rank = new Map<string, number>();
    const order = this.ready.map((v) => {
      const n = rank.get(v.caseId) ?? 0;
      rank.set(v.caseId, n + 1);
      return { v, n };
    });
    order.sort((a, b) => b.n - a.n);
    this.ready.splice(0, this.ready.length, ...order.map((o) => o.v));
  }
}

type LoadedServer = RunningServer & { mix: Parameters<typeof runLoad>[1]; pool: VisitPool };

async function loadServer(run: ServerRun, results: Map<string, LoadResult[]>): Promise<LoadedServer> {
  const server = await startServer(run.env);
  console.log(`\n${run.label}: started in ${fixed(server.coldStartMs / 1000, 1)} s`);
  const admin = new HttpClient(server.base, "10.9.0.1");
  await admin.signIn(run.tenant.slug, run.tenant.email, BENCH_PASSWORD);
  const { items } = await admin.query<{ items: { id: string }[] }>("cases.list", { limit: 1000 });
  const caseIds = items.map((c) => c.id);
  const pool = new VisitPool(caseIds, admin);
  const answers = visitReport(today());
  const mix = [
    {
      kind: "dashboard",
      weight: 45,
      run: (c: HttpClient) => Promise.all([c.query("cases.list", { limit: 50 }), c.query("cases.summary", {})]),
    },
    {
      kind: "case page",
      weight: 40,
      run: (c: HttpClient, i: number) => c.query("cases.get", { caseId: caseIds[(i * 37) % caseIds.length] }),
    },
    {
      kind: "record visit",
      weight: 15,
      run: async (c: HttpClient) => {
        const visit = pool.ready.pop();
        if (!visit) throw new Error("no scheduled visit left to record (the pool ran dry)");
        return c.mutate("visits.record", { ...visit, data: answers, concerns: false });
      },
    },
  ];
  const list: LoadResult[] = [];
  // The first level's guess at the rate (visits the pool must hold): generous, since a dry pool is an error.
  let lastRate = 200;
  for (const n of clientLevels) {
    await pool.fill(Math.min(2500, Math.ceil(0.15 * seconds * lastRate * 2.5) + n));
    const clients = Array.from(
      { length: n },
      (_, i) => new HttpClient(server.base, `10.10.${Math.floor(i / 250)}.${(i % 250) + 1}`),
    );
    for (const c of clients) await c.signIn(run.tenant.slug, run.tenant.email, BENCH_PASSWORD);
    const r = await runLoad(clients, mix, seconds);
    lastRate = Math.max(lastRate, r.opsPerSecond);
    list.push(r);
    const kinds = Object.entries(r.byKind)
      .map(([k, v]) => `${k} ${v.ops} (p50 ${ms(v.p50)}${v.errors ? `, ${v.errors} errors` : ""})`)
      .join("; ");
    console.log(
      `  ${String(n).padStart(2)} clients: ${fixed(r.opsPerSecond, 1).padStart(6)} ops/s  p50 ${ms(r.p50).padStart(8)}  p99 ${ms(r.p99).padStart(8)}  errors ${r.errors}   [${kinds}]${r.firstError ? `\n      first error: ${r.firstError}` : ""}`,
    );
  }
  results.set(run.label, list);
  return Object.assign(server, { mix, pool });
}

/** Memory of the server before and after `requests` more mixed requests with 16 clients (time-capped). */
async function measureMemory(server: LoadedServer, run: ServerRun) {
  const before = await server.rssMb();
  const clients = Array.from({ length: 16 }, (_, i) => new HttpClient(server.base, `10.20.0.${i + 1}`));
  for (const c of clients) await c.signIn(run.tenant.slug, run.tenant.email, BENCH_PASSWORD);
  let done = 0;
  const deadline = performance.now() + (small ? 60_000 : 150_000);
  while (done < scale.memoryRequests && performance.now() < deadline) {
    await server.pool.fill(400);
    const r = await runLoad(clients, server.mix, 10);
    done += r.ops;
  }
  const after = await server.rssMb();
  report(
    `server RSS over ${done} mixed requests (${run.label})`,
    `${fixed(before, 0)} MB -> ${fixed(after, 0)} MB`,
    "flat (±10%)",
    Math.abs(after - before) / before <= 0.1,
  );
}

function reportLoad(label: string, list: LoadResult[], embedded: boolean) {
  const at = (n: number) => list.find((r) => r.clients === n);
  const one = at(1);
  const sixteen = at(16);
  if (!sixteen) return;
  if (embedded) {
    report(
      `mixed load ${label}: 16 clients vs 1`,
      `${fixed(sixteen.opsPerSecond, 1)} vs ${fixed(one?.opsPerSecond ?? Number.NaN, 1)} ops/s`,
      "16 >= 1",
      one !== undefined && sixteen.opsPerSecond >= one.opsPerSecond,
    );
  } else {
    report(
      `mixed load ${label}: 16 clients`,
      `${fixed(sixteen.opsPerSecond, 1)} ops/s, ${sixteen.errors} errors`,
      ">= 200/s, 0 errors",
      sixteen.opsPerSecond >= 200 && sixteen.errors === 0,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------

async function buildTemplate(
  database: StewardDatabase,
  slug: string,
  plan: { schools: number; patterns: number; steps: number },
) {
  const authority = await provisionAuthority(database, slug, plan.schools);
  const history = await buildHistory(database, authority, plan, log);
  await clonePatternCases(database.db, authority.tenantId, plan.patterns, plan.schools);
  const template: Template = { ...authority, ...history };
  return template;
}

/** The embedded database for the server runs: one authority, built through the API, in a data folder. */
async function buildEmbedded(): Promise<{ dir: string; template: Template }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "steward-bench-embedded-"));
  const database = await connectDatabase({ dataDir: dir });
  await migrateToLatest(database.db);
  const template = await buildTemplate(database, "bench-embedded", {
    schools: small ? 150 : 400,
    patterns: small ? 6 : 10,
    steps: small ? 8 : 16,
  });
  await analyse(database.db);
  const rows = await countRows(database.db);
  await database.close();
  log(`embedded data folder built: ${JSON.stringify(rows)}`);
  return { dir, template };
}

async function main() {
  console.log(
    `Steward national-scale bench (${small ? "BENCH_SCALE=small" : "full scale"}): ${scale.tenants} authorities, PostgreSQL at ${new URL(serverUrl).host}, load ${seconds} s per level at ${clientLevels.join("/")} clients${workerSettings.some(Boolean) ? `, WORKERS=${workerSettings.join("/")}` : ""}`,
  );
  const fresh = await createServerDatabase(serverUrl);
  const database = await connectDatabase({ databaseUrl: fresh.url, poolSize: 20 });
  const raw = new pg.Client({ connectionString: fresh.url });
  await raw.connect();
  try {
    await migrateToLatest(database.db);
    log("building the template authority through the API");
    const template = await buildTemplate(database, "bench-template", scale);
    log(
      `template built: ${template.patternCaseIds.length} cases with history through ${template.calls} API calls, cloned to ${scale.schools} cases`,
    );
    await cloneTenants(database.db, template.tenantId, [cloneTarget(1)]);
    await analyse(database.db);
    log(`2 authorities: ${JSON.stringify(await countRows(database.db))}`);
    const at2 = await measureReads(database, template, raw, "At 2 authorities");

    const { ms: cloneMs } = await timed(async () => {
      const rest = Array.from({ length: scale.tenants - 2 }, (_, i) => cloneTarget(i + 2));
      for (let i = 0; i < rest.length; i += 25) {
        await cloneTenants(database.db, template.tenantId, rest.slice(i, i + 25));
        log(`cloned ${Math.min(i + 25, rest.length) + 2} of ${scale.tenants} authorities`);
      }
      await analyse(database.db);
    });
    const rows = await countRows(database.db);
    log(`${scale.tenants} authorities (cloned and analysed in ${fixed(cloneMs / 1000, 0)} s): ${JSON.stringify(rows)}`);
    report("setup (build, clone, analyse)", elapsed(), "(no target; whole run ~15 min)", undefined);
    report(
      "national data",
      `${rows.tenants} authorities, ${rows.schools} schools, ${rows.cases} cases, ${rows.case_events} events`,
      "153 / ~22-25k / 1-2M events",
      undefined,
    );
    const atN = await measureReads(database, template, raw, `At ${scale.tenants} authorities`);
    compareReads(at2, atN, scale.tenants);

    // The server runs: PostgreSQL (the national data), then the embedded database.
    const results = new Map<string, LoadResult[]>();
    for (const workers of workerSettings) {
      const run: ServerRun = {
        label: `PostgreSQL${workers ? `, WORKERS=${workers}` : ""}`,
        env: { DATABASE_URL: fresh.url, ...(workers ? { WORKERS: workers } : {}) },
        tenant: { slug: template.slug, email: template.emails["school-improvement-adviser"]! },
      };
      const server = await loadServer(run, results);
      report(
        `server cold start on existing data (${run.label})`,
        `${fixed(server.coldStartMs / 1000, 1)} s`,
        "<= 5 s",
        server.coldStartMs <= 5000,
      );
      reportLoad(run.label, results.get(run.label) ?? [], false);
      if (workers === workerSettings[0]) await measureMemory(server, run);
      await server.stop();
    }

    await measureRecording(database, template);
    await measureTick(database, template, scale.schools);
    await measurePublish(database, template, scale.schools);

    if (process.env.BENCH_EMBEDDED !== "0") {
      log("building the embedded database through the API");
      const embedded = await buildEmbedded();
      // The embedded database belongs to one process: the server refuses more than one worker on it.
      for (const workers of workerSettings.filter((w) => !w || w === "1")) {
        const copy = mkdtempSync(path.join(os.tmpdir(), "steward-bench-run-"));
        cpSync(embedded.dir, copy, { recursive: true });
        rmSync(path.join(copy, "steward.lock"), { force: true, recursive: true });
        const run: ServerRun = {
          label: `embedded${workers ? `, WORKERS=${workers}` : ""}`,
          env: { DATABASE_URL: "", STEWARD_DATA_DIR: copy, ...(workers ? { WORKERS: workers } : {}) },
          tenant: { slug: embedded.template.slug, email: embedded.template.emails["school-improvement-adviser"]! },
        };
        const server = await loadServer(run, results);
        report(
          `server cold start on existing data (${run.label})`,
          `${fixed(server.coldStartMs / 1000, 1)} s`,
          "<= 5 s",
          server.coldStartMs <= 5000,
        );
        reportLoad(run.label, results.get(run.label) ?? [], true);
        await server.stop();
        rmSync(copy, { recursive: true, force: true });
      }
      rmSync(embedded.dir, { recursive: true, force: true });
    }
  } finally {
    await raw.end();
    await database.close();
    if (process.env.BENCH_KEEP === "1") console.log(`\nKept the database: ${fresh.url}`);
    else await fresh.drop();
  }
  printTable();
  console.log(`\nTotal run time ${elapsed()}.`);
}

await main();
