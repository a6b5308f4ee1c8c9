import { sql, type Kysely } from "kysely";

/**
 * Notification emails (the outbox): every message Steward makes is a row, written in the same transaction as the
 * case event (or invitation) it tells of, so a command that rolls back sends nothing and nothing is lost. The
 * delivery loop claims due rows, sends them and records the outcome; `dedupe_key` (one per rule, event and
 * recipient) is unique, so a message is never made twice. A digest item waits (`held`) until the day's digest
 * takes it (`digested`, with the digest's id). Users choose immediate emails or a daily digest.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table users add column notification_delivery text not null default 'immediate'
      check (notification_delivery in ('immediate', 'digest'))
  `.execute(db);
  await sql`
    create table notification_messages (
      tenant_id uuid not null references tenants (id),
      id uuid not null,
      recipient_id uuid not null,
      recipient_email text not null,
      subject text not null,
      body text not null,
      rule_key text,
      case_id uuid,
      event_seq integer,
      dedupe_key text not null,
      delivery text not null check (delivery in ('immediate', 'digest')),
      status text not null default 'queued'
        check (status in ('queued', 'sending', 'sent', 'failed', 'held', 'digested')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null,
      last_error text,
      sent_at timestamptz,
      provider_id text,
      digest_id uuid,
      created_at timestamptz not null default now(),
      primary key (tenant_id, id),
      unique (tenant_id, dedupe_key),
      foreign key (tenant_id, recipient_id) references users (tenant_id, id),
      foreign key (tenant_id, case_id) references cases (tenant_id, id)
    )
  `.execute(db);
  await sql`create index notification_messages_due on notification_messages (tenant_id, next_attempt_at) where status in ('queued', 'sending')`.execute(
    db,
  );
  await sql`create index notification_messages_held on notification_messages (tenant_id, recipient_id) where status = 'held'`.execute(
    db,
  );
  await sql`create index notification_messages_by_created on notification_messages (tenant_id, created_at desc, id)`.execute(
    db,
  );
  await sql`create index notification_messages_by_case on notification_messages (tenant_id, case_id)`.execute(db);

  await sql`alter table notification_messages enable row level security`.execute(db);
  await sql`alter table notification_messages force row level security`.execute(db);
  await sql`
    create policy tenant_isolation on notification_messages
    using (tenant_id = steward_current_tenant())
    with check (tenant_id = steward_current_tenant())
  `.execute(db);
  await sql`grant select, insert, update on notification_messages to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists notification_messages`.execute(db);
  await sql`alter table users drop column if exists notification_delivery`.execute(db);
}
