// Every list a user pages through is planned, under row-level security and
// with current statistics, as an index read of the one authority's rows: this
// runs EXPLAIN (ANALYZE, BUFFERS) of the SQL the real query functions send
// (captured as they run, so it cannot drift from them) and names each query
// that reads a whole tenant table instead. At national scale a sequential scan
// reads 153 authorities' rows to return one authority's page.
import {
  CompiledQuery,
  PostgresQueryCompiler,
  SelectQueryNode,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ALLOW_ALL, type AccessFilter } from "./access.ts";
import { listAudit } from "./audit.queries.ts";
import { listCases, listOpenCaseIds, summariseCases, type CaseReadScope } from "./cases.queries.ts";
import type { StewardDatabase } from "./connection.ts";
import { listFormResponses } from "./forms.queries.ts";
import { listImportRuns, listIndicatorValues } from "./indicators.queries.ts";
import { listRegisterEntries } from "./registers.queries.ts";
import type { Tenant } from "./schema.ts";
import { listSchools } from "./schools.queries.ts";
import { analyzeTenantTables } from "./statistics.ts";
import { countMyTasks, listMyTasks, listTeamTasks } from "./tasks.queries.ts";
import { withTenant, type TenantTransaction } from "./tenant.ts";
import { createTestTenant, openTestDatabase } from "./testing/index.ts";
import { listUsers } from "./users.queries.ts";

/** A list may not read more rows than this of any table by a sequential scan. */
const SEQ_SCAN_THRESHOLD = 1_000;

/**
 * The authority whose lists are checked is small beside the others (as every
 * authority is at national scale, where the largest holds ~2% of the rows):
 * 200 schools and cases beside two of 2,000, about 21,000 events and as many
 * audit entries in all.
 */
const CHECKED = { schools: 200, audit: 1_000 };
const OTHERS = { schools: 2_000, audit: 10_000 };
const EVENTS_PER_CASE = 5;

let database: StewardDatabase;
let tenant: Tenant;
let officerId: string;
/** An audit entry of the checked tenant halfway down its log: where a second page starts. */
let auditCursor: number;

/** Users, a policy version, schools with a case each (spread over categories, stages, due dates, letters), events and audit entries. */
async function seedTenant(tenantId: string, size: { schools: number; audit: number }) {
  await withTenant(database.db, tenantId, async (trx) => {
    await sql`
      insert into users (tenant_id, email, display_name)
      select ${tenantId}, 'officer-' || i || '@example.test', 'Officer ' || i from generate_series(1, 30) i
    `.execute(trx);
    await sql`
      insert into policy_versions (tenant_id, version, format_version, document) values (${tenantId}, 1, 1, '{}')
    `.execute(trx);
    await sql`
      insert into schools (tenant_id, urn, name, phase, governance, district)
      select ${tenantId}, 100000 + i, 'School ' || md5(i::text),
        (array['primary', 'secondary', 'special'])[1 + i % 3],
        (array['maintained', 'academy', 'free-school', 'other'])[1 + i % 4],
        (array['North', 'South', 'East', 'West'])[1 + i % 4]
      from generate_series(1, ${size.schools}::int) i
    `.execute(trx);
    await sql`
      with officers as (select array_agg(id order by email) as ids from users),
        policy as (select id from policy_versions)
      insert into cases (tenant_id, school_urn, policy_version_id, status, category, stage, assigned_officer_id,
        next_visit_due, open_letters, letters_awaiting_acknowledgement, letter_deadline, last_seq)
      select ${tenantId}, 100000 + i, policy.id, case when i % 10 = 0 then 'closed' else 'open' end,
        (array['one', 'two', 'three', null])[1 + i % 4], (array['watch', 'support', 'intervene'])[1 + i % 3],
        officers.ids[1 + i % 29], current_date + (i % 120 - 30), i % 3,
        case when i % 20 = 5 then 1 else 0 end,
        case when i % 15 = 1 then current_date + (i % 30 - 15) end, ${EVENTS_PER_CASE}::int
      from generate_series(1, ${size.schools}::int) i, officers, policy
    `.execute(trx);
    await sql`
      insert into case_events (tenant_id, case_id, seq, type, occurred_at)
      select ${tenantId}, cases.id, s, 'noted', now() - s * interval '1 day'
      from cases, generate_series(1, ${EVENTS_PER_CASE}::int) s
    `.execute(trx);
    // Each open case's work: two pieces for its officer, one for a role, one the school owes.
    await sql`
      insert into tasks (tenant_id, case_id, item_key, assignee, school_urn, kind, label, audience, due, record_kind)
      select ${tenantId}, cases.id, 'item-' || k, case k when 1 then 'user:' || cases.assigned_officer_id
          when 2 then 'user:' || cases.assigned_officer_id when 3 then 'role:senior' else 'role:headteacher' end,
        cases.school_urn, 'follow-up', 'Work ' || k, case when k = 4 then 'school' else 'la' end,
        current_date + (cases.school_urn % 40 - 10 + k), 'task'
      from cases, generate_series(1, 4) k where cases.status = 'open'
    `.execute(trx);
    await sql`
      with officers as (select array_agg(id order by email) as ids from users)
      insert into audit_log (tenant_id, at, actor_id, actor_label, action, subject_type, subject_id)
      select ${tenantId}, now() - i * interval '1 minute', officers.ids[1 + i % 30], 'Officer',
        (array['case.opened', 'visit.recorded', 'letter.issued', 'policy.published'])[1 + i % 4],
        (array['Case', 'Policy', 'School'])[1 + i % 3], 'subject-' || (i % 500)
      from generate_series(1, ${size.audit}::int) i, officers
    `.execute(trx);
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Statistics change only when this file says: autovacuum (on PostgreSQL) would otherwise analyse at a moment of its own.
  for (const table of ["users", "schools", "cases", "case_events", "audit_log", "tasks"])
    await sql`alter table ${sql.table(table)} set (autovacuum_enabled = false)`.execute(database.db);
  // The checked authority first, analysed alone (as autovacuum might have, or as after its provisioning), then two
  // large ones loaded without a fresh ANALYZE: the statistics still describe a table holding one authority.
  tenant = await createTestTenant(database.db, "Checked authority");
  await seedTenant(tenant.id, CHECKED);
  await analyzeTenantTables(database.db);
  for (const other of ["Large authority", "Larger authority"]) {
    await seedTenant((await createTestTenant(database.db, other)).id, OTHERS);
  }
  const officer = await withTenant(database.db, tenant.id, (trx) =>
    trx.selectFrom("users").select("id").orderBy("email").executeTakeFirstOrThrow(),
  );
  officerId = officer.id;
  const middle = await withTenant(database.db, tenant.id, (trx) =>
    trx
      .selectFrom("audit_log")
      .select("id")
      .orderBy("id", "desc")
      .offset(CHECKED.audit / 2)
      .executeTakeFirstOrThrow(),
  );
  auditCursor = Number(middle.id);
});

afterAll(async () => {
  await database?.close();
});

const everyColumn = { allOf: [] };
const everything: CaseReadScope = {
  rows: ALLOW_ALL,
  category: everyColumn,
  stage: everyColumn,
  assignedOfficerId: everyColumn,
  visits: everyColumn,
  letters: everyColumn,
};
const some = (condition: Record<string, unknown>): AccessFilter => ({ kind: "some", anyOf: [condition], noneOf: [] });
/** An officer who may read only their own cases, and letters only where a rule on their type holds. */
const ownCases = (): CaseReadScope => ({
  ...everything,
  rows: some({ assignedOfficerId: officerId }),
  letters: { allOf: [{ filter: some({ type: "warning" }), fixed: { type: "warning" } }] },
});
/** An area adviser: the schools of one district. */
const oneDistrict: CaseReadScope = { ...everything, rows: some({ "school.district": "North" }) };

const today = new Date().toISOString().slice(0, 10);
const page = { today, limit: 50, offset: 0 };

/** Every list a user pages through, as the API calls it. */
const LISTS: { name: string; run: (trx: TenantTransaction) => Promise<unknown> }[] = [
  { name: "cases.list by school", run: (trx) => listCases(trx, everything, page) },
  { name: "cases.list by next visit", run: (trx) => listCases(trx, everything, { ...page, sort: "next-visit" }) },
  { name: "cases.list by stage", run: (trx) => listCases(trx, everything, { ...page, sort: "stage" }) },
  { name: "cases.list page 4", run: (trx) => listCases(trx, everything, { ...page, offset: 150 }) },
  { name: "cases.list closed", run: (trx) => listCases(trx, everything, { ...page, status: "closed" }) },
  { name: "cases.list overdue", run: (trx) => listCases(trx, everything, { ...page, overdue: true }) },
  { name: "cases.list visits due", run: (trx) => listCases(trx, everything, { ...page, dueBy: today }) },
  {
    name: "cases.list awaiting acknowledgement",
    run: (trx) => listCases(trx, everything, { ...page, awaitingAcknowledgement: true }),
  },
  {
    name: "cases.list letters past deadline",
    run: (trx) => listCases(trx, everything, { ...page, lettersPastDeadline: true }),
  },
  { name: "cases.list category", run: (trx) => listCases(trx, everything, { ...page, category: "two" }) },
  { name: "cases.list mine", run: (trx) => listCases(trx, everything, { ...page, officerId }) },
  { name: "cases.list search", run: (trx) => listCases(trx, everything, { ...page, search: "school 1a" }) },
  { name: "cases.list own cases only", run: (trx) => listCases(trx, ownCases(), page) },
  { name: "cases.list one district", run: (trx) => listCases(trx, oneDistrict, page) },
  { name: "cases.summary", run: (trx) => summariseCases(trx, everything, { today, dueBy: today }) },
  { name: "cases.summary own cases only", run: (trx) => summariseCases(trx, ownCases(), { today, dueBy: today }) },
  {
    name: "tasks.mine",
    run: (trx) => listMyTasks(trx, ALLOW_ALL, { anywhere: [`user:${officerId}`, "role:senior"], atSchool: [] }, 500),
  },
  {
    name: "tasks.mine at a school",
    run: (trx) =>
      listMyTasks(trx, ALLOW_ALL, { anywhere: [], atSchool: [{ urn: 100001, assignees: ["role:headteacher"] }] }, 500),
  },
  {
    name: "tasks.counts own cases only",
    run: (trx) =>
      countMyTasks(
        trx,
        some({ assignedOfficerId: officerId }),
        { anywhere: [`user:${officerId}`], atSchool: [] },
        {
          today,
          weekEnd: today,
        },
      ),
  },
  { name: "tasks.team", run: (trx) => listTeamTasks(trx, ALLOW_ALL, 1000) },
  { name: "audit.list newest", run: (trx) => listAudit(trx, ALLOW_ALL, { limit: 100 }) },
  { name: "audit.list next page", run: (trx) => listAudit(trx, ALLOW_ALL, { limit: 100, before: auditCursor }) },
  { name: "audit.list by action", run: (trx) => listAudit(trx, ALLOW_ALL, { limit: 100, action: "letter.issued" }) },
  {
    name: "audit.list of one record",
    run: (trx) => listAudit(trx, ALLOW_ALL, { limit: 100, subjectType: "Case", subjectId: "subject-3" }),
  },
  { name: "audit.list by actor", run: (trx) => listAudit(trx, ALLOW_ALL, { limit: 100, actorId: officerId }) },
  { name: "audit.list own entries only", run: (trx) => listAudit(trx, some({ actorId: officerId }), { limit: 100 }) },
  { name: "schools.list", run: (trx) => listSchools(trx, ALLOW_ALL, { limit: 50, offset: 0 }) },
  { name: "schools.list search", run: (trx) => listSchools(trx, ALLOW_ALL, { limit: 50, offset: 0, search: "1a" }) },
  {
    name: "schools.list filtered",
    run: (trx) => listSchools(trx, ALLOW_ALL, { limit: 50, offset: 0, phase: "primary", governance: "academy" }),
  },
  { name: "users.list", run: (trx) => listUsers(trx, ALLOW_ALL) },
  { name: "registers.list", run: (trx) => listRegisterEntries(trx, ALLOW_ALL, { limit: 50, offset: 0 }) },
  { name: "forms.list", run: (trx) => listFormResponses(trx, ALLOW_ALL, { formKey: "visit-report" }) },
  { name: "indicators.listRuns", run: (trx) => listImportRuns(trx, { limit: 50 }) },
  { name: "a school's indicator values", run: (trx) => listIndicatorValues(trx, [100001, 100002]) },
  { name: "the daily check's open cases", run: (trx) => listOpenCaseIds(trx) },
];

/** Records the SQL and parameters of every SELECT run through it, as the driver receives them. */
class SelectRecorder implements KyselyPlugin {
  readonly queries: CompiledQuery[] = [];
  readonly #compiler = new PostgresQueryCompiler();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (SelectQueryNode.is(args.node)) this.queries.push(this.#compiler.compileQuery(args.node, args.queryId));
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

function* planNodes(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* planNodes(child);
}

/** The plan EXPLAIN printed, whichever driver read it (PGlite parses json, pg may hand back text). */
function planOf(row: UnknownRow | undefined): PlanNode {
  const value = row?.["QUERY PLAN"];
  const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
  if (!Array.isArray(parsed) || !parsed[0] || typeof parsed[0] !== "object" || !("Plan" in parsed[0]))
    throw new Error(`EXPLAIN printed no plan: ${JSON.stringify(value)}`);
  return (parsed[0] as { Plan: PlanNode }).Plan;
}

/** The rows a scan read: those it returned and those its filter (the row-level security test among them) threw away. */
function rowsRead(node: PlanNode): number {
  return (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1) + (node["Rows Removed by Filter"] ?? 0);
}

/**
 * Runs one list as the API does (inside withTenant, as steward_app), then
 * EXPLAIN ANALYZE of each SELECT it sent, in a tenant transaction of its own
 * (with `settings` applied first), and returns every sequential scan of a
 * table that read more rows than the threshold, as "Seq Scan on <table> (<rows> rows read)".
 */
async function seqScansOf(
  list: (typeof LISTS)[number],
  settings: readonly string[] = [],
): Promise<{ statements: number; scans: string[] }> {
  const recorder = new SelectRecorder();
  await withTenant(database.db.withPlugin(recorder), tenant.id, list.run);
  const scans: string[] = [];
  for (const query of recorder.queries) {
    const result = await withTenant(database.db, tenant.id, async (trx) => {
      for (const setting of settings) await sql.raw(`set local ${setting}`).execute(trx);
      return trx.executeQuery<UnknownRow>(
        CompiledQuery.raw(`explain (analyze, buffers, format json) ${query.sql}`, [...query.parameters]),
      );
    });
    for (const node of planNodes(planOf(result.rows[0]))) {
      const table = node["Relation Name"];
      if (node["Node Type"] === "Seq Scan" && table && rowsRead(node) > SEQ_SCAN_THRESHOLD)
        scans.push(`Seq Scan on ${table} (${rowsRead(node)} rows read)`);
    }
  }
  return { statements: recorder.queries.length, scans };
}

describe("list query plans with statistics older than the last bulk load", () => {
  it("read tables whole: why every bulk load ends with analyzeTenantTables", async () => {
    const [list] = LISTS;
    if (!list) throw new Error("No list to check.");
    const { scans } = await seqScansOf(list);
    expect(scans).toContain("Seq Scan on cases (4200 rows read)");
  });
});

describe("list query plans at scale, under row-level security, with current statistics", () => {
  // What provisioning and imports do after a bulk load.
  beforeAll(() => analyzeTenantTables(database.db));

  it.each(LISTS)("$name reads no tenant table whole", async (list) => {
    const { statements, scans } = await seqScansOf(list);
    expect(statements, `${list.name} ran no SELECT to explain`).toBeGreaterThan(0);
    expect(scans, `${list.name}: ${scans.join("; ")}`).toEqual([]);
  });

  it("names the query and the table when a list would read a tenant table whole", async () => {
    const [list] = LISTS;
    if (!list) throw new Error("No list to check.");
    const { scans } = await seqScansOf(list, ["enable_indexscan = off", "enable_bitmapscan = off"]);
    expect(scans).toContain("Seq Scan on cases (4200 rows read)");
  });
});
