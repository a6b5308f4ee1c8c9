/**
 * The policy studio's diff for people, in a browser: Cambridgeshire's policy administrator starts a draft,
 * rewords a sentence of the congratulations letter and takes a rule from the headteacher's role (both in the
 * sections' JSON), then sees the sentence's change word by word (<ins>/<del>) and the role's loss as a
 * sentence under "See the changes", and the same loss in the publish page's impact report. Every page
 * photographed is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";

import { describeFindings, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const [la] = AUTHORITIES;
const LOSS = "Headteacher may no longer read Visit report (own school only, published only)";
let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

/** Opens a section of the draft and gives its JSON box (behind "Every field as a form, and as JSON" where the section has its own editor). */
async function openSectionJson(page: Page, name: string, key: string) {
  await page.getByRole("navigation", { name: "Policy sections" }).getByRole("link", { name }).click();
  await page.getByRole("heading", { name, level: 2 }).waitFor();
  const toggle = page.getByRole("button", { name: "Every field as a form, and as JSON" });
  if ((await toggle.count()) > 0) await toggle.click();
  // The section's JSON is behind "Edit … as JSON" (drawn only when opened).
  await page.getByText(`Edit ${name.toLowerCase()} as JSON`, { exact: true }).click();
  const box = page.locator(`#json-${key}`);
  await box.waitFor();
  return box;
}

/** Changes a section through its JSON box: reads it, lets `edit` change it, writes it back. */
async function editSectionJson(page: Page, name: string, key: string, edit: (value: unknown) => unknown) {
  const box = await openSectionJson(page, name, key);
  await box.fill(JSON.stringify(edit(JSON.parse(await box.inputValue()) as unknown), null, 2));
  // Leaving the box reads it at once: the draft then has the change.
  await box.blur();
  await page.getByText("You have unsaved changes.").waitFor();
}

interface Rule {
  subject: string | string[];
}
interface Role {
  key: string;
  rules: Rule[];
}
interface Letter {
  key: string;
  template: { body: string };
}

void describe("the policy studio's diff for people in a browser", { skip, concurrency: false }, () => {
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

  void test("Cambridgeshire: a reworded letter sentence shows word by word, a role's lost rule as a sentence", async () => {
    assert.ok(la, "the fixtures name Cambridgeshire first");
    const session = await signInAs(browser, baseUrl, "admin", la.tenant, la.policyAdmin, PASSWORD);
    sessions.push(session);
    const { page } = session;
    await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).click();
    await page.getByRole("heading", { name: "Policy versions" }).waitFor();
    await page
      .getByRole("button", { name: /New draft from this version/ })
      .first()
      .click();
    await page.getByRole("heading", { name: /Authority/, level: 2 }).waitFor();

    await editSectionJson(page, "Letter and notice types", "letterTypes", (value) => {
      const letters = value as Letter[];
      const letter = letters.find((l) => l.key === "congratulations-letter");
      assert.ok(
        letter && letter.template.body.includes("to congratulate you"),
        "the letter's sentence is as the test expects",
      );
      letter.template.body = letter.template.body.replace("to congratulate you", "to warmly congratulate you");
      return letters;
    });
    await editSectionJson(page, "Roles", "roles", (value) => {
      const roles = value as Role[];
      const head = roles.find((r) => r.key === "headteacher");
      assert.ok(head, "Cambridgeshire has a headteacher role");
      head.rules = head.rules.filter((r) => r.subject !== "VisitReport");
      return roles;
    });
    await page.getByRole("button", { name: "Save the draft" }).click();
    await settled(page, page.getByText(/Draft saved/), "The draft was not saved");

    // The changes: the letter's sentence word by word, the role's loss in words.
    await page.getByRole("button", { name: "See the changes" }).click();
    await page.getByRole("heading", { name: /Changes from/ }).waitFor();
    const reworded = page.getByRole("row", { name: /Congratulations letter.*body reworded/ });
    const words = reworded.getByTestId("word-diff");
    await words.waitFor();
    // The one added word, in <ins> and announced as added; nothing removed; the words around it kept.
    const said = async (locator: typeof words) => ((await locator.textContent()) ?? "").replace(/\s+/g, " ");
    assert.equal(await said(words.locator("ins")), "[added: warmly ]");
    assert.equal(await words.locator("del").count(), 0);
    assert.match(await said(words), /to \[added: warmly \]congratulate you/);
    await page.getByRole("cell", { name: LOSS }).waitFor();
    assert.equal(await page.getByText(/a new value/).count(), 0, "no rule is 'a new value'");
    await session.capture("admin-policy-diff-words");

    // The publish page's impact report says the same loss.
    await page.getByRole("link", { name: /Back to Version/ }).click();
    await page.getByRole("button", { name: /^Publish$/ }).click();
    await page.getByRole("heading", { name: "Publish this version" }).waitFor();
    const roles = page.getByTestId("impact-roles");
    await roles.waitFor();
    assert.match(await roles.innerText(), new RegExp(LOSS.replace(/[()]/g, "\\$&")));
    await page.getByRole("table", { name: /Drafts in progress/ }).waitFor();
    await session.capture("admin-policy-publish-people");
  });

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 2, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
