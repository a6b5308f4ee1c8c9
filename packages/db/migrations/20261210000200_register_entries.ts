import { sql, type Kysely } from "kysely";

/**
 * Register entries (a concern, a complaint, a referral about a school), as a
 * projection of the case events that log and close them: written in the same
 * transaction as the events, so the register's list across schools (filtered,
 * paged, counted and exported in SQL) never disagrees with the cases. The
 * events stay the record; this table can be rebuilt from them.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table register_entries (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      case_id uuid not null,
      school_urn integer not null,
      register text not null,
      occurred_on date not null,
      logged_at timestamptz not null,
      logged_by uuid not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      fields jsonb not null default '{}'::jsonb,
      closed_at timestamptz,
      closed_by uuid,
      close_note text,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references cases (tenant_id, id),
      foreign key (tenant_id, school_urn) references schools (tenant_id, urn) on update cascade,
      foreign key (tenant_id, logged_by) references users (tenant_id, id),
      foreign key (tenant_id, closed_by) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create index register_entries_by_register on register_entries (tenant_id, register, occurred_on desc)`.execute(
    db,
  );
  await sql`create index register_entries_by_case on register_entries (tenant_id, case_id)`.execute(db);
  await sql`create index register_entries_by_school on register_entries (tenant_id, school_urn)`.execute(db);

  await sql`alter table register_entries enable row level security`.execute(db);
  await sql`alter table register_entries force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on register_entries
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, update on register_entries to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists register_entries`.execute(db);
}
