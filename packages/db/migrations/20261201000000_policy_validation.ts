// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  // A draft's problems, found when it was saved, and the revision they belong
  // to: reading a draft returns them instead of validating it again.
  await sql`
    alter table policy_versions
      add column problems jsonb check (problems is null or jsonb_typeof(problems) = 'array'),
      add column validated_revision integer
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table policy_versions drop column problems, drop column validated_revision`.execute(db);
}
