import { sql, type Kysely } from "kysely";

/**
 * The inbox: each case's open work (a follow-up, a visit due, a letter to
 * approve, a decision to moderate, a report to publish, what the school owes),
 * one row per piece of work and per assignee (`user:<id>` or `role:<key>`), so
 * "my work" is an index range of the assignees a user answers to, by due date.
 * A projection of the case's state: rewritten for a case in the transaction
 * that writes it and by the daily check; the events stay the record.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table tasks (
      tenant_id uuid not null references tenants (id),
      case_id uuid not null,
      item_key text not null,
      assignee text not null,
      school_urn integer not null,
      kind text not null,
      label text not null,
      audience text not null check (audience in ('la', 'school')),
      due date,
      record_kind text not null,
      record_id text,
      primary key (tenant_id, case_id, item_key, assignee),
      foreign key (tenant_id, case_id) references cases (tenant_id, id)
    )
  `.execute(db);
  await sql`create index tasks_by_assignee on tasks (tenant_id, assignee, due)`.execute(db);

  await sql`alter table tasks enable row level security`.execute(db);
  await sql`alter table tasks force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on tasks
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, delete on tasks to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists tasks`.execute(db);
}
