// Sign-in with OpenID Connect (authorization code flow with PKCE, state and nonce), with openid-client.
// The server's two routes call `startOidcSignIn` and `finishOidcSignIn`; everything they decide is here.
import * as oidc from "openid-client";

import {
  appendAudit,
  findOidcIdentity,
  findSchool,
  findTenant,
  findTenantBySlug,
  findUser,
  findUserByEmail,
  insertOidcIdentity,
  insertOidcSignInState,
  insertSession,
  insertUser,
  takeOidcSignInState,
  updateUser,
  withTenant,
  type OidcSignInStateRow,
  type StewardDatabase,
  type TenantTransaction,
  type User,
} from "@steward/db";

import { readSignInSettings, type OidcProviderSetting, type SignInApp } from "../services/sign-in-settings.ts";
import { SESSION_POLICY } from "./session-policy.ts";
import { createToken, hashToken } from "./tokens.ts";

/** The cookie binding a started sign-in to the browser that started it: `<tenant id>.<app>.<random>`. */
export const OIDC_BROWSER_COOKIE = "steward_oidc";
/** Where the provider sends the browser back (registered at the provider as the redirect URI). */
export const OIDC_CALLBACK_PATH = "/auth/oidc/callback";
/** How long a started sign-in waits for the provider to send the browser back. */
export const OIDC_STATE_MS = 10 * 60 * 1000;
/** How long a provider's discovery document is kept. */
const DISCOVERY_MS = 60 * 60 * 1000;

/**
 * Why a sign-in was refused, as the sign-in page says it (`?problem=<code>`); the details go to the log only.
 * - `expired`: the state is unknown, used already, too old, or from another browser;
 * - `provider`: the provider refused, or its answer failed a check (issuer, audience, expiry, nonce, signature);
 * - `no-account`: nobody in this authority matches, and just-in-time creation is off (or impossible);
 * - `disabled`: the user's account is disabled;
 * - `unavailable`: the provider could not be reached, or is not configured on this server.
 */
export type OidcProblem = "expired" | "provider" | "no-account" | "disabled" | "unavailable";

interface OidcRefusal {
  problem: OidcProblem;
  /** The sign-in page to send the browser to, with the problem. */
  redirectTo: string;
  /** For the log: what exactly failed. */
  detail: string;
}

export interface OidcLog {
  warn(detail: object, message: string): void;
}

const signInPage = (app: SignInApp, problem: OidcProblem, tenant?: string) =>
  `/${app}/sign-in?problem=${problem}${tenant ? `&tenant=${encodeURIComponent(tenant)}` : ""}`;

/** A plain-HTTP issuer is accepted only on this machine (the test provider); anywhere else it must be HTTPS. */
function isLoopback(issuer: URL): boolean {
  return issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
}

const discovered = new Map<string, { metadata: Promise<oidc.ServerMetadata>; until: number }>();

/** The provider's metadata from its discovery document, kept for an hour (a failed discovery is not kept). */
function serverMetadata(provider: OidcProviderSetting): Promise<oidc.ServerMetadata> {
  const key = `${provider.issuer}\n${provider.clientId}`;
  const cached = discovered.get(key);
  if (cached && cached.until > Date.now()) return cached.metadata;
  const issuer = new URL(provider.issuer);
  const metadata = oidc
    .discovery(issuer, provider.clientId, undefined, undefined, {
      ...(isLoopback(issuer) ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    })
    .then((config) => config.serverMetadata());
  discovered.set(key, { metadata, until: Date.now() + DISCOVERY_MS });
  metadata.catch(() => discovered.delete(key));
  return metadata;
}

/** Reads a client secret by the name of the environment variable holding it (the server's env.ts). */
export type ReadSecret = (name: string) => string | undefined;

/** The client's configuration for one request: the secret read from its environment variable, the clock given. */
async function configurationFor(
  provider: OidcProviderSetting,
  now: Date,
  readSecret: ReadSecret,
): Promise<oidc.Configuration> {
  const secret = readSecret(provider.clientSecretEnv);
  if (!secret) throw new Error(`The environment variable ${provider.clientSecretEnv} (the client secret) is not set.`);
  const config = new oidc.Configuration(
    await serverMetadata(provider),
    provider.clientId,
    { [oidc.clockSkew]: Math.round((now.getTime() - Date.now()) / 1000) },
    oidc.ClientSecretBasic(secret),
  );
  if (isLoopback(new URL(provider.issuer))) oidc.allowInsecureRequests(config);
  return config;
}

/** An error for the log, with its cause (openid-client's errors name the failed check in their cause). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.name}: ${error.message}${cause}`;
}

/** Where to go in the app once signed in: one of the app's own paths, else its home. */
function safeReturnTo(returnTo: string | undefined): string {
  return returnTo && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.includes("\\")
    ? returnTo
    : "/";
}

export type OidcStart = { redirectTo: string; browserCookie: string; refused?: undefined } | { refused: OidcRefusal };

/**
 * Starts a sign-in at one of the authority's providers: keeps a fresh state (its hash), the PKCE verifier and the
 * nonce for ten minutes, bound to this browser by a cookie, and answers with the provider's authorization URL.
 */
export async function startOidcSignIn(
  database: StewardDatabase,
  input: {
    tenant: string;
    provider: string;
    origin: string;
    returnTo?: string | undefined;
    now: Date;
    readSecret: ReadSecret;
  },
): Promise<OidcStart> {
  const tenant = await findTenantBySlug(database.db, input.tenant);
  const settings = tenant ? await withTenant(database.db, tenant.id, readSignInSettings) : undefined;
  const provider = settings?.providers.find((p) => p.key === input.provider);
  if (!tenant || !provider)
    return {
      refused: {
        problem: "unavailable",
        redirectTo: signInPage("admin", "unavailable"),
        detail: `no provider "${input.provider}" for authority "${input.tenant}"`,
      },
    };
  let config: oidc.Configuration;
  try {
    config = await configurationFor(provider, input.now, input.readSecret);
  } catch (error) {
    return {
      refused: {
        problem: "unavailable",
        redirectTo: signInPage(provider.app, "unavailable", tenant.slug),
        detail: `provider "${provider.key}" of "${tenant.slug}": ${describe(error)}`,
      },
    };
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = createToken();
  const redirectUri = `${input.origin}${OIDC_CALLBACK_PATH}`;
  await withTenant(database.db, tenant.id, (trx) =>
    insertOidcSignInState(trx, tenant.id, {
      state_hash: hashToken(state),
      browser_hash: hashToken(browserToken),
      provider_key: provider.key,
      app: provider.app,
      code_verifier: codeVerifier,
      nonce,
      redirect_uri: redirectUri,
      return_to: safeReturnTo(input.returnTo),
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + OIDC_STATE_MS),
    }),
  );
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    response_type: "code",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { redirectTo: url.href, browserCookie: `${tenant.id}.${provider.app}.${browserToken}` };
}

export type OidcFinish =
  { sessionCookie: string; csrfToken: string; redirectTo: string; refused?: undefined } | { refused: OidcRefusal };

/** The browser cookie's parts, if it is well formed. */
function readBrowserCookie(value: string | undefined): { tenantId: string; app: SignInApp; token: string } | undefined {
  const [tenantId, app, token, extra] = value?.split(".") ?? [];
  if (!tenantId || !token || extra !== undefined) return undefined;
  return app === "admin" || app === "portal" ? { tenantId, app, token } : undefined;
}

function claimText(claims: oidc.IDToken, name: string): string | undefined {
  const value = claims[name];
  return typeof value === "string" && value.trim() !== ""
    ? value.trim()
    : typeof value === "number"
      ? String(value)
      : undefined;
}

/** The user's name from the ID token: `name`, else given and family names, else the email address. */
function displayNameOf(claims: oidc.IDToken, email: string): string {
  const given = claimText(claims, "given_name");
  const family = claimText(claims, "family_name");
  return (claimText(claims, "name") ?? [given, family].filter(Boolean).join(" ")) || email;
}

type Matched = { user: User; created: boolean } | { problem: OidcProblem; detail: string; user?: User };

/** Finds the person in this authority by the provider's claim, or creates them when just-in-time creation is on. */
async function matchUser(
  trx: TenantTransaction,
  tenantId: string,
  provider: OidcProviderSetting,
  claims: oidc.IDToken,
  now: Date,
): Promise<Matched> {
  const email = claimText(claims, "email");
  const emailUsable = email !== undefined && claims.email_verified !== false;
  let user: User | undefined;
  if (provider.matchClaim === "sub") {
    const userId = await findOidcIdentity(trx, provider.key, claims.sub);
    user = userId ? await findUser(trx, userId) : undefined;
  } else if (emailUsable) user = await findUserByEmail(trx, email);
  if (user) return { user, created: false };
  if (!provider.jit) return { problem: "no-account", detail: `no user matches ${provider.matchClaim}` };
  if (!emailUsable) return { problem: "no-account", detail: "just-in-time creation needs a verified email claim" };
  if (await findUserByEmail(trx, email))
    return { problem: "no-account", detail: `a user ${email} exists but is not linked to this subject` };
  let schoolUrn: number | undefined;
  if (provider.jit.schoolClaim) {
    const urn = Number(claimText(claims, provider.jit.schoolClaim));
    if (!Number.isInteger(urn) || urn <= 0 || !(await findSchool(trx, urn)))
      return { problem: "no-account", detail: `claim ${provider.jit.schoolClaim} names no school of this authority` };
    schoolUrn = urn;
  }
  const created = await insertUser(trx, tenantId, {
    email,
    displayName: displayNameOf(claims, email),
    passwordHash: null,
    grants: [{ role: provider.jit.role, ...(schoolUrn !== undefined ? { schoolUrn } : {}) }],
  });
  if (provider.matchClaim === "sub")
    await insertOidcIdentity(trx, tenantId, {
      providerKey: provider.key,
      subject: claims.sub,
      userId: created.id,
      now,
    });
  await appendAudit(trx, tenantId, {
    actorId: created.id,
    actorLabel: created.display_name,
    action: "user-created",
    subjectType: "User",
    subjectId: created.id,
    detail: { email: created.email, grants: created.grants, by: `oidc:${provider.key}` },
  });
  return { user: created, created: true };
}

/** Exchanges the code (with the PKCE verifier) and has openid-client check the ID token; its claims, or why not. */
async function exchangeCode(
  provider: OidcProviderSetting,
  row: OidcSignInStateRow,
  params: URLSearchParams,
  now: Date,
  readSecret: ReadSecret,
): Promise<{ claims: oidc.IDToken } | { problem: OidcProblem; detail: string }> {
  try {
    const config = await configurationFor(provider, now, readSecret);
    const currentUrl = new URL(row.redirect_uri);
    currentUrl.search = params.toString();
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: row.code_verifier,
      expectedState: params.get("state") ?? "",
      expectedNonce: row.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    return claims ? { claims } : { problem: "provider", detail: "no ID token" };
  } catch (error) {
    const unreachable = error instanceof TypeError || (error instanceof Error && error.name === "TimeoutError");
    return { problem: unreachable ? "unavailable" : "provider", detail: describe(error) };
  }
}

/** In the authority's transaction: the person found (or created), refused if disabled, else a new session. */
async function signInPerson(
  trx: TenantTransaction,
  tenantId: string,
  provider: OidcProviderSetting,
  claims: oidc.IDToken,
  request: { address: string; userAgent: string | null; now: Date },
): Promise<{ cookie: string; csrfToken: string } | { problem: OidcProblem; detail: string }> {
  const { now } = request;
  const matched = await matchUser(trx, tenantId, provider, claims, now);
  if ("problem" in matched) return matched;
  const { user } = matched;
  const detail = { address: request.address, method: "oidc", provider: provider.key };
  const audit = (action: string, extra: object = {}) =>
    appendAudit(trx, tenantId, {
      actorId: user.id,
      actorLabel: user.display_name,
      action,
      subjectType: "User",
      subjectId: user.id,
      detail: { ...detail, ...extra },
    });
  if (user.status === "disabled") {
    await audit("sign-in-failed", { reason: "disabled" });
    return { problem: "disabled", detail: `user ${user.id} is disabled` };
  }
  const token = createToken();
  const csrfToken = createToken();
  await insertSession(trx, tenantId, {
    id: hashToken(token),
    userId: user.id,
    csrfToken,
    authMethod: "oidc",
    idleExpiresAt: new Date(now.getTime() + SESSION_POLICY.idleMs),
    expiresAt: new Date(now.getTime() + SESSION_POLICY.absoluteMs),
    userAgent: request.userAgent?.slice(0, 300) ?? null,
    now,
  });
  // An invited user who signs in through their authority's provider needs no password: the invitation is used.
  await updateUser(trx, user.id, {
    lastSignInAt: now,
    ...(user.status === "invited" ? { status: "active" as const, inviteTokenHash: null, inviteExpiresAt: null } : {}),
  });
  await audit("signed-in");
  return { cookie: `${tenantId}.${token}`, csrfToken };
}

/**
 * Finishes a sign-in when the provider sends the browser back: takes the state (once; it must be this browser's
 * and not expired), exchanges the code with the PKCE verifier, has openid-client check the ID token (signature,
 * issuer, audience, expiry, nonce), finds the person in the authority that started the sign-in (or creates them
 * when just-in-time creation is on), and starts the same session as a password sign-in (auth_method "oidc").
 */
export async function finishOidcSignIn(
  database: StewardDatabase,
  input: {
    query: string;
    browserCookie: string | undefined;
    address: string;
    userAgent: string | null;
    now: Date;
    readSecret: ReadSecret;
    log: OidcLog;
  },
): Promise<OidcFinish> {
  const { now } = input;
  const params = new URLSearchParams(input.query);
  const browser = readBrowserCookie(input.browserCookie);
  const refuse = (problem: OidcProblem, detail: string, app: SignInApp = browser?.app ?? "admin", tenant?: string) => {
    input.log.warn({ problem, detail }, "OpenID Connect sign-in refused");
    return { refused: { problem, redirectTo: signInPage(app, problem, tenant), detail } };
  };
  const state = params.get("state");
  if (!browser || !state) return refuse("expired", browser ? "no state in the callback" : "no browser cookie");
  const taken = await withTenant(database.db, browser.tenantId, async (trx) => {
    const row = await takeOidcSignInState(trx, hashToken(state));
    return row && { row, settings: await readSignInSettings(trx) };
  }).catch(() => undefined);
  if (!taken) return refuse("expired", "unknown or used state");
  const { row, settings } = taken;
  if (row.browser_hash !== hashToken(browser.token)) return refuse("expired", "state of another browser", row.app);
  const slug = (await findTenant(database.db, browser.tenantId))?.slug;
  if (row.expires_at <= now) return refuse("expired", "state expired", row.app, slug);
  const provider = settings.providers.find((p) => p.key === row.provider_key);
  if (!provider) return refuse("unavailable", `provider "${row.provider_key}" was removed`, row.app, slug);
  const exchanged = await exchangeCode(provider, row, params, now, input.readSecret);
  if ("problem" in exchanged) return refuse(exchanged.problem, exchanged.detail, row.app, slug);
  const outcome = await withTenant(database.db, browser.tenantId, (trx) =>
    signInPerson(trx, browser.tenantId, provider, exchanged.claims, input),
  );
  if ("problem" in outcome) return refuse(outcome.problem, outcome.detail, row.app, slug);
  return { sessionCookie: outcome.cookie, csrfToken: outcome.csrfToken, redirectTo: `/${row.app}${row.return_to}` };
}
