// What a case's history costs (issue 15, the slim projection and batched publish), through the whole API:
// - recording visit 1 and visit 30 of one case (the stored state no longer grows with report bodies), and the
//   size of the stored state after each;
// - the publish impact and the publish for an authority with many open cases, and the longest a command on a
//   case waits while the publish runs (cases move in batches of 100, each its own transaction).
// Printed, never gating. PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) names a server, else embedded.
//   pnpm --filter @steward/api exec tsx bench/case-history.bench.ts
import { sql } from "kysely";

import { connectDatabase, migrateToLatest, withTenant, type StewardDatabase } from "@steward/db";
import { createServerDatabase } from "@steward/db/testing";
import { parsePolicyDocument } from "@steward/policy-config";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };

import { sampleFromSchema } from "../src/demo/sample-data.ts";
import { provisionSchools, provisionTenant, provisionUser } from "../src/services/provision.ts";
import { TEST_PASSWORD, TestWorld } from "../src/testing/fixtures/world.ts";

const VISITS = 30;
const CASES = Number(process.env.BENCH_CASES ?? 1000);
const policy = parsePolicyDocument(cambridgeshire);

/** Weekdays from 1 November 2021 on (after the autumn half-term; none falls in a holiday for 30 days). */
function schoolDays(count: number): string[] {
  const days: string[] = [];
  for (let d = new Date("2021-11-01T00:00:00Z"); days.length < count; d.setUTCDate(d.getUTCDate() + 1)) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function run(kind: string, database: StewardDatabase) {
  const world = new TestWorld(database);
  world.now = new Date("2021-10-04T09:00:00Z");
  const { tenant } = await provisionTenant(database.db, { slug: `history-${Date.now()}`, policy });
  const schools = Array.from({ length: CASES }, (_, i) => ({
    urn: 700_000 + i,
    name: `History School ${String(i).padStart(4, "0")}`,
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
  for (const [email, role] of [
    ["senior@history.test", "la-senior-officer"],
    ["sia@history.test", "school-improvement-adviser"],
    ["admin@history.test", "policy-administrator"],
  ] as const)
    await provisionUser(database.db, tenant.id, {
      email,
      displayName: role,
      password: TEST_PASSWORD,
      grants: [{ role }],
    });
  const senior = await world.client().signIn(tenant.slug, "senior@history.test");
  const adviser = await world.client().signIn(tenant.slug, "sia@history.test");
  const admin = await world.client().signIn(tenant.slug, "admin@history.test");
  console.log(`\n${kind}`);

  // 1. Record cost over a case's history (after a warm-up case, so the first visits do not pay for start-up).
  const form = policy.forms.find((f) => f.key === "visit-report")!;
  const [{ caseId: warmUp }, { caseId }] = [
    await senior.api.cases.open({ urn: schools[1]!.urn }),
    await senior.api.cases.open({ urn: schools[0]!.urn }),
  ];
  for (const id of [warmUp, caseId])
    for (const date of schoolDays(id === warmUp ? 10 : VISITS))
      await adviser.api.visits.schedule({ caseId: id, visitType: "school-improvement-adviser-visit", date });
  await world.at("2022-01-31T17:00:00Z", senior, adviser, admin);
  for (const visit of (await adviser.api.cases.get({ caseId: warmUp })).visits) {
    const data = sampleFromSchema(form.schema, { date: visit.date }) as Record<string, unknown>;
    await adviser.api.visits.record({ caseId: warmUp, visitId: visit.id, data, concerns: false });
  }
  const visits = (await adviser.api.cases.get({ caseId })).visits;
  const costs: number[] = [];
  const sizes: number[] = [];
  for (const visit of visits) {
    const data = sampleFromSchema(form.schema, { date: visit.date }) as Record<string, unknown>;
    costs.push((await timed(() => adviser.api.visits.record({ caseId, visitId: visit.id, data, concerns: false }))).ms);
    const { rows } = await withTenant(database.db, tenant.id, (trx) =>
      sql<{ bytes: number }>`select length(state::text) as bytes from cases where id = ${caseId}`.execute(trx),
    );
    sizes.push(Number(rows[0]!.bytes));
  }
  const first = median(costs.slice(0, 5));
  const last = median(costs.slice(-5));
  console.log(
    `  record visit, visits 1-5 (median)         ${first.toFixed(1).padStart(8)} ms   state ${sizes[0]} bytes`,
  );
  console.log(
    `  record visit, visits ${VISITS - 4}-${VISITS} (median)       ${last.toFixed(1).padStart(8)} ms   state ${sizes.at(-1)} bytes`,
  );
  const { rows: bodies } = await withTenant(database.db, tenant.id, (trx) =>
    sql<{
      bytes: number;
    }>`select coalesce(sum(length((payload - 'concerns' - 'published' - 'visitId')::text)), 0) as bytes
      from case_events where case_id = ${caseId} and type = 'visit-recorded'`.execute(trx),
  );
  console.log(`  report bodies kept in the events, not the state: ${Number(bodies[0]!.bytes)} bytes`);
  console.log(`  ratio (visit ${VISITS} / visit 1)                ${(last / first).toFixed(2)}x   (target <= 1.1x)`);

  // 2. Publish impact and publish for many open cases, and how long a command waits meanwhile.
  for (const school of schools.slice(2)) await senior.api.cases.open({ urn: school.urn });
  const published = (await admin.api.policy.list()).find((v) => v.status === "published")!;
  const draft = await admin.api.policy.createDraft({ from: "version", versionId: published.id });
  const impact = await timed(() => admin.api.policy.impact({ id: draft.id }));
  console.log(
    `  publish impact, ${CASES} cases                ${impact.ms.toFixed(0).padStart(8)} ms   (target <= 2000 ms for 2,000)`,
  );
  const waits: number[] = [];
  let publishing = true;
  const probe = (async () => {
    const [officer] = await senior.api.users.list({ officersOnly: true });
    while (publishing) {
      const start = performance.now();
      await senior.api.cases.assign({ caseId, officerId: officer!.id });
      waits.push(performance.now() - start);
    }
  })();
  const publish = await timed(() => admin.api.policy.publish({ id: draft.id, revision: draft.revision }));
  publishing = false;
  await probe;
  console.log(
    `  publish, ${CASES} cases                       ${publish.ms.toFixed(0).padStart(8)} ms   moved ${publish.value.moves.moved}, not moved ${publish.value.moves.failed.length}`,
  );
  console.log(
    `  a command on a case during the publish     ${Math.max(...waits)
      .toFixed(0)
      .padStart(8)} ms at most over ${waits.length} commands (target <= 1000 ms)`,
  );
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (serverUrl) {
  const fresh = await createServerDatabase(serverUrl);
  const server = await connectDatabase({ databaseUrl: fresh.url });
  await migrateToLatest(server.db);
  await run(`PostgreSQL: one case with ${VISITS} visits; ${CASES} open cases`, server);
  await server.close();
  await fresh.drop();
} else {
  const embedded = await connectDatabase({});
  await migrateToLatest(embedded.db);
  await run(`Embedded (PGlite): one case with ${VISITS} visits; ${CASES} open cases`, embedded);
  await embedded.close();
}
