import { sql } from "kysely";

import { accessToSql, schoolAttributeColumns, type AccessFilter } from "./access.ts";
import type { TenantTransaction } from "./tenant.ts";

/** How the permission vocabulary's RegisterEntry fields map to the table's columns. */
const entryColumns = {
  schoolUrn: sql.ref("register_entries.school_urn"),
  register: sql.ref("register_entries.register"),
  status: sql.ref("register_entries.status"),
  // The entry's school is joined as `schools` where entries are filtered by access.
  ...schoolAttributeColumns("schools"),
};

/** One entry as the case's state holds it, to be written beside the events that logged or closed it. */
export interface RegisterEntryValues {
  id: string;
  register: string;
  occurredOn: string;
  fields: Record<string, unknown>;
  status: "open" | "closed";
  loggedBy: string;
  loggedAt: string;
  closedBy?: string | undefined;
  closedAt?: string | undefined;
  closeNote?: string | undefined;
}

/**
 * Writes a case's register entries as its state now holds them (new ones
 * inserted, changed ones updated), in the caller's transaction: the one that
 * appends the events that changed them.
 */
export async function saveRegisterEntries(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  schoolUrn: number,
  entries: readonly RegisterEntryValues[],
): Promise<void> {
  if (entries.length === 0) return;
  await trx
    .insertInto("register_entries")
    .values(
      entries.map((entry) => ({
        tenant_id: tenantId,
        id: entry.id,
        case_id: caseId,
        school_urn: schoolUrn,
        register: entry.register,
        occurred_on: entry.occurredOn,
        logged_at: entry.loggedAt,
        logged_by: entry.loggedBy,
        status: entry.status,
        fields: JSON.stringify(entry.fields),
        closed_at: entry.closedAt ?? null,
        closed_by: entry.closedBy ?? null,
        close_note: entry.closeNote ?? null,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["tenant_id", "id"]).doUpdateSet((eb) => ({
        school_urn: eb.ref("excluded.school_urn"),
        occurred_on: eb.ref("excluded.occurred_on"),
        status: eb.ref("excluded.status"),
        fields: eb.ref("excluded.fields"),
        closed_at: eb.ref("excluded.closed_at"),
        closed_by: eb.ref("excluded.closed_by"),
        close_note: eb.ref("excluded.close_note"),
      })),
    )
    .execute();
}

export interface RegisterEntryFilter {
  register?: string | undefined;
  status?: "open" | "closed" | undefined;
  /** A school's URN (all digits) or part of its name. */
  school?: string | undefined;
  /** Entries that happened on or after this date. */
  occurredFrom?: string | undefined;
  /** Entries that happened on or before this date. */
  occurredTo?: string | undefined;
}

/** The entries the access filter lets the user read, narrowed by the filter: every count and row below starts here. */
function filteredEntries(trx: TenantTransaction, access: AccessFilter, filter: RegisterEntryFilter) {
  let query = trx
    .selectFrom("register_entries")
    .innerJoin("schools", (join) =>
      join
        .onRef("schools.tenant_id", "=", "register_entries.tenant_id")
        .onRef("schools.urn", "=", "register_entries.school_urn"),
    )
    .where(accessToSql(access, entryColumns));
  if (filter.register) query = query.where("register_entries.register", "=", filter.register);
  if (filter.status) query = query.where("register_entries.status", "=", filter.status);
  const school = filter.school?.trim();
  if (school)
    query = /^\d+$/.test(school)
      ? query.where("register_entries.school_urn", "=", Number(school))
      : query.where(sql<boolean>`lower(schools.name) like ${`%${school.toLowerCase().replace(/[%_\\]/g, "\\$&")}%`}`);
  if (filter.occurredFrom) query = query.where("register_entries.occurred_on", ">=", filter.occurredFrom);
  if (filter.occurredTo) query = query.where("register_entries.occurred_on", "<=", filter.occurredTo);
  return query;
}

function selectEntries(query: ReturnType<typeof filteredEntries>) {
  return query
    .leftJoin("users as logger", (join) =>
      join
        .onRef("logger.tenant_id", "=", "register_entries.tenant_id")
        .onRef("logger.id", "=", "register_entries.logged_by"),
    )
    .leftJoin("users as closer", (join) =>
      join
        .onRef("closer.tenant_id", "=", "register_entries.tenant_id")
        .onRef("closer.id", "=", "register_entries.closed_by"),
    )
    .select([
      "register_entries.id",
      "register_entries.case_id",
      "register_entries.school_urn",
      "schools.name as school_name",
      "register_entries.register",
      "register_entries.occurred_on",
      "register_entries.logged_at",
      "logger.display_name as logged_by_name",
      "register_entries.status",
      "register_entries.fields",
      "register_entries.closed_at",
      "closer.display_name as closed_by_name",
      "register_entries.close_note",
    ])
    .orderBy("register_entries.occurred_on", "desc")
    .orderBy("register_entries.logged_at", "desc")
    .orderBy("register_entries.id");
}

/**
 * A page of register entries across schools, newest first (by the date they
 * happened), and the total for paging: both counted in SQL over the rows the
 * access filter lets the user read, so a total never counts an entry they may not.
 */
export async function listRegisterEntries(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: RegisterEntryFilter & { limit: number; offset: number },
) {
  const query = filteredEntries(trx, access, filter);
  const [rows, count] = await Promise.all([
    selectEntries(query).limit(filter.limit).offset(filter.offset).execute(),
    query.select(sql<number>`count(*)::int`.as("total")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/** Every entry a filter matches that the user may read (for a CSV), newest first, up to `limit` rows. */
export async function exportRegisterEntries(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: RegisterEntryFilter & { limit: number },
) {
  return selectEntries(filteredEntries(trx, access, filter))
    .limit(filter.limit)
    .execute();
}
