import { sql, type RawBuilder } from "kysely";

import { accessToSql, fieldScopeToSql, schoolAttributeColumns, type AccessFilter, type FieldScope } from "./access.ts";
import type { CaseEventRow, CaseRow, Governance } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** How the permission vocabulary's Case fields map to columns of a case list (and of the lists that join their case). */
export const caseColumns = {
  schoolUrn: sql.ref("cases.school_urn"),
  assignedOfficerId: sql.ref("cases.assigned_officer_id"),
  category: sql.ref("cases.category"),
  stage: sql.ref("cases.stage"),
  status: sql.ref("cases.status"),
  // The case's school is joined as `schools` in every query that filters by access.
  ...schoolAttributeColumns("schools"),
};

/**
 * What of the case list a user may see: which cases, and for each column that
 * is not the case record itself, where they may see it. Every filter, sort,
 * count and selected value below reads a column only through its scope, so a
 * value the user may not read never reaches them, not even as a count or a
 * filter's total.
 */
export interface CaseReadScope {
  rows: AccessFilter;
  category: FieldScope;
  stage: FieldScope;
  assignedOfficerId: FieldScope;
  /** The next visit due (visits the user may read). */
  visits: FieldScope;
  /** Open letters, letters awaiting acknowledgement, the nearest deadline and review date. */
  letters: FieldScope;
}

/** For each scoped column: whether the row may show it, and its value where it may (null elsewhere). */
function scopedColumns(scope: CaseReadScope) {
  const visible = (field: FieldScope) => fieldScopeToSql(field, caseColumns);
  const shown = <T>(when: ReturnType<typeof visible>, column: string) =>
    sql<T | null>`(case when ${when} then ${sql.ref(column)} end)`;
  const v = {
    category: visible(scope.category),
    stage: visible(scope.stage),
    officer: visible(scope.assignedOfficerId),
    visits: visible(scope.visits),
    letters: visible(scope.letters),
  };
  return {
    visible: v,
    category: shown<string>(v.category, "cases.category"),
    stage: shown<string>(v.stage, "cases.stage"),
    officer: shown<string>(v.officer, "cases.assigned_officer_id"),
    nextVisitDue: shown<string>(v.visits, "cases.next_visit_due"),
    openLetters: shown<number>(v.letters, "cases.open_letters"),
    awaitingAcknowledgement: shown<number>(v.letters, "cases.letters_awaiting_acknowledgement"),
    letterDeadline: shown<string>(v.letters, "cases.letter_deadline"),
    reviewDate: shown<string>(v.letters, "cases.review_date"),
  };
}

export interface CaseFilter {
  search?: string | undefined;
  category?: string | undefined;
  stage?: string | undefined;
  phase?: string | undefined;
  governance?: Governance | undefined;
  officerId?: string | undefined;
  /** Only cases with no officer assigned. */
  unassigned?: boolean | undefined;
  overdue?: boolean | undefined;
  status?: "open" | "closed" | undefined;
  /** Visits due on or before this date. */
  dueBy?: string | undefined;
  /** Only cases with letters drafted, approved or in force. */
  openLetters?: boolean | undefined;
  /** Only cases with a letter issued and not yet acknowledged. */
  awaitingAcknowledgement?: boolean | undefined;
  /** Only cases with a letter past its deadline. */
  lettersPastDeadline?: boolean | undefined;
  today: string;
  limit: number;
  offset: number;
  sort?: "school" | "next-visit" | "category" | "stage" | undefined;
}

function filteredCases(
  trx: TenantTransaction,
  scope: CaseReadScope,
  filter: Omit<CaseFilter, "limit" | "offset" | "sort">,
) {
  const c = scopedColumns(scope);
  let query = trx
    .selectFrom("cases")
    .innerJoin("schools", (join) =>
      join.onRef("schools.tenant_id", "=", "cases.tenant_id").onRef("schools.urn", "=", "cases.school_urn"),
    )
    .leftJoin("users as officer", (join) =>
      join.onRef("officer.tenant_id", "=", "cases.tenant_id").onRef("officer.id", "=", "cases.assigned_officer_id"),
    )
    .where(accessToSql(scope.rows, caseColumns));
  query = query.where("cases.status", "=", filter.status ?? "open");
  if (filter.search?.trim()) {
    const text = filter.search.trim();
    query = /^\d+$/.test(text)
      ? query.where("cases.school_urn", "=", Number(text))
      : query.where(sql<boolean>`lower(schools.name) like ${`%${text.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`}`);
  }
  if (filter.category)
    query =
      filter.category === "none"
        ? query.where(sql<boolean>`${c.visible.category} and cases.category is null`)
        : query.where(sql<boolean>`${c.category} = ${filter.category}`);
  if (filter.stage) query = query.where(sql<boolean>`${c.stage} = ${filter.stage}`);
  if (filter.phase) query = query.where("schools.phase", "=", filter.phase);
  if (filter.governance) query = query.where("schools.governance", "=", filter.governance);
  if (filter.officerId) query = query.where(sql<boolean>`${c.officer} = ${filter.officerId}`);
  if (filter.unassigned) query = query.where(sql<boolean>`${c.visible.officer} and cases.assigned_officer_id is null`);
  if (filter.overdue) query = query.where(sql<boolean>`${c.nextVisitDue} < ${filter.today}`);
  if (filter.dueBy) query = query.where(sql<boolean>`${c.nextVisitDue} <= ${filter.dueBy}`);
  if (filter.openLetters) query = query.where(sql<boolean>`${c.openLetters} > 0`);
  if (filter.awaitingAcknowledgement) query = query.where(sql<boolean>`${c.awaitingAcknowledgement} > 0`);
  if (filter.lettersPastDeadline) query = query.where(sql<boolean>`${c.letterDeadline} < ${filter.today}`);
  return { query, c };
}

/** The dashboard list: cases the access filter allows, with school and officer, and the total for paging. */
export async function listCases(trx: TenantTransaction, scope: CaseReadScope, filter: CaseFilter) {
  const { query, c } = filteredCases(trx, scope, filter);
  const orders: Record<NonNullable<CaseFilter["sort"]>, readonly [RawBuilder<unknown>, RawBuilder<unknown>]> = {
    school: [sql`schools.name`, sql`cases.school_urn`],
    "next-visit": [sql`${c.nextVisitDue} asc nulls last`, sql`schools.name`],
    category: [sql`${c.category}`, sql`schools.name`],
    stage: [sql`${c.stage}`, sql`schools.name`],
  };
  const [first, second] = orders[filter.sort ?? "school"];
  const [rows, count] = await Promise.all([
    query
      .select([
        "cases.id",
        "cases.school_urn",
        c.category.as("category"),
        c.stage.as("stage"),
        "cases.status",
        c.officer.as("assigned_officer_id"),
        c.nextVisitDue.as("next_visit_due"),
        c.openLetters.as("open_letters"),
        c.awaitingAcknowledgement.as("letters_awaiting_acknowledgement"),
        c.letterDeadline.as("letter_deadline"),
        c.reviewDate.as("review_date"),
        "cases.policy_version_id",
        "cases.updated_at",
        "schools.name as school_name",
        "schools.phase",
        "schools.governance",
        "schools.trust",
        "schools.district",
        sql<string | null>`(case when ${c.visible.officer} then officer.display_name end)`.as("officer_name"),
      ])
      .orderBy(first)
      .orderBy(second)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * Counts for the dashboard: by category, by stage, overdue, due by a date,
 * letters open, awaiting acknowledgement and past deadline. One query, one pass
 * over the tenant's matching cases: grouping sets give the per-category and
 * per-stage counts and the totals together, each scoped as the list is. A
 * category (or stage) the user may not read is grouped apart and left out,
 * never counted under its key; a count they may not read counts nothing.
 */
export async function summariseCases(
  trx: TenantTransaction,
  scope: CaseReadScope,
  filter: Omit<CaseFilter, "limit" | "offset" | "sort"> & { dueBy: string },
) {
  const { dueBy, ...rest } = filter;
  const { query: base, c } = filteredCases(trx, scope, rest);
  const scoped = base
    .select([
      c.category.as("category"),
      sql<boolean>`${c.visible.category}`.as("category_visible"),
      c.stage.as("stage"),
      sql<boolean>`${c.visible.stage}`.as("stage_visible"),
      c.nextVisitDue.as("next_visit_due"),
      c.openLetters.as("open_letters"),
      c.awaitingAcknowledgement.as("awaiting_acknowledgement"),
      c.letterDeadline.as("letter_deadline"),
    ])
    .as("scoped");
  const rows = await trx
    .selectFrom(scoped)
    .select([
      // 0: the totals row; 1: a category's row; 2: a stage's row.
      sql<number>`(case when grouping(category_visible, category) = 0 then 1 when grouping(stage_visible, stage) = 0 then 2 else 0 end)`.as(
        "kind",
      ),
      sql<string | null>`coalesce(category, stage)`.as("key"),
      sql<boolean>`coalesce(category_visible, stage_visible, true)`.as("visible"),
      sql<number>`count(*)::int`.as("cases"),
      sql<number>`count(*) filter (where next_visit_due < ${filter.today})::int`.as("overdue"),
      sql<number>`count(*) filter (where next_visit_due >= ${filter.today} and next_visit_due <= ${dueBy})::int`.as(
        "due",
      ),
      sql<number>`coalesce(sum(open_letters), 0)::int`.as("openLetters"),
      sql<number>`coalesce(sum(awaiting_acknowledgement), 0)::int`.as("awaitingAcknowledgement"),
      sql<number>`count(*) filter (where letter_deadline < ${filter.today})::int`.as("pastDeadline"),
    ])
    .groupBy(sql`grouping sets ((category_visible, category), (stage_visible, stage), ())`)
    .execute();
  const counts = (kind: number) =>
    rows.filter((r) => Number(r.kind) === kind && r.visible).map((r) => ({ key: r.key, count: Number(r.cases) }));
  const totals = rows.find((r) => Number(r.kind) === 0);
  return {
    byCategory: counts(1),
    byStage: counts(2),
    cases: Number(totals?.cases ?? 0),
    overdue: Number(totals?.overdue ?? 0),
    due: Number(totals?.due ?? 0),
    openLetters: Number(totals?.openLetters ?? 0),
    awaitingAcknowledgement: Number(totals?.awaitingAcknowledgement ?? 0),
    pastDeadline: Number(totals?.pastDeadline ?? 0),
  };
}

/**
 * A case's row. `lock` takes the row for update (until the transaction ends): a writer that loads the case
 * this way waits for another writer of the same case to commit and then reads its result, so commands on one
 * case queue rather than fail "stale" on the guarded append.
 */
export async function findCase(
  trx: TenantTransaction,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CaseRow | undefined> {
  const query = trx.selectFrom("cases").selectAll().where("id", "=", id);
  return (options.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function findOpenCaseForSchool(trx: TenantTransaction, urn: number): Promise<CaseRow | undefined> {
  return trx
    .selectFrom("cases")
    .selectAll()
    .where("school_urn", "=", urn)
    .where("status", "=", "open")
    .executeTakeFirst();
}

/** Whether the tenant has any open case. */
export async function hasOpenCase(trx: TenantTransaction): Promise<boolean> {
  const row = await trx.selectFrom("cases").select("id").where("status", "=", "open").limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function listCaseEvents(trx: TenantTransaction, caseId: string, until?: Date): Promise<CaseEventRow[]> {
  let query = trx.selectFrom("case_events").selectAll().where("case_id", "=", caseId);
  if (until) query = query.where("occurred_at", "<=", until);
  return query.orderBy("seq").execute();
}

/**
 * A case's events for its timeline: each event's header (type, time, actor) and the payload without its bodies
 * (a visit report's answers and notes, a letter's HTML and notes, a meeting's minutes, an assessment's
 * selections, a register entry's fields), left in the database by jsonb operators. What is left is what a
 * timeline line names: the visit, letter or entry, dates, reasons, a suggested category.
 */
export async function listCaseEventHeaders(trx: TenantTransaction, caseId: string): Promise<CaseEventRow[]> {
  return trx
    .selectFrom("case_events")
    .select([
      "tenant_id",
      "case_id",
      "seq",
      "type",
      "actor_id",
      "policy_version_id",
      "occurred_at",
      "recorded_at",
      sql<Record<string, unknown>>`payload - 'data' - 'agendaNotes' - 'html' - 'fields'
        #- '{letter,html}' #- '{letter,notes}' #- '{meeting,minutes}'
        #- '{assessment,selections}' #- '{assessment,dimensions}' #- '{assessment,explanation}'`.as("payload"),
    ])
    .where("case_id", "=", caseId)
    .orderBy("seq")
    .execute();
}

/** A visit report's body: the form answers and agenda notes, kept only in its `visit-recorded` event. */
export interface VisitReportBody {
  data: Record<string, unknown>;
  agendaNotes: Record<string, string>;
}

/**
 * The bodies of some of a case's visit reports, by visit id, read from their `visit-recorded` events (a case's
 * stored state keeps only each report's header). Only the visits asked for are read: a caller asks for the
 * reports its user may read, so a body the user may not see never leaves the database.
 */
export async function findVisitReportBodies(
  trx: TenantTransaction,
  caseId: string,
  visitIds: readonly string[],
): Promise<Map<string, VisitReportBody>> {
  if (visitIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("case_events")
    .select([
      sql<string>`payload->>'visitId'`.as("visit_id"),
      sql<Record<string, unknown>>`coalesce(payload->'data', '{}'::jsonb)`.as("data"),
      sql<Record<string, string>>`coalesce(payload->'agendaNotes', '{}'::jsonb)`.as("agenda_notes"),
    ])
    .where("case_id", "=", caseId)
    .where("type", "=", "visit-recorded")
    .where(sql<string>`payload->>'visitId'`, "in", visitIds)
    .execute();
  return new Map(rows.map((r) => [r.visit_id, { data: r.data, agendaNotes: r.agenda_notes }]));
}

/** The tenant's open cases (id and school), in URN order: what the daily check visits, one case at a time. */
export async function listOpenCaseIds(trx: TenantTransaction): Promise<{ id: string; school_urn: number }[]> {
  return trx
    .selectFrom("cases")
    .select(["id", "school_urn"])
    .where("status", "=", "open")
    .orderBy("school_urn")
    .orderBy("id")
    .execute();
}

/** The ids of the tenant's open cases not yet under a policy version (in id order): the cases a publish moves. */
export async function listOpenCasesNotUnder(trx: TenantTransaction, policyVersionId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("cases")
    .select("id")
    .where("status", "=", "open")
    .where("policy_version_id", "!=", policyVersionId)
    .orderBy("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Every case's current state (for dry runs of a policy move and impact reports). */
export async function listCaseStates(trx: TenantTransaction, filter: { status?: "open" | "closed" } = {}) {
  return trx
    .selectFrom("cases")
    .select(["id", "school_urn", "policy_version_id", "assigned_officer_id", "category", "stage", "state", "last_seq"])
    .where("status", "=", filter.status ?? "open")
    .execute();
}

export interface CaseProjection {
  schoolUrn: number;
  policyVersionId: string;
  status: "open" | "closed";
  category: string | null;
  stage: string | null;
  assignedOfficerId: string | null;
  state: Record<string, unknown>;
  nextVisitDue: string | null;
  openLetters: number;
  lettersAwaitingAcknowledgement: number;
  letterDeadline: string | null;
  reviewDate: string | null;
}

export interface EventValues {
  type: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  policyVersionId: string | null;
  occurredAt: string;
}

function projectionColumns(projection: CaseProjection) {
  return {
    school_urn: projection.schoolUrn,
    policy_version_id: projection.policyVersionId,
    status: projection.status,
    category: projection.category,
    stage: projection.stage,
    assigned_officer_id: projection.assignedOfficerId,
    state: JSON.stringify(projection.state),
    next_visit_due: projection.nextVisitDue,
    open_letters: projection.openLetters,
    letters_awaiting_acknowledgement: projection.lettersAwaitingAcknowledgement,
    letter_deadline: projection.letterDeadline,
    review_date: projection.reviewDate,
  };
}

async function insertEvents(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  firstSeq: number,
  events: readonly EventValues[],
) {
  if (events.length === 0) return;
  await trx
    .insertInto("case_events")
    .values(
      events.map((event, i) => ({
        tenant_id: tenantId,
        case_id: caseId,
        seq: firstSeq + i,
        type: event.type,
        payload: JSON.stringify(event.payload),
        actor_id: event.actorId,
        policy_version_id: event.policyVersionId,
        occurred_at: event.occurredAt,
      })),
    )
    .execute();
}

/** Opens a case: its row, projection and first events, together. */
export async function insertCase(
  trx: TenantTransaction,
  tenantId: string,
  id: string,
  projection: CaseProjection,
  events: readonly EventValues[],
): Promise<CaseRow> {
  const row = await trx
    .insertInto("cases")
    .values({ tenant_id: tenantId, id, ...projectionColumns(projection), last_seq: events.length })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertEvents(trx, tenantId, id, 1, events);
  return row;
}

/**
 * Appends events to a case and saves its new projection, if nobody else wrote
 * to the case since `expectedSeq`: returns false (and writes nothing) when the
 * case moved on, so the caller can report a conflict.
 */
export async function appendCaseEvents(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  expectedSeq: number,
  events: readonly EventValues[],
  projection: CaseProjection,
): Promise<boolean> {
  const updated = await trx
    .updateTable("cases")
    .set({ ...projectionColumns(projection), last_seq: expectedSeq + events.length, updated_at: new Date() })
    .where("id", "=", caseId)
    .where("last_seq", "=", expectedSeq)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await insertEvents(trx, tenantId, caseId, expectedSeq + 1, events);
  return true;
}
