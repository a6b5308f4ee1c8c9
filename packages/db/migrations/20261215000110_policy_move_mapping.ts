// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

/**
 * Publishing switches the version in force first and then moves the open cases in batches: a case a publish did
 * not reach (it stopped mid-way) moves at its next command, by the mapping the version was published with.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table policy_versions add column move_mapping jsonb`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table policy_versions drop column if exists move_mapping`.execute(db);
}
