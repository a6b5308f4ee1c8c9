// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Failed sign-ins counted per (email, address), not per account: an attacker
  // from one address cannot lock the real user out from theirs, and an email
  // with no account is counted exactly like one with an account (no
  // enumeration). `email` is lower-cased; no foreign key to users on purpose.
  await sql`
    create table sign_in_throttle (
      tenant_id uuid not null references tenants (id),
      email text not null check (email = lower(email)),
      address text not null,
      failures integer not null default 0 check (failures >= 0),
      window_started_at timestamptz not null,
      blocked_until timestamptz,
      primary key (tenant_id, email, address)
    )
  `.execute(db);
  await sql`create index sign_in_throttle_by_window on sign_in_throttle (tenant_id, window_started_at)`.execute(db);
  await sql`alter table sign_in_throttle enable row level security`.execute(db);
  await sql`alter table sign_in_throttle force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on sign_in_throttle
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, update, delete on sign_in_throttle to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists sign_in_throttle`.execute(db);
}
