import { sql, type Kysely } from "kysely";

/**
 * A policy document is kept as written: `json` keeps its text (jsonb sorted object keys, so a form without
 * `ui:order` asked its questions in an order nobody wrote). Documents stored before keep the order jsonb gave them.
 * The immutability guard compares documents as text (`json` has no equality operator).
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table policy_versions alter column document type json using document::json`.execute(db);
  await sql`
    create or replace function steward_policy_version_guard() returns trigger
    language plpgsql
    as $$
    begin
      if old.status <> 'draft' and (new.document::text is distinct from old.document::text
          or new.version <> old.version or new.format_version <> old.format_version) then
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
}

export async function down(db: Kysely<any>): Promise<void> {
  // The guard's text comparison works on jsonb too: only the column goes back.
  await sql`alter table policy_versions alter column document type jsonb using document::jsonb`.execute(db);
}
