/**
 * The permissions matrix end to end, for both authorities: the headteacher first sees the school's letters in the
 * portal; the policy administrator opens the roles section of a new draft as a matrix, takes away the
 * headteacher's reading of letters in its cell (leaving acknowledging them), reads the role's permissions in
 * sentences, asks whether a headteacher may now read an issued letter of their own school (no), and publishes;
 * the headteacher, signed in again, no longer has letters in the portal. Every page photographed is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";

import { describeFindings, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
import { browserSkipReason, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD, type Authority } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

/**
 * A line saying `start` and then, in brackets, each of `limits` in any order (a stored document's conditions come
 * back from the database in its own key order).
 */
const limited = (start: string, ...limits: string[]) =>
  new RegExp(`${start} \\(${limits.map((l) => `(?=[^)]*${l.replace(/[()]/g, "\\$&")})`).join("")}[^)]*\\)`);

const headteacherOf = (la: Authority) => la.head.replace(/^[^@]+/, "headteacher");

function signIn(la: Authority, app: "admin" | "portal", email: string): Promise<Session> {
  return signInAs(browser, baseUrl, app, la.tenant, email, PASSWORD).then((session) => {
    sessions.push(session);
    return session;
  });
}

/** The portal's menu of the headteacher, signed in afresh (their ability is built under the policy in force). */
async function portalMenu(la: Authority, shot: string) {
  const head = await signIn(la, "portal", headteacherOf(la));
  const menu = head.page.getByRole("navigation", { name: "Menu" });
  await menu.getByRole("link").first().waitFor();
  await head.capture(`${la.prefix}${shot}`);
  return menu;
}

/** In a new draft's roles section, the headteacher's cell for letters: untick reading, keep acknowledging. */
async function takeAwayReadingLetters(la: Authority, admin: Session) {
  const { page } = admin;
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).click();
  await page
    .getByRole("button", { name: /New draft from this version/ })
    .first()
    .click();
  await settled(page, page.getByRole("heading", { name: /Authority/, level: 2 }), "No draft was started");
  await page
    .getByRole("navigation", { name: "Policy sections" })
    .getByRole("link", { name: /^Roles/ })
    .click();
  await page.getByRole("heading", { name: "Who may do what", level: 3 }).waitFor();
  const letters = page.getByRole("table", { name: "Letters, forms and registers" });
  const row = letters.getByRole("row", { name: /^Headteacher/ });
  assert.match(
    await row.innerText(),
    limited("read: yes, with conditions", "own school only", "issued or acknowledged only"),
  );
  await admin.capture(`${la.prefix}admin-policy-permissions-matrix`);

  await row.getByRole("button", { name: "Change what Headteacher may do to Letter" }).click();
  await page.getByRole("heading", { name: "What Headteacher may do to Letter" }).waitFor();
  const reading = page.getByRole("group", { name: "Permission 1" });
  await reading.getByRole("checkbox", { name: "read", exact: true }).uncheck();
  await admin.capture(`${la.prefix}admin-policy-permissions-cell`);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("heading", { name: "Who may do what", level: 3 }).waitFor();
  assert.doesNotMatch(await row.innerText(), /read:/);
  assert.match(await row.innerText(), /acknowledge: yes, with conditions/);
}

/** The role in sentences, and the question asked of the server's own ability, under the edited draft. */
async function checkTheWords(la: Authority, admin: Session) {
  const { page } = admin;
  await page.getByLabel("Role", { exact: true }).first().selectOption({ label: "Headteacher" });
  const words = page.getByRole("list", { name: "What Headteacher may see and do" });
  const sentences = await words.innerText();
  assert.match(sentences, limited("Headteacher may acknowledge Letter", "own school only", "issued only"));
  assert.doesNotMatch(sentences, /Headteacher may read Letter/);
  assert.match(sentences, limited("Headteacher may read Visit report", "own school only", "published only"));

  const ask = page.getByRole("region", { name: "Can a user of this role do it?" });
  await ask.getByLabel("Role").selectOption({ label: "Headteacher" });
  await ask.getByLabel("Action").selectOption("read");
  await ask.getByLabel("Record", { exact: true }).selectOption({ label: "Letter" });
  await ask.getByLabel("School", { exact: true }).selectOption({ label: "The user's own school" });
  await ask.getByLabel("Status").selectOption("issued");
  await ask.getByRole("button", { name: "Ask" }).click();
  await settled(page, ask.getByText("No, they may not."), "The question was not answered");
  await admin.capture(`${la.prefix}admin-policy-permissions-explain`);
}

async function publish(la: Authority, admin: Session) {
  const { page } = admin;
  await page.getByRole("button", { name: "Save the draft" }).click();
  await settled(page, page.getByText(/Draft saved/), "The draft was not saved");
  await page.getByRole("button", { name: /^Publish$/ }).click();
  await page.getByRole("heading", { name: "Publish this version" }).waitFor();
  await page.getByRole("button", { name: /^Publish Version/ }).click();
  await settled(page, page.getByText(/is published and in force/), `${la.tenant}'s version was not published`);
}

void describe("the permissions matrix in a browser", { skip, concurrency: false }, () => {
  before(async () => {
    ensureBuilt();
    // Its own server whatever STEWARD_E2E_BASE_URL says: it publishes policies other journeys read. The demo is
    // loaded first (`steward demo`), so a busy machine's slow load does not count against the server's start.
    server = await startServer({ commands: [] });
    baseUrl = server.baseUrl;
    browser = await launchBrowser(chromiumPath!);
  });

  after(async () => {
    for (const session of sessions) await session.close();
    await browser?.close();
    await server?.stop();
  });

  for (const la of AUTHORITIES) {
    void test(`${la.tenant}: taking away the headteacher's reading of letters in the matrix takes letters out of the portal`, async () => {
      const before = await portalMenu(la, "portal-permissions-before");
      await before.getByRole("link", { name: "Letters" }).waitFor();

      const admin = await signIn(la, "admin", la.policyAdmin);
      await takeAwayReadingLetters(la, admin);
      await checkTheWords(la, admin);
      await publish(la, admin);

      const menu = await portalMenu(la, "portal-permissions-after");
      assert.equal(await menu.getByRole("link", { name: "Letters" }).count(), 0, "the headteacher still has letters");
    });
  }

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 10, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
