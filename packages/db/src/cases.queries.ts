import { sql } from "kysely";
import { accessToSql, type AccessFilter } from "./access.ts";
import type { CaseEventRow, CaseRow, Governance } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** How the permission vocabulary's Case fields map to columns of a case list. */
const caseColumns = {
  schoolUrn: sql.ref("cases.school_urn"),
  assignedOfficerId: sql.ref("cases.assigned_officer_id"),
  category: sql.ref("cases.category"),
  stage: sql.ref("cases.stage"),
  status: sql.ref("cases.status"),
};

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

function filteredCases(trx: TenantTransaction, access: AccessFilter, filter: Omit<CaseFilter, "limit" | "offset" | "sort">) {
  let query = trx
    .selectFrom("cases")
    .innerJoin("schools", (join) => join.onRef("schools.tenant_id", "=", "cases.tenant_id").onRef("schools.urn", "=", "cases.school_urn"))
    .leftJoin("users as officer", (join) => join.onRef("officer.tenant_id", "=", "cases.tenant_id").onRef("officer.id", "=", "cases.assigned_officer_id"))
    .where(accessToSql(access, caseColumns));
  query = query.where("cases.status", "=", filter.status ?? "open");
  if (filter.search?.trim()) {
    const text = filter.search.trim();
    query = /^\d+$/.test(text)
      ? query.where("cases.school_urn", "=", Number(text))
      : query.where(sql<boolean>`lower(schools.name) like ${`%${text.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`}`);
  }
  if (filter.category) query = filter.category === "none" ? query.where("cases.category", "is", null) : query.where("cases.category", "=", filter.category);
  if (filter.stage) query = query.where("cases.stage", "=", filter.stage);
  if (filter.phase) query = query.where("schools.phase", "=", filter.phase);
  if (filter.governance) query = query.where("schools.governance", "=", filter.governance);
  if (filter.officerId) query = query.where("cases.assigned_officer_id", "=", filter.officerId);
  if (filter.unassigned) query = query.where("cases.assigned_officer_id", "is", null);
  if (filter.overdue) query = query.where("cases.next_visit_due", "<", filter.today);
  if (filter.dueBy) query = query.where("cases.next_visit_due", "<=", filter.dueBy);
  if (filter.openLetters) query = query.where("cases.open_letters", ">", 0);
  if (filter.awaitingAcknowledgement) query = query.where("cases.letters_awaiting_acknowledgement", ">", 0);
  if (filter.lettersPastDeadline) query = query.where("cases.letter_deadline", "<", filter.today);
  return query;
}

/** The dashboard list: cases the access filter allows, with school and officer, and the total for paging. */
export async function listCases(trx: TenantTransaction, access: AccessFilter, filter: CaseFilter) {
  const query = filteredCases(trx, access, filter);
  const [first, second] = {
    school: [sql`schools.name`, sql`cases.school_urn`],
    "next-visit": [sql`cases.next_visit_due asc nulls last`, sql`schools.name`],
    category: [sql`cases.category`, sql`schools.name`],
    stage: [sql`cases.stage`, sql`schools.name`],
  }[filter.sort ?? "school"];
  const [rows, count] = await Promise.all([
    query
      .select([
        "cases.id",
        "cases.school_urn",
        "cases.category",
        "cases.stage",
        "cases.status",
        "cases.assigned_officer_id",
        "cases.next_visit_due",
        "cases.open_letters",
        "cases.letters_awaiting_acknowledgement",
        "cases.letter_deadline",
        "cases.review_date",
        "cases.policy_version_id",
        "cases.updated_at",
        "schools.name as school_name",
        "schools.phase",
        "schools.governance",
        "schools.trust",
        "schools.district",
        "officer.display_name as officer_name",
      ])
      .orderBy(first!)
      .orderBy(second!)
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Counts for the dashboard: by category, by stage, overdue, due by a date, letters open and past deadline. */
export async function summariseCases(trx: TenantTransaction, access: AccessFilter, filter: Omit<CaseFilter, "limit" | "offset" | "sort"> & { dueBy: string }) {
  const { dueBy, ...rest } = filter;
  const base = filteredCases(trx, access, rest);
  const [byCategory, byStage, totals] = await Promise.all([
    base.select(["cases.category as key", sql<number>`count(*)::int`.as("count")]).groupBy("cases.category").execute(),
    base.select(["cases.stage as key", sql<number>`count(*)::int`.as("count")]).groupBy("cases.stage").execute(),
    base
      .select([
        sql<number>`count(*)::int`.as("cases"),
        sql<number>`count(*) filter (where cases.next_visit_due < ${filter.today})::int`.as("overdue"),
        sql<number>`count(*) filter (where cases.next_visit_due >= ${filter.today} and cases.next_visit_due <= ${dueBy})::int`.as("due"),
        sql<number>`coalesce(sum(cases.open_letters), 0)::int`.as("openLetters"),
        sql<number>`coalesce(sum(cases.letters_awaiting_acknowledgement), 0)::int`.as("awaitingAcknowledgement"),
        sql<number>`count(*) filter (where cases.letter_deadline < ${filter.today})::int`.as("pastDeadline"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    byCategory: byCategory.map((r) => ({ key: r.key, count: Number(r.count) })),
    byStage: byStage.map((r) => ({ key: r.key, count: Number(r.count) })),
    cases: Number(totals.cases),
    overdue: Number(totals.overdue),
    due: Number(totals.due),
    openLetters: Number(totals.openLetters),
    awaitingAcknowledgement: Number(totals.awaitingAcknowledgement),
    pastDeadline: Number(totals.pastDeadline),
  };
}

export async function findCase(trx: TenantTransaction, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findOpenCaseForSchool(trx: TenantTransaction, urn: number): Promise<CaseRow | undefined> {
  return trx.selectFrom("cases").selectAll().where("school_urn", "=", urn).where("status", "=", "open").executeTakeFirst();
}

export async function listCaseEvents(trx: TenantTransaction, caseId: string, until?: Date): Promise<CaseEventRow[]> {
  let query = trx.selectFrom("case_events").selectAll().where("case_id", "=", caseId);
  if (until) query = query.where("occurred_at", "<=", until);
  return query.orderBy("seq").execute();
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

async function insertEvents(trx: TenantTransaction, tenantId: string, caseId: string, firstSeq: number, events: readonly EventValues[]) {
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
export async function insertCase(trx: TenantTransaction, tenantId: string, id: string, projection: CaseProjection, events: readonly EventValues[]): Promise<CaseRow> {
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
