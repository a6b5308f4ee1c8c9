// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

const TENANT_TABLES = ["users", "sessions", "policy_versions", "schools", "cases", "case_events", "audit_log"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The application role that every tenant-scoped transaction takes with
  // SET LOCAL ROLE. Roles are cluster-wide on a real server, so creating it is
  // guarded (several databases of one server may run this at once).
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'steward_app') then
        create role steward_app nologin;
      end if;
    exception when duplicate_object or unique_violation then
      null;
    end
    $$;
  `.execute(db);
  await sql`
    do $$
    begin
      if not pg_has_role(current_user, 'steward_app', 'member') then
        execute format('grant steward_app to %I', current_user);
      end if;
    end
    $$;
  `.execute(db);

  await sql`
    create function steward_current_tenant() returns uuid
    language sql stable
    as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$
  `.execute(db);

  await sql`
    create function steward_refuse_change() returns trigger
    language plpgsql
    as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, lower(tg_op)
        using errcode = 'SA001';
    end
    $$
  `.execute(db);

  await sql`
    create table tenants (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text not null check (length(trim(name)) > 0),
      la_code text,
      created_at timestamptz not null default now()
    )
  `.execute(db);

  await sql`
    create table users (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      email text not null check (position('@' in email) > 1),
      display_name text not null,
      password_hash text,
      status text not null default 'active' check (status in ('active', 'invited', 'disabled')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id)
    )
  `.execute(db);
  await sql`create unique index users_email_key on users (tenant_id, lower(email))`.execute(db);

  await sql`
    create table sessions (
      tenant_id uuid not null,
      id text not null,
      user_id uuid not null,
      auth_method text not null default 'password',
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      idle_expires_at timestamptz not null,
      expires_at timestamptz not null,
      user_agent text,
      primary key (tenant_id, id),
      foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
    )
  `.execute(db);

  await sql`
    create table policy_versions (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      version integer not null check (version > 0),
      status text not null default 'draft' check (status in ('draft', 'published', 'retired')),
      format_version integer not null,
      label text,
      document jsonb not null,
      revision integer not null default 1,
      based_on_id uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      published_by uuid,
      retired_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, version),
      foreign key (tenant_id, based_on_id) references policy_versions (tenant_id, id),
      foreign key (tenant_id, created_by) references users (tenant_id, id),
      foreign key (tenant_id, published_by) references users (tenant_id, id)
    )
  `.execute(db);
  // One version in force per tenant at a time.
  await sql`create unique index policy_versions_one_published on policy_versions (tenant_id) where status = 'published'`.execute(
    db,
  );
  // A version that has left draft is immutable: only its status may move on.
  await sql`
    create function steward_policy_version_guard() returns trigger
    language plpgsql
    as $$
    begin
      if old.status <> 'draft' and (new.document is distinct from old.document or new.version <> old.version
          or new.format_version <> old.format_version) then
        raise exception 'policy version % is %: its document cannot change', old.version, old.status
          using errcode = 'SA002';
      end if;
      if old.status = 'retired' and new.status <> 'retired' then
        raise exception 'policy version % is retired and cannot return to %', old.version, new.status
          using errcode = 'SA002';
      end if;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger policy_versions_guard before update on policy_versions
    for each row execute function steward_policy_version_guard()
  `.execute(db);

  await sql`
    create table schools (
      tenant_id uuid not null references tenants (id),
      urn integer not null check (urn > 0),
      name text not null,
      la_code text,
      laestab text,
      phase text,
      type_of_establishment text,
      governance text not null default 'other' check (governance in ('maintained', 'academy', 'free-school', 'other')),
      trust text,
      status text not null default 'open' check (status in ('open', 'closed', 'proposed')),
      opened_on date,
      closed_on date,
      postcode text,
      district text,
      data jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, urn)
    )
  `.execute(db);

  await sql`
    create table cases (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      school_urn integer not null,
      policy_version_id uuid not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      category text,
      stage text,
      assigned_officer_id uuid,
      state jsonb not null default '{}'::jsonb,
      last_seq integer not null default 0,
      opened_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      foreign key (tenant_id, school_urn) references schools (tenant_id, urn) on update cascade,
      foreign key (tenant_id, policy_version_id) references policy_versions (tenant_id, id),
      foreign key (tenant_id, assigned_officer_id) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create unique index cases_one_open_per_school on cases (tenant_id, school_urn) where status = 'open'`.execute(
    db,
  );

  await sql`
    create table case_events (
      tenant_id uuid not null,
      case_id uuid not null,
      seq integer not null check (seq > 0),
      type text not null,
      payload jsonb not null default '{}'::jsonb,
      actor_id uuid,
      policy_version_id uuid,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null default now(),
      primary key (tenant_id, case_id, seq),
      foreign key (tenant_id, case_id) references cases (tenant_id, id),
      foreign key (tenant_id, actor_id) references users (tenant_id, id),
      foreign key (tenant_id, policy_version_id) references policy_versions (tenant_id, id)
    )
  `.execute(db);

  await sql`
    create table audit_log (
      tenant_id uuid not null references tenants (id),
      id bigint generated always as identity,
      at timestamptz not null default now(),
      actor_id uuid,
      actor_label text,
      action text not null,
      subject_type text not null,
      subject_id text,
      detail jsonb not null default '{}'::jsonb,
      primary key (tenant_id, id)
    )
  `.execute(db);
  await sql`create index audit_log_by_time on audit_log (tenant_id, at desc)`.execute(db);

  for (const table of ["case_events", "audit_log"]) {
    await sql`
      create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function steward_refuse_change()
    `.execute(db);
    await sql`
      create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function steward_refuse_change()
    `.execute(db);
  }

  // Row-level security: every tenant-owned row is visible and writable only
  // while the transaction's app.tenant_id names its tenant. FORCE makes it hold
  // for the table owner too.
  // The tenants table is the root of the tree: the owner (the operator) manages
  // it, and the application role sees only its own tenant's row.
  await sql`alter table tenants enable row level security`.execute(db);
  await sql`create policy tenant_isolation on tenants to steward_app using (id = steward_current_tenant())`.execute(db);
  for (const table of TENANT_TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (tenant_id = steward_current_tenant())
      with check (tenant_id = steward_current_tenant())
    `.execute(db);
  }

  await sql`grant usage on schema public to steward_app`.execute(db);
  await sql`grant select on tenants to steward_app`.execute(db);
  await sql`grant select, insert, update, delete on users, sessions, policy_versions, schools, cases to steward_app`.execute(
    db,
  );
  await sql`grant select, insert on case_events, audit_log to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log",
    "case_events",
    "cases",
    "schools",
    "policy_versions",
    "sessions",
    "users",
    "tenants",
  ]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists steward_policy_version_guard()`.execute(db);
  await sql`drop function if exists steward_refuse_change()`.execute(db);
  await sql`drop function if exists steward_current_tenant()`.execute(db);
}
