import { sql, type Kysely } from "kysely";

/**
 * One draft of a form per school at a time: two saves racing from the portal
 * (or two people starting the same form) can no longer create two drafts; the
 * second is told there is one to continue. Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create unique index form_responses_one_draft on form_responses (tenant_id, school_urn, form_key) where status = 'draft'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists form_responses_one_draft`.execute(db);
}
