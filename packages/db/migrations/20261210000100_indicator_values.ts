// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

const TABLES = ["import_mappings", "import_runs", "indicator_values"] as const;

/**
 * The values of the indicators a policy declares, with where each came from:
 * an import run (a file mapped by a saved, named mapping), an officer's entry
 * or a form's answer. Values are append-only (a new value is a new row; an
 * import is undone by marking its run undone, and reads leave an undone run's
 * values out), so a school's history is never rewritten.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table import_mappings (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      name text not null check (length(trim(name)) > 0),
      key_column text not null,
      key_kind text not null check (key_kind in ('urn', 'laestab')),
      as_at_date date,
      as_at_column text,
      row_filters jsonb not null default '[]'::jsonb check (jsonb_typeof(row_filters) = 'array'),
      columns jsonb not null check (jsonb_typeof(columns) = 'array'),
      created_by uuid not null,
      created_at timestamptz not null default now(),
      updated_by uuid not null,
      updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      check ((as_at_date is null) <> (as_at_column is null)),
      foreign key (tenant_id, created_by) references users (tenant_id, id),
      foreign key (tenant_id, updated_by) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create unique index import_mappings_name on import_mappings (tenant_id, lower(name))`.execute(db);

  await sql`
    create table import_runs (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      mapping jsonb not null check (jsonb_typeof(mapping) = 'object'),
      file_name text not null,
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      status text not null default 'applied' check (status in ('applied', 'undone')),
      report jsonb not null default '{}'::jsonb,
      created_by uuid not null,
      created_at timestamptz not null default now(),
      undone_by uuid,
      undone_at timestamptz,
      primary key (tenant_id, id),
      check ((status = 'undone') = (undone_at is not null)),
      foreign key (tenant_id, created_by) references users (tenant_id, id),
      foreign key (tenant_id, undone_by) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create index import_runs_by_time on import_runs (tenant_id, created_at desc)`.execute(db);
  // A run is a record of what happened: only its move from applied to undone may be written.
  await sql`
    create function steward_import_run_guard() returns trigger
    language plpgsql
    as $$
    begin
      if old.status <> 'applied' or new.status <> 'undone'
          or new.mapping is distinct from old.mapping or new.file_name is distinct from old.file_name
          or new.sha256 is distinct from old.sha256 or new.report is distinct from old.report
          or new.created_by is distinct from old.created_by or new.created_at is distinct from old.created_at then
        raise exception 'import run % is %: only undoing an applied run may change it', old.id, old.status
          using errcode = 'SA002';
      end if;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger import_runs_guard before update on import_runs
    for each row execute function steward_import_run_guard()
  `.execute(db);

  await sql`
    create table indicator_values (
      tenant_id uuid not null references tenants (id),
      id uuid not null default gen_random_uuid(),
      school_urn integer not null,
      indicator text not null,
      value jsonb not null,
      as_at date not null,
      source_kind text not null check (source_kind in ('import', 'entry', 'form')),
      import_run_id uuid,
      form_response_id uuid,
      recorded_by uuid,
      recorded_at timestamptz not null default now(),
      note text,
      primary key (tenant_id, id),
      check ((source_kind = 'import') = (import_run_id is not null)),
      check ((source_kind = 'form') = (form_response_id is not null)),
      foreign key (tenant_id, school_urn) references schools (tenant_id, urn) on update cascade,
      foreign key (tenant_id, import_run_id) references import_runs (tenant_id, id),
      foreign key (tenant_id, form_response_id) references form_responses (tenant_id, id),
      foreign key (tenant_id, recorded_by) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create index indicator_values_by_school on indicator_values (tenant_id, school_urn, indicator, as_at desc)`.execute(
    db,
  );
  await sql`create index indicator_values_by_run on indicator_values (tenant_id, import_run_id)`.execute(db);
  await sql`
    create trigger indicator_values_append_only before update or delete on indicator_values
    for each row execute function steward_refuse_change()
  `.execute(db);
  await sql`
    create trigger indicator_values_no_truncate before truncate on indicator_values
    for each statement execute function steward_refuse_change()
  `.execute(db);

  for (const table of TABLES) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (tenant_id = steward_current_tenant())
      with check (tenant_id = steward_current_tenant())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on import_mappings to steward_app`.execute(db);
  await sql`grant select, insert, update on import_runs to steward_app`.execute(db);
  await sql`grant select, insert on indicator_values to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists indicator_values`.execute(db);
  await sql`drop table if exists import_runs`.execute(db);
  await sql`drop table if exists import_mappings`.execute(db);
  await sql`drop function if exists steward_import_run_guard()`.execute(db);
}
