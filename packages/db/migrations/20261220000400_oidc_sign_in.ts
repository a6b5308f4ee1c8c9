import { sql, type Kysely } from "kysely";

/**
 * Sign-in with OpenID Connect. `sign_in_settings`: one row per authority (none means passwords on and no
 * identity provider): whether passwords are accepted, and its OpenID Connect providers as a JSON list (label,
 * issuer, client id, the NAME of the environment variable holding the client secret, the claim that matches a
 * user, just-in-time creation). `oidc_sign_in_states`: a started sign-in waiting for the provider to send the
 * browser back: the SHA-256 of its state, bound to the browser by the SHA-256 of a cookie, used once, short-lived.
 * `oidc_identities`: a user's subject (`sub`) at a provider, for providers that match users by subject.
 * Frozen: never edit, add another.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sign_in_settings (
      tenant_id uuid not null references tenants (id),
      passwords_enabled boolean not null default true,
      oidc_providers jsonb not null default '[]'::jsonb check (jsonb_typeof(oidc_providers) = 'array'),
      updated_at timestamptz not null default now(),
      primary key (tenant_id)
    )
  `.execute(db);
  await sql`
    create table oidc_sign_in_states (
      tenant_id uuid not null references tenants (id),
      state_hash text not null,
      browser_hash text not null,
      provider_key text not null,
      app text not null check (app in ('admin', 'portal')),
      code_verifier text not null,
      nonce text not null,
      redirect_uri text not null,
      return_to text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (tenant_id, state_hash)
    )
  `.execute(db);
  await sql`
    create table oidc_identities (
      tenant_id uuid not null references tenants (id),
      provider_key text not null,
      subject text not null,
      user_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (tenant_id, provider_key, subject),
      foreign key (tenant_id, user_id) references users (tenant_id, id)
    )
  `.execute(db);
  await sql`create index oidc_identities_by_user on oidc_identities (tenant_id, user_id)`.execute(db);
  await sql`create index oidc_sign_in_states_by_expiry on oidc_sign_in_states (tenant_id, expires_at)`.execute(db);

  for (const table of ["sign_in_settings", "oidc_sign_in_states", "oidc_identities"]) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy tenant_isolation on ${sql.table(table)}
      using (tenant_id = steward_current_tenant())
      with check (tenant_id = steward_current_tenant())
    `.execute(db);
  }
  await sql`grant select, insert, update, delete on sign_in_settings to steward_app`.execute(db);
  await sql`grant select, insert, delete on oidc_sign_in_states, oidc_identities to steward_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists oidc_identities`.execute(db);
  await sql`drop table if exists oidc_sign_in_states`.execute(db);
  await sql`drop table if exists sign_in_settings`.execute(db);
}
