/**
 * A letter that asks for a form back, end to end in a browser: Westmarch's warning notice (the demo issues it
 * to the demo school) asks the governing body for its action plan by the notice's deadline. The school's
 * home and forms pages say "Action plan due … for the Warning notice of …"; the headteacher continues the
 * draft the school started and sends it; the letter then says it was received, and so does the case's
 * overview in the LA's app. Every page photographed is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";

import { describeFindings, fillDate, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { PASSWORD, WESTMARCH } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const la = WESTMARCH;
const HEADTEACHER = "headteacher@westmarch.example";
let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

/** A date as the apps write it: 8 December 2026. */
const inWords = (date: Date) =>
  date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const DATE = String.raw`\d{1,2} [A-Z][a-z]+ \d{4}`;

function signIn(app: "admin" | "portal", email: string): Promise<Session> {
  return signInAs(browser, baseUrl, app, la.tenant, email, PASSWORD).then((session) => {
    sessions.push(session);
    return session;
  });
}

void describe("a letter's response form in a browser", { skip, concurrency: false }, () => {
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

  void test("Westmarch: the school sends the action plan its warning notice asks for, and the case shows it came", async () => {
    const school = await signIn("portal", HEADTEACHER);
    const { page } = school;
    // The home page: the action plan, its due date in words, and the notice that asks for it.
    const due = page.getByTestId("responses-due");
    await due.waitFor();
    const line = new RegExp(`Action plan due ${DATE} for the ${la.notice} of ${DATE}`);
    assert.match(await due.innerText(), line);
    await school.capture(`${la.prefix}portal-home-response-due`);

    // The forms page says the same, tied to the notice; filling it in continues the draft the school started.
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Forms" }).click();
    await page.getByRole("heading", { name: "Forms", level: 1 }).waitFor();
    assert.match(await page.getByTestId("responses-due").innerText(), line);
    await school.capture(`${la.prefix}portal-forms-response-due`);
    await page.getByTestId("responses-due").getByRole("link", { name: "Fill in the action plan" }).click();
    await page.getByRole("heading", { name: "Action plan", level: 1 }).waitFor();
    assert.match(page.url(), /\/forms\/responses\//, "the school's draft is continued, not a second one started");
    const today = new Date();
    const by = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await fillDate(page, "By when", by);
    await page.getByLabel("Who leads it").fill("Chair of governors");
    await page
      .getByLabel("Action", { exact: true })
      .fill("The standards committee meets fortnightly to review reading.");
    await page.getByRole("button", { name: "Send to the local authority" }).click();
    await settled(page, page.getByText(/^Sent /).first(), "The action plan was not sent");

    // The notice now says the action plan came, and the home page no longer asks for it.
    await page.goto("/portal/letters");
    const received = new RegExp(`Action plan received on ${inWords(today)}`);
    await page
      .getByRole("row", { name: new RegExp(la.notice) })
      .getByText(received)
      .waitFor();
    await page.getByRole("link", { name: la.notice }).first().click();
    await page.getByRole("heading", { name: new RegExp(`${la.notice}: `), level: 1 }).waitFor();
    await page.getByText(received).waitFor();
    await school.capture(`${la.prefix}portal-letter-response-received`);
    await page.goto("/portal/");
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
    assert.equal(await page.getByTestId("responses-due").count(), 0);

    // The LA's case overview shows that it came, tied to the notice.
    const officer = await signIn("admin", la.head);
    await officer.page.goto(`/admin/?search=${encodeURIComponent(la.school)}`);
    await officer.page.getByRole("link", { name: la.school, exact: true }).click();
    const responses = officer.page.getByTestId("letter-responses");
    await responses.waitFor();
    assert.match(await responses.innerText(), new RegExp(`${received.source} \\(for the ${la.notice} of ${DATE}\\)`));
    await officer.capture(`${la.prefix}admin-case-response-received`);
  });

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 4, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
