// The dashboard list for an authority with 400 cases, and the record-visit
// mutation, through the whole API (createCaller: session, tenant transaction,
// row-level security, CASL filter in SQL, output validation), beside the same
// dashboard query as raw SQL in the same run. Embedded database always;
// PostgreSQL too when BENCH_DATABASE_URL (or DATABASE_URL) names a server.
// Then the heap over BENCH_HEAP_VISITS (default 1,000) more recorded visits:
// flat when nothing a request builds (a policy document, a compiled form
// schema, an ability) is kept per request. Run with --expose-gc for figures
// after a forced collection:
//   pnpm --filter @steward/api bench
//   NODE_OPTIONS=--expose-gc pnpm --filter @steward/api bench
import { sql } from "kysely";
import pg from "pg";

import { analyzeTenantTables, connectDatabase, migrateToLatest, withTenant, type StewardDatabase } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";
import { parsePolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { sampleFromSchema } from "../src/demo/sample-data.ts";
import { provisionSchools, provisionTenant, provisionUser } from "../src/services/provision.ts";
import { TEST_PASSWORD, TestWorld, type TestClient } from "../src/testing/fixtures/world.ts";

const CASES = Number(process.env.BENCH_CASES ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const HEAP_VISITS = Number(process.env.BENCH_HEAP_VISITS ?? 1000);
const policy = parsePolicyDocument(cambridgeshire);

/** Wall-clock percentiles and rate, and this process's CPU per operation (on PostgreSQL: the API's own cost, beside the database's; steadier than wall time on a shared machine). */
function stats(ms: number[], cpuMicros = 0) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const total = ms.reduce((a, b) => a + b, 0);
  return { p50: at(0.5), p99: at(0.99), perSecond: (ms.length / total) * 1000, cpu: cpuMicros / 1000 / ms.length };
}

async function time(runs: number, fn: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return stats(out, used.user + used.system);
}

const line = (label: string, s: ReturnType<typeof stats>) =>
  console.log(
    `  ${label.padEnd(42)} p50 ${s.p50.toFixed(2).padStart(7)} ms   p99 ${s.p99.toFixed(2).padStart(7)} ms   ${s.perSecond.toFixed(0).padStart(6)}/s   CPU ${s.cpu.toFixed(2).padStart(6)} ms/op`,
  );

async function bench(kind: string, database: StewardDatabase, rawQuery: (tenantId: string) => Promise<unknown>) {
  const world = new TestWorld(database);
  world.now = new Date("2021-10-04T09:00:00Z");
  const { tenant } = await provisionTenant(database.db, { slug: `bench-${Date.now()}`, policy });
  const schools = Array.from({ length: CASES }, (_, i) => ({
    urn: 800_000 + i,
    name: `Bench School ${String(i).padStart(3, "0")}`,
    laCode: "873",
    laestab: null,
    phase: "primary",
    typeOfEstablishment: "Community school",
    governance: "maintained" as const,
    trust: null,
    status: "open" as const,
    openedOn: null,
    closedOn: null,
    postcode: null,
    district: null,
    data: {},
  }));
  await provisionSchools(database.db, tenant.id, schools);
  await provisionUser(database.db, tenant.id, {
    email: "senior@bench.test",
    displayName: "Senior",
    password: TEST_PASSWORD,
    grants: [{ role: "la-senior-officer" }],
  });
  await provisionUser(database.db, tenant.id, {
    email: "sia@bench.test",
    displayName: "Adviser",
    password: TEST_PASSWORD,
    grants: [{ role: "school-improvement-adviser" }],
  });
  const senior = await world.client().signIn(tenant.slug, "senior@bench.test");
  const adviser = await world.client().signIn(tenant.slug, "sia@bench.test");
  const sia = (await senior.api.users.list({ officersOnly: true })).find((u) => u.email === "sia@bench.test")!;
  const categories = policy.categories.map((c) => c.key);
  const caseIds: string[] = [];
  for (const [i, school] of schools.entries()) {
    const { caseId } = await senior.api.cases.open({ urn: school.urn });
    await senior.api.cases.assign({ caseId, officerId: sia.id });
    await senior.api.assessments.decide({
      caseId,
      category: categories[i % categories.length]!,
      effectiveFrom: "2021-10-04",
    });
    caseIds.push(caseId);
  }
  const visits: { caseId: string; visitId: string }[] = [];
  for (const caseId of caseIds.slice(0, RUNS)) {
    await adviser.api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-04" });
    const view = await adviser.api.cases.get({ caseId });
    visits.push({ caseId, visitId: view.visits[0]!.id });
  }
  // Measure as production runs after a bulk load: with current statistics, not those of empty tables.
  await analyzeTenantTables(database.db);
  const data = sampleFromSchema(policy.forms.find((f) => f.key === "visit-report")!.schema, {
    date: "2021-10-04",
  }) as Record<string, unknown>;

  console.log(`\n${kind}: ${CASES} cases, ${RUNS} runs each`);
  for (let i = 0; i < 20; i++) await senior.api.cases.list({ limit: 50 });
  const api = await time(RUNS, () => senior.api.cases.list({ limit: 50, offset: 0 }));
  line("cases.list (dashboard, 50 of 400) via API", api);
  for (let i = 0; i < 20; i++) await rawQuery(tenant.id);
  const raw = await time(RUNS, () => rawQuery(tenant.id));
  line("the same query as raw SQL", raw);
  console.log(`  ratio (API / raw SQL, p50): ${(api.p50 / raw.p50).toFixed(1)}x`);
  const get = await time(RUNS, (i) => senior.api.cases.get({ caseId: caseIds[i]! }));
  line("cases.get (case page) via API", get);
  const record = await time(RUNS, (i) => adviser.api.visits.record({ ...visits[i]!, data, concerns: false }));
  line("visits.record (mutation) via API", record);
  if (HEAP_VISITS > 0) await heapOverVisits(adviser.api, caseIds, data);
}

/** Heap in use in MB, after a forced collection when the process runs with --expose-gc. */
function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Records HEAP_VISITS more visits (spread over the cases, one each then again) and prints the heap as it goes. */
async function heapOverVisits(api: TestClient["api"], caseIds: string[], data: Record<string, unknown>) {
  const pending: { caseId: string; visitId: string }[] = [];
  for (let i = 0; i < HEAP_VISITS; i++) {
    const caseId = caseIds[i % caseIds.length]!;
    await api.visits.schedule({ caseId, visitType: "school-improvement-adviser-visit", date: "2021-10-05" });
  }
  for (const caseId of caseIds) {
    const view = await api.cases.get({ caseId });
    for (const visit of view.visits) if (visit.status === "scheduled") pending.push({ caseId, visitId: visit.id });
  }
  const marks = new Set([100, Math.floor(HEAP_VISITS / 2), HEAP_VISITS]);
  const start = heapMb();
  const figures = [`start ${start.toFixed(1)}`];
  for (const [i, visit] of pending.slice(0, HEAP_VISITS).entries()) {
    await api.visits.record({ ...visit, data, concerns: false });
    if (marks.has(i + 1)) figures.push(`${i + 1}: ${heapMb().toFixed(1)}`);
  }
  const gc = globalThis.gc ? "after gc" : "no --expose-gc: without a forced collection";
  console.log(`  heap over ${HEAP_VISITS} recorded visits (MB, ${gc}): ${figures.join("   ")}`);
}

/** The dashboard query the API runs, written by hand: tenant-scoped transaction, school and officer joined, first 50 by name, with the total. */
const DASHBOARD_SQL = `
  select c.id, c.school_urn, c.category, c.stage, c.status, c.assigned_officer_id, c.next_visit_due, c.open_letters,
         c.letter_deadline, c.review_date, c.policy_version_id, c.updated_at, s.name as school_name, s.phase, s.governance,
         s.trust, s.district, u.display_name as officer_name
  from cases c
  join schools s on s.tenant_id = c.tenant_id and s.urn = c.school_urn
  left join users u on u.tenant_id = c.tenant_id and u.id = c.assigned_officer_id
  where c.status = 'open'
  order by s.name, c.school_urn limit 50 offset 0`;
const COUNT_SQL = `select count(*)::int as total from cases c join schools s on s.tenant_id = c.tenant_id and s.urn = c.school_urn where c.status = 'open'`;

const embedded = await connectDatabase({});
await migrateToLatest(embedded.db);
await bench("Embedded (PGlite)", embedded, (tenantId) =>
  withTenant(embedded.db, tenantId, async (trx) => {
    await sql.raw(DASHBOARD_SQL).execute(trx);
    await sql.raw(COUNT_SQL).execute(trx);
  }),
);
await embedded.close();

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (serverUrl) {
  const fresh = await createServerDatabase(serverUrl);
  const server = await connectDatabase({ databaseUrl: fresh.url });
  await migrateToLatest(server.db);
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  await bench("PostgreSQL", server, async (tenantId) => {
    await client.query("begin");
    await client.query("select set_config('app.tenant_id', $1, true)", [tenantId]);
    await client.query("set local role steward_app");
    await client.query(DASHBOARD_SQL);
    await client.query(COUNT_SQL);
    await client.query("commit");
  });
  await client.end();
  await server.close();
  await fresh.drop();
} else {
  console.log(
    "\nPostgreSQL: skipped (set BENCH_DATABASE_URL=postgres://... to a server this user may create databases on).",
  );
}
