// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // Sign-in: the roles a user holds (LA roles, or school roles bound to one
  // school), lock-out after repeated failures, and invitations.
  await sql`
    alter table users
      add column grants jsonb not null default '[]'::jsonb check (jsonb_typeof(grants) = 'array'),
      add column failed_sign_ins integer not null default 0,
      add column locked_until timestamptz,
      add column last_sign_in_at timestamptz,
      add column invite_token_hash text,
      add column invite_expires_at timestamptz
  `.execute(db);
  await sql`create index users_grants on users using gin (grants jsonb_path_ops)`.execute(db);

  // Each session carries its own CSRF token (the double-submit value the SPA sends in a header).
  await sql`alter table sessions add column csrf_token text not null default ''`.execute(db);
  await sql`create index sessions_expiry on sessions (tenant_id, expires_at)`.execute(db);

  // The dashboard projection of a case, kept with its state in one write.
  await sql`
    alter table cases
      add column next_visit_due date,
      add column open_letters integer not null default 0,
      add column letters_awaiting_acknowledgement integer not null default 0,
      add column letter_deadline date,
      add column review_date date
  `.execute(db);
  await sql`create index cases_by_category on cases (tenant_id, category)`.execute(db);
  await sql`create index cases_by_officer on cases (tenant_id, assigned_officer_id)`.execute(db);
  await sql`create index case_events_by_time on case_events (tenant_id, case_id, occurred_at)`.execute(db);
  await sql`create index schools_by_name on schools (tenant_id, lower(name))`.execute(db);

  // A school's (or an officer's) answers to one of the policy's forms.
  await sql`
    create table form_responses (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      form_key text not null,
      school_urn integer not null,
      case_id uuid,
      policy_version_id uuid not null,
      status text not null default 'draft' check (status in ('draft', 'submitted')),
      data jsonb not null default '{}'::jsonb,
      page integer not null default 0,
      revision integer not null default 1,
      created_by uuid not null,
      updated_by uuid not null,
      submitted_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      primary key (tenant_id, id),
      foreign key (tenant_id, school_urn) references schools (tenant_id, urn) on update cascade,
      foreign key (tenant_id, case_id) references cases (tenant_id, id),
      foreign key (tenant_id, policy_version_id) references policy_versions (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id),
      foreign key (tenant_id, updated_by) references users (tenant_id, id),
      foreign key (tenant_id, submitted_by) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create index form_responses_by_school on form_responses (tenant_id, school_urn, form_key)`.execute(db);
  // A submitted response is final.
  await sql`
    create function steward_form_response_guard() returns trigger
    language plpgsql
    as $$
    begin
      if old.status = 'submitted' then
        raise exception 'form response % was submitted: it cannot change', old.id using errcode = 'SA002';
      end if;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger form_responses_guard before update on form_responses
    for each row execute function steward_form_response_guard()
  `.execute(db);

  await sql`alter table form_responses enable row level security`.execute(db);
  await sql`alter table form_responses force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on form_responses
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, update, delete on form_responses to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists form_responses`.execute(db);
  await sql`drop function if exists steward_form_response_guard()`.execute(db);
  await sql`drop index if exists schools_by_name`.execute(db);
  await sql`drop index if exists case_events_by_time`.execute(db);
  await sql`alter table cases drop column next_visit_due, drop column open_letters, drop column letters_awaiting_acknowledgement, drop column letter_deadline, drop column review_date`.execute(
    db,
  );
  await sql`alter table sessions drop column csrf_token`.execute(db);
  await sql`
    alter table users drop column grants, drop column failed_sign_ins, drop column locked_until,
      drop column last_sign_in_at, drop column invite_token_hash, drop column invite_expires_at
  `.execute(db);
}
