// Sign-in with OpenID Connect, over HTTP, against a real provider (oidc-provider) on 127.0.0.1: the whole
// redirect flow as a browser follows it (cookies kept per host), and each way it must be refused.
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { changeSignInSettings, provisionTenant, provisionUser, type OidcProviderSetting } from "@steward/api";
import { findUserByEmail, updateUser, withTenant, type StewardDatabase, type Tenant } from "@steward/db";
import { openTestDatabase } from "@steward/db/testing";

import { buildServer } from "./server.ts";
import { startTestOidcProvider, type TestOidcProvider } from "./testing/oidc-provider.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const policyOf = (slug: string): unknown =>
  JSON.parse(readFileSync(path.join(repoRoot, "packages/policy-config/tenants", slug, "policy.json"), "utf8"));

const PASSWORD = "a long test password";
const CAMBS_ADVISER = "adviser@cambs.test";
const LINCS_LEAD = "lead@lincs.test";

let database: StewardDatabase;
let server: FastifyInstance;
let steward: string;
let provider: TestOidcProvider;
let cambs: Tenant;
let lincs: Tenant;
/** How far ahead of the real clock Steward's clock runs (the expired ID token case). */
let clockAhead = 0;
/** What the server logged of refused sign-ins. */
const refusals: { problem?: string; detail?: string }[] = [];

/** A browser's cookies, per host: enough for the redirects of one sign-in. */
class Browser {
  readonly cookies = new Map<string, Map<string, string>>();

  async get(url: string, init: { method?: string; body?: string; contentType?: string } = {}) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    this.cookies.set(host, jar);
    const response = await fetch(url, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
        ...(init.contentType ? { "content-type": init.contentType } : {}),
      },
      ...(init.body !== undefined ? { body: init.body } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) jar.delete(name.trim());
      else jar.set(name.trim(), value.join("="));
    }
    const location = response.headers.get("location");
    return { response, location: location ? new URL(location, url).href : undefined };
  }

  stewardCookie(name: string) {
    return this.cookies.get(new URL(steward).host)?.get(name);
  }
}

/**
 * Signs in as a browser does: the start address, the provider's login page (typing the email address), and
 * back. Returns where Steward sent the browser at the end, and the callback address used.
 */
async function signIn(browser: Browser, tenant: string, key: string, email: string) {
  let step = await browser.get(`${steward}/auth/oidc/${tenant}/${key}/start`);
  expect(step.response.status).toBe(302);
  step = await browser.get(step.location!);
  let loginPage = step.location;
  while (loginPage && !loginPage.includes("/interaction/")) loginPage = (await browser.get(loginPage)).location;
  const page = await browser.get(loginPage!);
  expect(await page.response.text()).toContain("Email address");
  step = await browser.get(loginPage!, {
    method: "POST",
    body: new URLSearchParams({ email }).toString(),
    contentType: "application/x-www-form-urlencoded",
  });
  let next = step.location;
  while (next && !next.startsWith(steward)) next = (await browser.get(next)).location;
  expect(next).toContain("/auth/oidc/callback?");
  const binding = browser.stewardCookie("steward_oidc");
  const callback = await browser.get(next!);
  return { callbackUrl: next!, binding, landing: callback.location! };
}

async function me(browser: Browser): Promise<{ user: { email: string }; roles: { key: string }[] } | null> {
  const { response } = await browser.get(`${steward}/api/trpc/auth.me`);
  const body = (await response.json()) as {
    result: { data: { user: { email: string }; roles: { key: string }[] } | null };
  };
  return body.result.data;
}

function providerSetting(overrides: Partial<OidcProviderSetting> & Pick<OidcProviderSetting, "key" | "clientId">) {
  return {
    label: "Sign in with the test provider",
    app: "admin" as const,
    issuer: provider.issuer,
    clientSecretEnv: "STEWARD_TEST_OIDC_SECRET",
    matchClaim: "email" as const,
    jit: null,
    ...overrides,
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  ({ tenant: cambs } = await provisionTenant(database.db, { slug: "cambs", policy: policyOf("cambridgeshire") }));
  ({ tenant: lincs } = await provisionTenant(database.db, { slug: "lincs", policy: policyOf("lincolnshire") }));
  await provisionUser(database.db, cambs.id, {
    email: CAMBS_ADVISER,
    displayName: "Cambs Adviser",
    password: PASSWORD,
    grants: [{ role: "school-improvement-adviser" }],
  });
  await provisionUser(database.db, lincs.id, {
    email: LINCS_LEAD,
    displayName: "Lincs Lead",
    password: PASSWORD,
    grants: [{ role: "education-locality-lead" }],
  });
  server = await buildServer({
    database,
    appVersion: "test",
    repoRoot,
    now: () => new Date(Date.now() + clockAhead),
    readSecret: (name) => (name === "STEWARD_TEST_OIDC_SECRET" ? "test-client-secret" : undefined),
    oidcLog: { warn: (detail) => refusals.push(detail) },
  });
  await server.listen({ port: 0, host: "127.0.0.1" });
  steward = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const redirectUris = [`${steward}/auth/oidc/callback`];
  provider = await startTestOidcProvider({
    clients: [
      { clientId: "steward-cambs", clientSecret: "test-client-secret", redirectUris },
      { clientId: "steward-lincs", clientSecret: "test-client-secret", redirectUris },
    ],
  });
  await changeSignInSettings(database, cambs.id, {
    kind: "provider",
    provider: providerSetting({ key: "test", clientId: "steward-cambs" }),
  });
  await changeSignInSettings(database, lincs.id, {
    kind: "provider",
    provider: providerSetting({
      key: "test",
      clientId: "steward-lincs",
      jit: { role: "education-locality-lead" },
    }),
  });
  await changeSignInSettings(database, lincs.id, { kind: "passwords", enabled: false });
}, 240_000);

afterAll(async () => {
  await server?.close();
  await provider?.stop();
  await database?.close();
});

describe("sign-in with OpenID Connect", () => {
  it("signs a user in through the provider: the same session as a password sign-in, with auth_method oidc, audited", async () => {
    const browser = new Browser();
    const { landing } = await signIn(browser, "cambs", "test", CAMBS_ADVISER);
    expect(landing).toBe(`${steward}/admin/`);
    expect(browser.stewardCookie("steward_session")).toMatch(new RegExp(`^${cambs.id}\\.`));
    expect(browser.stewardCookie("steward_oidc")).toBeUndefined();
    expect((await me(browser))?.user.email).toBe(CAMBS_ADVISER);
    const rows = await withTenant(database.db, cambs.id, async (trx) => ({
      sessions: await trx.selectFrom("sessions").select("auth_method").execute(),
      audit: await trx.selectFrom("audit_log").select(["action", "detail"]).where("action", "=", "signed-in").execute(),
    }));
    expect(rows.sessions.map((s) => s.auth_method)).toEqual(["oidc"]);
    expect(rows.audit).toEqual([
      { action: "signed-in", detail: expect.objectContaining({ method: "oidc", provider: "test" }) as unknown },
    ]);
  });

  it("refuses a replayed state: the same callback a second time starts no session", async () => {
    const first = new Browser();
    const { callbackUrl, binding } = await signIn(first, "cambs", "test", CAMBS_ADVISER);
    // Replayed with the browser's binding cookie put back, and in another browser that started its own sign-in.
    const again = new Browser();
    again.cookies.set(new URL(steward).host, new Map([["steward_oidc", binding!]]));
    const { location } = await again.get(callbackUrl);
    expect(location).toBe(`${steward}/admin/sign-in?problem=expired`);
    expect(again.stewardCookie("steward_session")).toBeUndefined();
    const replay = new Browser();
    const started = await replay.get(`${steward}/auth/oidc/cambs/test/start`);
    expect(started.response.status).toBe(302);
    const replayed = await replay.get(callbackUrl);
    expect(replayed.location).toBe(`${steward}/admin/sign-in?problem=expired`);
    expect(replay.stewardCookie("steward_session")).toBeUndefined();
  });

  it("never gives a session in one authority to a user of another", async () => {
    const browser = new Browser();
    // The provider vouches for Lincolnshire's lead, but Cambridgeshire has no such user (and no just-in-time creation).
    const cambsOnly = await signIn(browser, "cambs", "test", LINCS_LEAD);
    expect(cambsOnly.landing).toBe(`${steward}/admin/sign-in?problem=no-account&tenant=cambs`);
    expect(browser.stewardCookie("steward_session")).toBeUndefined();
    expect(await me(browser)).toBeNull();
  });

  it("refuses an ID token meant for another application (wrong audience)", async () => {
    provider.tamper = "wrong-audience";
    try {
      const browser = new Browser();
      const { landing } = await signIn(browser, "cambs", "test", CAMBS_ADVISER);
      expect(landing).toBe(`${steward}/admin/sign-in?problem=provider&tenant=cambs`);
      expect(browser.stewardCookie("steward_session")).toBeUndefined();
      expect(refusals.at(-1)?.detail).toMatch(/"aud" \(audience\) claim value/);
    } finally {
      provider.tamper = undefined;
    }
  });

  it("refuses an expired ID token", async () => {
    const browser = new Browser();
    // The provider's ID tokens last a minute; Steward's clock is five minutes on when the browser comes back.
    const start = await browser.get(`${steward}/auth/oidc/cambs/test/start`);
    clockAhead = 5 * 60 * 1000;
    try {
      let next = start.location;
      while (next && !next.includes("/interaction/")) next = (await browser.get(next)).location;
      const step = await browser.get(next!, {
        method: "POST",
        body: new URLSearchParams({ email: CAMBS_ADVISER }).toString(),
        contentType: "application/x-www-form-urlencoded",
      });
      next = step.location;
      while (next && !next.startsWith(steward)) next = (await browser.get(next)).location;
      const { location } = await browser.get(next!);
      expect(location).toBe(`${steward}/admin/sign-in?problem=provider&tenant=cambs`);
      expect(browser.stewardCookie("steward_session")).toBeUndefined();
      expect(refusals.at(-1)?.detail).toMatch(/"exp" \(expiration time\) claim value, expiration is past/);
    } finally {
      clockAhead = 0;
    }
  });

  it("refuses a disabled user", async () => {
    const browser = new Browser();
    await withTenant(database.db, cambs.id, async (trx) => {
      const user = await findUserByEmail(trx, CAMBS_ADVISER);
      await updateUser(trx, user!.id, { status: "disabled" });
    });
    try {
      const { landing } = await signIn(browser, "cambs", "test", CAMBS_ADVISER);
      expect(landing).toBe(`${steward}/admin/sign-in?problem=disabled&tenant=cambs`);
    } finally {
      await withTenant(database.db, cambs.id, async (trx) => {
        const user = await findUserByEmail(trx, CAMBS_ADVISER);
        await updateUser(trx, user!.id, { status: "active" });
      });
    }
  });

  it("creates an unknown person just in time with the provider's default role, in that authority only", async () => {
    const browser = new Browser();
    const { landing } = await signIn(browser, "lincs", "test", "new.lead@lincs.test");
    expect(landing).toBe(`${steward}/admin/`);
    const signedIn = await me(browser);
    expect(signedIn?.user.email).toBe("new.lead@lincs.test");
    expect(signedIn?.roles.map((r) => r.key)).toEqual(["education-locality-lead"]);
    const inCambs = await withTenant(database.db, cambs.id, (trx) => findUserByEmail(trx, "new.lead@lincs.test"));
    expect(inCambs).toBeUndefined();
  });

  it("refuses password sign-in, in the API, for an authority that has switched passwords off", async () => {
    const { response } = await new Browser().get(`${steward}/api/trpc/auth.signIn`, {
      method: "POST",
      body: JSON.stringify({ tenant: "lincs", email: LINCS_LEAD, password: PASSWORD }),
      contentType: "application/json",
    });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("does not use passwords");
    // Cambridgeshire keeps passwords.
    const cambsSignIn = await new Browser().get(`${steward}/api/trpc/auth.signIn`, {
      method: "POST",
      body: JSON.stringify({ tenant: "cambs", email: CAMBS_ADVISER, password: PASSWORD }),
      contentType: "application/json",
    });
    expect(cambsSignIn.response.status).toBe(200);
  });

  it("tells the sign-in page the authority's options, and nothing secret", async () => {
    const input = encodeURIComponent(JSON.stringify({ tenant: "lincs", app: "admin" }));
    const { response } = await new Browser().get(`${steward}/api/trpc/auth.signInOptions?input=${input}`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      result: {
        data: {
          passwords: false,
          providers: [{ label: "Sign in with the test provider", startUrl: "/auth/oidc/lincs/test/start" }],
        },
      },
    });
    expect(text).not.toContain("steward-lincs");
    expect(text).not.toContain("STEWARD_TEST_OIDC_SECRET");
  });
});
