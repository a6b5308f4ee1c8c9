/**
 * Sign-in with OpenID Connect in a real browser: a real provider (oidc-provider: `pnpm dev-oidc`, the test
 * provider of apps/server, in its own process) on 127.0.0.1, and the demo authorities configured with `steward tenant:sign-in` before the server
 * starts. Cambridgeshire keeps passwords beside its provider; Lincolnshire has switched passwords off. Each
 * journey: the sign-in page, the provider's login page, and back signed in (or refused, in words). Every page
 * is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";

import { describeFindings, launchBrowser, Session } from "./browser.ts";
import { browserSkipReason, findChromium } from "./env.ts";
import { ensureBuilt, getFreePort, startServer, startTestProvider, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const SECRET = "dev-oidc-secret";
const BUTTON = "Sign in with the test provider";

let server: RunningServer | undefined;
let provider: Awaited<ReturnType<typeof startTestProvider>> | undefined;
let browser: Browser;
const sessions: Session[] = [];

async function openSession(): Promise<Session> {
  const session = await Session.open(browser, server!.baseUrl);
  sessions.push(session);
  return session;
}

/** The authority's sign-in page with the provider's button; then the provider's login page, typing the email. */
async function throughProvider(session: Session, authority: string, email: string, name: string) {
  const { page } = session;
  await page.goto("/admin/sign-in");
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel(authority).check();
  await page.getByRole("button", { name: BUTTON }).waitFor();
  await session.capture(`oidc-${name}-sign-in`);
  await page.getByRole("button", { name: BUTTON }).click();
  await page.getByRole("heading", { name: "Test identity provider" }).waitFor();
  await session.capture(`oidc-${name}-provider-login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
}

void describe("sign-in with OpenID Connect in a browser", { skip, concurrency: false }, () => {
  before(async () => {
    ensureBuilt();
    const port = await getFreePort();
    provider = await startTestProvider(`http://localhost:${port}`);
    const providerArgs = (tenant: string) => [
      "tenant:sign-in",
      "--tenant",
      tenant,
      "--provider",
      "test",
      "--label",
      BUTTON,
      "--app",
      "admin",
      "--issuer",
      provider!.issuer,
      "--client-id",
      `steward-${tenant}`,
      "--client-secret-env",
      "STEWARD_E2E_OIDC_SECRET",
      "--match",
      "email",
    ];
    server = await startServer({
      port,
      env: { STEWARD_E2E_OIDC_SECRET: SECRET },
      commands: [
        providerArgs("cambridgeshire"),
        providerArgs("lincolnshire"),
        ["tenant:sign-in", "--tenant", "lincolnshire", "--passwords", "off"],
      ],
    });
    browser = await launchBrowser(chromiumPath!);
  });

  after(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  void test("Cambridgeshire: the provider's button beside the password form, and back signed in", async () => {
    const session = await openSession();
    const { page } = session;
    await throughProvider(
      session,
      "Cambridgeshire County Council",
      "school-improvement-adviser@cambridgeshire.example",
      "cambridgeshire",
    );
    await page.getByTestId("authority-name").filter({ hasText: "Cambridgeshire County Council" }).waitFor();
    await session.capture("oidc-cambridgeshire-signed-in");
    assert.ok(page.url().startsWith(`${server!.baseUrl}/admin/`));
  });

  void test("Lincolnshire (passwords off): no password form; a Cambridgeshire user is refused; its own user signs in", async () => {
    const session = await openSession();
    const { page } = session;
    await page.goto("/admin/sign-in");
    await page.getByLabel("Lincolnshire County Council").check();
    await page.getByRole("button", { name: BUTTON }).waitFor();
    assert.equal(await page.getByLabel("Password").count(), 0, "no password field when passwords are off");

    await throughProvider(
      session,
      "Lincolnshire County Council",
      "school-improvement-adviser@cambridgeshire.example",
      "lincolnshire",
    );
    await page.getByText("There is no account for you at this authority").first().waitFor();
    await session.capture("oidc-lincolnshire-refused");
    assert.equal((await session.context.cookies()).filter((c) => c.name === "steward_session").length, 0);

    // Lincolnshire's own officer, in their own browser (the provider remembers who signed in to it in this one).
    const own = await openSession();
    await throughProvider(
      own,
      "Lincolnshire County Council",
      "education-locality-lead@lincolnshire.example",
      "lincolnshire-own",
    );
    await own.page.getByTestId("authority-name").filter({ hasText: "Lincolnshire County Council" }).waitFor();
    await own.capture("oidc-lincolnshire-signed-in");
  });

  void test("axe finds no accessibility violation on any page visited", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 9, `only ${findings.length} pages were checked`);
    const report = describeFindings(findings);
    assert.equal(report, "", `Accessibility violations:\n${report}`);
  });
});
