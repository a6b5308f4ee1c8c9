/**
 * The inbox in a browser, for each demo authority: an officer signs in and lands on My work (their open work by
 * due date, its count in the menu), opens a piece of work on its case page; a manager sees the team's work; a
 * headteacher sees "What we need from you" in the portal. Every page visited is checked with axe.
 */
import assert from "node:assert/strict";
// node:test's describe and test return promises the runner awaits itself (its documented use), so they are void here.
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";

import { describeFindings, launchBrowser, Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD, type Authority } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

async function signIn(app: "admin" | "portal", la: Authority, email: string): Promise<Session> {
  const session = await Session.open(browser, baseUrl);
  sessions.push(session);
  const { page } = session;
  await page.goto(`/${app}/sign-in`);
  await page.getByLabel(la.tenant).check();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("authority-name").filter({ hasText: la.tenant }).waitFor();
  return session;
}

const shot = (la: Authority, name: string) => `${la.prefix}inbox-${name}`;

function journeys(la: Authority) {
  void test("an officer signs in to My work, with its count in the menu, and opens a piece of work on its case", async () => {
    const session = await signIn("admin", la, la.adviser);
    const { page } = session;
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    const menu = page.getByRole("navigation", { name: "Menu" });
    const link = menu.getByRole("link", { name: /^My work \(\d+\)$/ });
    await link.waitFor();
    const count = Number(/\((\d+)\)/.exec(await link.innerText())?.[1]);
    const rows = page.locator("main table tbody tr");
    await session.capture(shot(la, "my-work"));
    if (count === 0) {
      await page.getByText(/You have no open work/).waitFor();
      return;
    }
    assert.ok((await rows.count()) >= Math.min(count, 1), "each piece of work is listed");
    const first = page.locator("main table tbody tr a").first();
    const label = await first.innerText();
    await first.click();
    await page.waitForURL(/\/admin\/cases\//);
    await page.getByRole("heading", { level: 1 }).waitFor();
    assert.doesNotMatch(
      await page.getByRole("heading", { level: 1 }).innerText(),
      /My work/,
      `"${label}" opens its case`,
    );
    await session.capture(shot(la, "work-opened"));
  });

  void test("a manager sees the team's work by person", async () => {
    const session = await signIn("admin", la, la.officer);
    const { page } = session;
    await page.getByRole("heading", { name: "My work", level: 1 }).waitFor();
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Team's work" }).click();
    await page.getByRole("heading", { name: "Team's work", level: 1 }).waitFor();
    await page.getByRole("table", { name: "Open work by person" }).waitFor();
    await session.capture(shot(la, "team-work"));
  });

  void test("a headteacher sees what the local authority needs from the school", async () => {
    const session = await signIn("portal", la, la.head);
    const { page } = session;
    const link = page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: /^What we need from you/ });
    await link.click();
    await page.getByRole("heading", { name: "What we need from you", level: 1 }).waitFor();
    await session.capture(shot(la, "needed"));
    // The headteacher does one: acknowledges a letter, and it leaves the list and the count.
    const before = Number(/\((\d+)\)/.exec(await link.innerText())?.[1]);
    const acknowledge = page.locator("main table tbody tr a", { hasText: /^Acknowledge / }).first();
    assert.ok((await acknowledge.count()) > 0, "the demo school has a letter to acknowledge");
    const label = await acknowledge.innerText();
    await acknowledge.click();
    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await page.getByText("you have acknowledged this letter").waitFor();
    await link.click();
    await page.getByRole("heading", { name: "What we need from you", level: 1 }).waitFor();
    await page.getByRole("link", { name: `What we need from you (${before - 1})` }).waitFor();
    // The list is fetched again on the way back: the acknowledged letter is gone once it has been.
    await page.getByRole("link", { name: label, exact: true }).waitFor({ state: "detached" });
    await session.capture(shot(la, "needed-done"));
  });
}

void describe("the inbox in a browser", { skip, concurrency: false }, () => {
  before(async () => {
    ensureBuilt();
    if (existingServer) baseUrl = existingServer;
    else {
      server = await startServer();
      baseUrl = server.baseUrl;
    }
    browser = await launchBrowser(chromiumPath!);
  });

  after(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.stop();
  });

  for (const la of AUTHORITIES) void describe(la.tenant, { concurrency: false }, () => journeys(la));

  void test("axe finds no accessibility violation on any page visited", () => {
    const report = describeFindings(sessions.flatMap((s) => s.findings));
    assert.equal(report, "", `Accessibility violations:\n${report}`);
  });
});
