// Frozen: this migration never imports application code and is never edited
// once released. Later changes go in new, later-named files.
import { sql, type Kysely } from "kysely";

/**
 * A case's stored state keeps each visit report's header only: the body (the
 * form answers `data` and the `agendaNotes`, often tens of kilobytes a report)
 * stays in the report's `visit-recorded` event, so a command no longer rewrites
 * every earlier report. This slims the states stored before: the events are
 * untouched, so nothing is lost. Cases are under forced row-level security, so
 * each tenant's rows are updated under that tenant's setting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const tenants = await sql<{ id: string }>`select id from tenants`.execute(db);
  for (const tenant of tenants.rows) {
    await sql`select set_config('app.tenant_id', ${tenant.id}, false)`.execute(db);
    await sql`
      update cases
      set state = jsonb_set(
        state,
        '{visits}',
        (
          select coalesce(
            jsonb_agg(
              case when jsonb_typeof(v->'report') = 'object'
                then jsonb_set(v, '{report}', (v->'report') - 'data' - 'agendaNotes')
                else v
              end
              order by i
            ),
            '[]'::jsonb
          )
          from jsonb_array_elements(state->'visits') with ordinality as t(v, i)
        )
      )
      where jsonb_typeof(state->'visits') = 'array'
        and exists (
          select 1 from jsonb_array_elements(state->'visits') as v
          where jsonb_typeof(v->'report') = 'object' and (v->'report' ? 'data' or v->'report' ? 'agendaNotes')
        )
    `.execute(db);
  }
  await sql`select set_config('app.tenant_id', '', false)`.execute(db);

}

/** Nothing to undo: a slim state reads as before, and the bodies were never only in the state. */
export async function down(): Promise<void> {}
