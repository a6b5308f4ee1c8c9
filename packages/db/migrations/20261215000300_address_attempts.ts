import { sql, type Kysely } from "kysely";

/**
 * Attempts at the unauthenticated doors (sign-in, invitations) per client address, across every
 * authority: the flood guard's counts, kept in the database so that several server processes (WORKERS)
 * share one budget per address instead of each keeping its own in memory. Not tenant data (an address
 * and a count), so no tenant column and no row-level security; reached as the connecting user.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table address_attempts (
      address text primary key,
      attempts integer not null check (attempts >= 0),
      window_started_at timestamptz not null
    )
  `.execute(db);
  await sql`create index address_attempts_by_window on address_attempts (window_started_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists address_attempts`.execute(db);
}
