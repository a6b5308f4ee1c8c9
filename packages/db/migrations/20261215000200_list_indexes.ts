import { sql, type Kysely } from "kysely";

/**
 * Indexes for every list at national scale (153 authorities in one database,
 * one to two million case events and as many audit entries). Each leads with
 * tenant_id: row-level security adds `tenant_id = steward_current_tenant()` to
 * every query, so an index that starts elsewhere reads other authorities' rows
 * only to throw them away, and a Citus cluster distributed by tenant_id keeps
 * each index beside its rows. The column after tenant_id is what the list
 * filters or pages by, so a page is an index range, not a sort of the tenant.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The dashboard: open (or closed) cases by next visit due (the default filter,
  // the "next visit" sort, overdue and due-by filters).
  await sql`create index cases_by_visit_due on cases (tenant_id, status, next_visit_due)`.execute(db);
  // Sorting and filtering by stage, as cases_by_category does for categories.
  await sql`create index cases_by_stage on cases (tenant_id, stage)`.execute(db);
  // Letters awaiting acknowledgement and letters past their deadline: few cases of
  // many, so partial indexes that hold only those.
  await sql`
    create index cases_awaiting_acknowledgement on cases (tenant_id, status)
    where letters_awaiting_acknowledgement > 0
  `.execute(db);
  await sql`
    create index cases_by_letter_deadline on cases (tenant_id, status, letter_deadline)
    where letter_deadline is not null
  `.execute(db);

  // The register and the user list in the order they are shown.
  await sql`create index schools_in_name_order on schools (tenant_id, name, urn)`.execute(db);
  await sql`create index users_in_name_order on users (tenant_id, display_name, email)`.execute(db);

  // The audit log pages newest first by id (a keyset: `id < cursor`), also when
  // filtered by action, by record, or by who did it.
  await sql`create index audit_log_by_action on audit_log (tenant_id, action, id desc)`.execute(db);
  await sql`create index audit_log_by_subject on audit_log (tenant_id, subject_type, subject_id, id desc)`.execute(db);
  await sql`create index audit_log_by_actor on audit_log (tenant_id, actor_id, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    "audit_log_by_actor",
    "audit_log_by_subject",
    "audit_log_by_action",
    "users_in_name_order",
    "schools_in_name_order",
    "cases_by_letter_deadline",
    "cases_awaiting_acknowledgement",
    "cases_by_stage",
    "cases_by_visit_due",
  ]) {
    await sql`drop index if exists ${sql.ref(index)}`.execute(db);
  }
}
