// An authority's sign-in settings: whether passwords are accepted, and its OpenID Connect providers.
import { z } from "zod";

import {
  appendAudit,
  findSignInSettings,
  findUserByEmail,
  insertOidcIdentity,
  saveSignInSettings,
  withTenant,
  type StewardDatabase,
  type TenantTransaction,
} from "@steward/db";
import { DomainError } from "@steward/domain";

import { checkGrants } from "../routers/users/shared.ts";
import { loadPublishedPolicy } from "./policies.ts";
import { ProvisionError } from "./provision.ts";

/** Which app a provider signs people in to: LA staff (admin) or school users (portal). */
export const SIGN_IN_APPS = ["admin", "portal"] as const;
export type SignInApp = (typeof SIGN_IN_APPS)[number];

const oidcProviderSchema = z.strictObject({
  /** In the sign-in address (`/auth/oidc/<authority>/<key>/start`): lower-case letters, digits and hyphens. */
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "A provider's key is lower-case letters, digits and single hyphens")
    .max(40),
  /** The button's words, e.g. "Sign in with Microsoft". */
  label: z.string().trim().min(1, "Give the button's words").max(80),
  app: z.enum(SIGN_IN_APPS),
  /** The issuer URL: its `/.well-known/openid-configuration` is read to find the rest. */
  issuer: z.url({ protocol: /^https?$/, error: "The issuer is a URL, like https://login.microsoftonline.com/…/v2.0" }),
  clientId: z.string().min(1, "Give the client id").max(300),
  /** The NAME of the environment variable holding the client secret: the secret itself is never stored. */
  clientSecretEnv: z
    .string()
    .regex(
      /^[A-Z_][A-Z0-9_]*$/,
      "The client secret is given as the name of an environment variable, like STEWARD_OIDC_SECRET",
    ),
  /** The ID token claim that finds the user: their email address, or the provider's stable subject (`sub`). */
  matchClaim: z.enum(["email", "sub"]),
  /** Just-in-time creation: an unknown person signing in becomes a user with this role (null: never). */
  jit: z
    .strictObject({
      role: z.string().min(1).max(100),
      /** For a school role: the claim carrying the school's URN. */
      schoolClaim: z.string().min(1).max(100).optional(),
    })
    .nullable(),
});
export type OidcProviderSetting = z.infer<typeof oidcProviderSchema>;

export interface SignInSettings {
  passwordsEnabled: boolean;
  providers: OidcProviderSetting[];
}

const storedProviders = z.array(oidcProviderSchema);

/** The authority's sign-in settings (passwords on and no provider when it has none). */
export async function readSignInSettings(trx: TenantTransaction): Promise<SignInSettings> {
  const row = await findSignInSettings(trx);
  if (!row) return { passwordsEnabled: true, providers: [] };
  return { passwordsEnabled: row.passwords_enabled, providers: storedProviders.parse(row.oidc_providers) };
}

/** A change to the settings, as the operator's command gives it. */
export type SignInChange =
  | { kind: "passwords"; enabled: boolean }
  | { kind: "provider"; provider: unknown }
  | { kind: "remove-provider"; key: string };

/** Each problem of a provider's settings, as "field: sentence." */
function problemsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}.`)
    .join(" ");
}

/** Checks a provider against the authority's published policy: its just-in-time role must be one of the policy's roles, for the app's people. */
async function checkProvider(trx: TenantTransaction, provider: OidcProviderSetting): Promise<void> {
  if (!provider.jit) return;
  const policy = await loadPublishedPolicy(trx);
  if (!policy) throw new ProvisionError("The authority has no published policy: the just-in-time role comes from it.");
  const role = policy.document.roles.find((r) => r.key === provider.jit?.role);
  if (!role)
    throw new ProvisionError(
      `There is no role "${provider.jit.role}" in the authority's published policy. Its roles are: ${policy.document.roles.map((r) => r.key).join(", ")}.`,
    );
  const wanted = provider.app === "admin" ? "la" : "school";
  if (role.audience !== wanted)
    throw new ProvisionError(
      `The role "${role.key}" is for ${role.audience === "la" ? "LA staff (the admin app)" : "school users (the portal)"}, but this provider signs people in to the ${provider.app === "admin" ? "admin app" : "portal"}.`,
    );
  if (wanted === "school" && !provider.jit.schoolClaim)
    throw new ProvisionError(
      "A school role needs its school: give the claim that carries the school's URN (--school-claim), or no just-in-time creation.",
    );
  if (wanted === "la" && provider.jit.schoolClaim)
    throw new ProvisionError("An LA role is for no one school: leave out --school-claim.");
  try {
    checkGrants(policy.document, [{ role: role.key, ...(wanted === "school" ? { schoolUrn: 1 } : {}) }]);
  } catch (error) {
    if (error instanceof DomainError) throw new ProvisionError(error.message);
    throw error;
  }
}

/** Applies one change to an authority's sign-in settings, checked, with an audit entry; returns the new settings. */
export async function changeSignInSettings(
  database: StewardDatabase,
  tenantId: string,
  change: SignInChange,
  now = new Date(),
): Promise<SignInSettings> {
  return withTenant(database.db, tenantId, async (trx) => {
    const current = await readSignInSettings(trx);
    let next: SignInSettings;
    if (change.kind === "passwords") next = { ...current, passwordsEnabled: change.enabled };
    else if (change.kind === "remove-provider") {
      if (!current.providers.some((p) => p.key === change.key))
        throw new ProvisionError(
          `There is no provider "${change.key}". The authority's providers are: ${current.providers.map((p) => p.key).join(", ") || "none"}.`,
        );
      next = { ...current, providers: current.providers.filter((p) => p.key !== change.key) };
    } else {
      const parsed = oidcProviderSchema.safeParse(change.provider);
      if (!parsed.success) throw new ProvisionError(`Not accepted: ${problemsOf(parsed.error)}`);
      await checkProvider(trx, parsed.data);
      next = {
        ...current,
        providers: [...current.providers.filter((p) => p.key !== parsed.data.key), parsed.data],
      };
    }
    if (!next.passwordsEnabled && next.providers.length === 0)
      throw new ProvisionError(
        "With passwords off and no identity provider nobody could sign in: add a provider first, or leave passwords on.",
      );
    await saveSignInSettings(trx, tenantId, {
      passwordsEnabled: next.passwordsEnabled,
      oidcProviders: next.providers,
      now,
    });
    await appendAudit(trx, tenantId, {
      actorId: null,
      actorLabel: "Operator",
      action: "sign-in-settings-changed",
      subjectType: "Tenant",
      subjectId: tenantId,
      detail: { passwordsEnabled: next.passwordsEnabled, providers: next.providers.map((p) => p.key) },
    });
    return next;
  });
}

/** Links a user to their subject (`sub`) at a provider that matches users by subject. */
export async function linkOidcSubject(
  database: StewardDatabase,
  tenantId: string,
  values: { providerKey: string; email: string; subject: string },
  now = new Date(),
): Promise<void> {
  await withTenant(database.db, tenantId, async (trx) => {
    const settings = await readSignInSettings(trx);
    const provider = settings.providers.find((p) => p.key === values.providerKey);
    if (!provider) throw new ProvisionError(`There is no provider "${values.providerKey}".`);
    if (provider.matchClaim !== "sub")
      throw new ProvisionError(`The provider "${provider.key}" finds users by email: there is nothing to link.`);
    const user = await findUserByEmail(trx, values.email);
    if (!user) throw new ProvisionError(`There is no user ${values.email}.`);
    await insertOidcIdentity(trx, tenantId, {
      providerKey: provider.key,
      subject: values.subject,
      userId: user.id,
      now,
    });
    await appendAudit(trx, tenantId, {
      actorId: null,
      actorLabel: "Operator",
      action: "oidc-subject-linked",
      subjectType: "User",
      subjectId: user.id,
      detail: { provider: provider.key },
    });
  });
}
