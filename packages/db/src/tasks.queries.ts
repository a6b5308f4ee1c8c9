import { sql, type Expression, type SqlBool } from "kysely";

import { accessToSql, type AccessFilter } from "./access.ts";
import { caseColumns } from "./cases.queries.ts";
import type { TenantTransaction } from "./tenant.ts";

/** One piece of open work on a case, as the API worked it out from the case's state. */
export interface TaskValues {
  key: string;
  kind: string;
  label: string;
  audience: "la" | "school";
  due: string | null;
  recordKind: string;
  recordId: string | null;
  /** `user:<id>` and `role:<key>`: one row is stored for each. */
  assignees: string[];
}

/**
 * Rewrites a case's open work in the caller's transaction (the one that wrote
 * the case): what the state no longer yields goes, what it yields is stored.
 * Running it twice on the same state leaves the same rows.
 */
export async function replaceCaseTasks(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  schoolUrn: number,
  items: readonly TaskValues[],
): Promise<void> {
  await trx.deleteFrom("tasks").where("case_id", "=", caseId).execute();
  const rows = items.flatMap((item) =>
    [...new Set(item.assignees)].map((assignee) => ({
      tenant_id: tenantId,
      case_id: caseId,
      item_key: item.key,
      assignee,
      school_urn: schoolUrn,
      kind: item.kind,
      label: item.label,
      audience: item.audience,
      due: item.due,
      record_kind: item.recordKind,
      record_id: item.recordId,
    })),
  );
  if (rows.length > 0) await trx.insertInto("tasks").values(rows).execute();
}

/**
 * Whose work a user answers to: assignees that count at any school (their own
 * `user:<id>` and their LA roles) and, per school, the school roles they hold
 * there.
 */
export interface AssigneeSet {
  anywhere: string[];
  atSchool: { urn: number; assignees: string[] }[];
}

function isAssignedTo(set: AssigneeSet): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (set.anywhere.length > 0) parts.push(sql<SqlBool>`tasks.assignee in (${sql.join(set.anywhere)})`);
  for (const { urn, assignees } of set.atSchool)
    if (assignees.length > 0)
      parts.push(sql<SqlBool>`(tasks.school_urn = ${urn} and tasks.assignee in (${sql.join(assignees)}))`);
  return parts.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** The work rows on cases the user may read (their case and school joined for the access filter). */
function readableTasks(trx: TenantTransaction, access: AccessFilter) {
  return trx
    .selectFrom("tasks")
    .innerJoin("cases", (join) =>
      join.onRef("cases.tenant_id", "=", "tasks.tenant_id").onRef("cases.id", "=", "tasks.case_id"),
    )
    .innerJoin("schools", (join) =>
      join.onRef("schools.tenant_id", "=", "cases.tenant_id").onRef("schools.urn", "=", "cases.school_urn"),
    )
    .where(accessToSql(access, caseColumns));
}

/** A piece of work as a list shows it. */
export interface TaskRow {
  case_id: string;
  item_key: string;
  school_urn: number;
  school_name: string;
  kind: string;
  label: string;
  audience: "la" | "school";
  due: string | null;
  record_kind: string;
  record_id: string | null;
}

/**
 * The user's open work: assigned to them (or a role they hold) on a case they
 * may read, each piece once however many of their roles it is for; the
 * soonest due first, undated last.
 */
export async function listMyTasks(
  trx: TenantTransaction,
  access: AccessFilter,
  assignees: AssigneeSet,
  limit: number,
): Promise<TaskRow[]> {
  return readableTasks(trx, access)
    .where(isAssignedTo(assignees))
    .select([
      "tasks.case_id",
      "tasks.item_key",
      "tasks.school_urn",
      "schools.name as school_name",
      "tasks.kind",
      "tasks.label",
      "tasks.audience",
      "tasks.due",
      "tasks.record_kind",
      "tasks.record_id",
    ])
    .distinct()
    .orderBy(sql`tasks.due asc nulls last`)
    .orderBy("schools.name")
    .orderBy("tasks.label")
    .limit(limit)
    .execute();
}

/** How many pieces of the user's work are overdue, due today, due by `weekEnd`, and in all (as `listMyTasks` counts them). */
export async function countMyTasks(
  trx: TenantTransaction,
  access: AccessFilter,
  assignees: AssigneeSet,
  dates: { today: string; weekEnd: string },
): Promise<{ overdue: number; today: number; week: number; total: number }> {
  const item = sql`tasks.case_id::text || ':' || tasks.item_key`;
  const row = await readableTasks(trx, access)
    .where(isAssignedTo(assignees))
    .select([
      sql<number>`count(distinct ${item}) filter (where tasks.due < ${dates.today})`.as("overdue"),
      sql<number>`count(distinct ${item}) filter (where tasks.due = ${dates.today})`.as("today"),
      sql<number>`count(distinct ${item}) filter (where tasks.due > ${dates.today} and tasks.due <= ${dates.weekEnd})`.as(
        "week",
      ),
      sql<number>`count(distinct ${item})`.as("total"),
    ])
    .executeTakeFirstOrThrow();
  return { overdue: Number(row.overdue), today: Number(row.today), week: Number(row.week), total: Number(row.total) };
}

/** A piece of the LA's work with the one it is assigned to (`user:<id>` with their name, or `role:<key>`). */
export interface TeamTaskRow extends TaskRow {
  assignee: string;
  assignee_name: string | null;
}

/** The LA's open work on the cases the user may read, by assignee, the soonest due first. */
export async function listTeamTasks(
  trx: TenantTransaction,
  access: AccessFilter,
  limit: number,
): Promise<TeamTaskRow[]> {
  return readableTasks(trx, access)
    .leftJoin("users", (join) =>
      join
        .onRef("users.tenant_id", "=", "tasks.tenant_id")
        .on(sql<SqlBool>`'user:' || users.id::text = tasks.assignee`),
    )
    .where("tasks.audience", "=", "la")
    .select([
      "tasks.assignee",
      "users.display_name as assignee_name",
      "tasks.case_id",
      "tasks.item_key",
      "tasks.school_urn",
      "schools.name as school_name",
      "tasks.kind",
      "tasks.label",
      "tasks.audience",
      "tasks.due",
      "tasks.record_kind",
      "tasks.record_id",
    ])
    .orderBy("tasks.assignee")
    .orderBy(sql`tasks.due asc nulls last`)
    .orderBy("schools.name")
    .limit(limit)
    .execute();
}
