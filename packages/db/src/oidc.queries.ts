import type { OidcSignInStateRow, SignInSettingsRow } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** The authority's sign-in settings row, if it has one (none: passwords on, no identity provider). */
export async function findSignInSettings(trx: TenantTransaction): Promise<SignInSettingsRow | undefined> {
  return trx.selectFrom("sign_in_settings").selectAll().executeTakeFirst();
}

/** Sets the authority's sign-in settings (providers as a checked list, stored as JSON). */
export async function saveSignInSettings(
  trx: TenantTransaction,
  tenantId: string,
  values: { passwordsEnabled: boolean; oidcProviders: readonly object[]; now: Date },
): Promise<void> {
  const row = {
    tenant_id: tenantId,
    passwords_enabled: values.passwordsEnabled,
    oidc_providers: JSON.stringify(values.oidcProviders),
    updated_at: values.now,
  };
  await trx
    .insertInto("sign_in_settings")
    .values(row)
    .onConflict((oc) =>
      oc.column("tenant_id").doUpdateSet({
        passwords_enabled: row.passwords_enabled,
        oidc_providers: row.oidc_providers,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export type NewOidcSignInState = Omit<OidcSignInStateRow, "tenant_id">;

/** Keeps a started sign-in until the provider sends the browser back; forgets the ones that have expired. */
export async function insertOidcSignInState(
  trx: TenantTransaction,
  tenantId: string,
  state: NewOidcSignInState,
): Promise<void> {
  await trx.deleteFrom("oidc_sign_in_states").where("expires_at", "<", state.created_at).execute();
  await trx
    .insertInto("oidc_sign_in_states")
    .values({ tenant_id: tenantId, ...state })
    .execute();
}

/**
 * Takes a started sign-in by the hash of its state: deleted as it is read, so a state is used once (a second
 * request with it finds nothing). Returned whether or not it has expired or belongs to this browser: the caller
 * checks both.
 */
export async function takeOidcSignInState(
  trx: TenantTransaction,
  stateHash: string,
): Promise<OidcSignInStateRow | undefined> {
  return trx.deleteFrom("oidc_sign_in_states").where("state_hash", "=", stateHash).returningAll().executeTakeFirst();
}

/** The user a provider's subject is linked to, if any. */
export async function findOidcIdentity(
  trx: TenantTransaction,
  providerKey: string,
  subject: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom("oidc_identities")
    .select("user_id")
    .where("provider_key", "=", providerKey)
    .where("subject", "=", subject)
    .executeTakeFirst();
  return row?.user_id;
}

/** Links a provider's subject to a user (a second link of the same subject is a conflict). */
export async function insertOidcIdentity(
  trx: TenantTransaction,
  tenantId: string,
  values: { providerKey: string; subject: string; userId: string; now: Date },
): Promise<void> {
  await trx
    .insertInto("oidc_identities")
    .values({
      tenant_id: tenantId,
      provider_key: values.providerKey,
      subject: values.subject,
      user_id: values.userId,
      created_at: values.now,
    })
    .execute();
}
