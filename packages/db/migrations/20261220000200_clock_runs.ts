import { sql, type Kysely } from "kysely";

/**
 * The daily clock's runs: one row per authority and day checked, claimed when the run starts and
 * finished when every open case has been checked. `last_case_id` is the run's cursor (cases are
 * checked in id order and the cursor moves in the same transaction as the cases it covers), so a run
 * that stopped part way (a crash, a lost connection) resumes after the last case it finished, and a
 * finished day is never run again. Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table clock_runs (
      tenant_id uuid not null references tenants (id),
      day date not null,
      status text not null default 'running' check (status in ('running', 'finished')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      attempts integer not null default 1 check (attempts >= 1),
      cases_checked integer not null default 0 check (cases_checked >= 0),
      moves integer not null default 0 check (moves >= 0),
      failures integer not null default 0 check (failures >= 0),
      last_case_id uuid,
      error text,
      primary key (tenant_id, day)
    )
  `.execute(db);
  await sql`alter table clock_runs enable row level security`.execute(db);
  await sql`alter table clock_runs force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on clock_runs
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, update on clock_runs to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists clock_runs`.execute(db);
}
