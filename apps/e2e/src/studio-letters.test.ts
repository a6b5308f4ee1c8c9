/**
 * The letter editor in the policy studio, end to end in a browser, for each authority: the policy administrator
 * adds a paragraph with a merge field (the school's name) to a letter type with the editor alone (no HTML, no
 * Liquid typed), previews it against the demo school and sees the school's name, and publishes; an officer then
 * drafts that letter for the demo school and the draft says the new paragraph with the school's name in it. Every
 * page photographed is checked with axe.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";

import { describeFindings, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
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

const PARAGRAPH = "The governing body of";
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function signIn(la: Authority, email: string): Promise<Session> {
  const session = await signInAs(browser, baseUrl, "admin", la.tenant, email, PASSWORD);
  sessions.push(session);
  return session;
}

/** The officer opens the demo school's case and the page to draft a letter; the types they may draft for it. */
async function openDraftLetter(page: Page, la: Authority) {
  await page.goto(`/admin/?search=${encodeURIComponent(la.school)}`);
  await page.getByRole("link", { name: la.school, exact: true }).click();
  await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Letters" }).click();
  await page.getByRole("button", { name: "Draft a letter or notice" }).click();
  await page.getByRole("heading", { name: "Draft a letter or notice" }).waitFor();
  return page.getByRole("group", { name: "Type of letter or notice" }).getByRole("radio", { disabled: false });
}

/** The policy administrator's new draft, on its letter types, with the editor of the type labelled `label`. */
async function openLetterEditor(page: Page, label: string) {
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).click();
  await page.getByRole("heading", { name: "Policy versions" }).waitFor();
  await page
    .getByRole("button", { name: /New draft from this version/ })
    .first()
    .click();
  await page.getByRole("heading", { name: /Authority/, level: 2 }).waitFor();
  await page
    .getByRole("navigation", { name: "Policy sections" })
    .getByRole("link", { name: /^Letter and notice types/ })
    .click();
  await page.getByRole("heading", { name: "Letter and notice types", level: 2 }).waitFor();
  const ids = await page
    .locator("input[id^='letterTypes_'][id$='_label']")
    .evaluateAll(
      (inputs: HTMLInputElement[], wanted: string) =>
        inputs.filter((input) => input.value === wanted).map((input) => input.id),
      label,
    );
  const index = ids.map((one) => /^letterTypes_(\d+)_label$/.exec(one)?.[1]).find((found) => found !== undefined);
  assert.ok(index !== undefined, `the letter type "${label}" is in the studio`);
  return { editor: page.locator(`#letterTypes_${index}_template`), id: `letterTypes_${index}_template` };
}

void describe("the letter editor in a browser", { skip, concurrency: false }, () => {
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

  for (const la of AUTHORITIES) {
    void test(`${la.tenant}: a paragraph with the school's name, added in the editor, previewed, published, in the officer's draft`, async () => {
      const officer = await signIn(la, la.officer);
      const types = await openDraftLetter(officer.page, la);
      const radioLabel = await types
        .first()
        .evaluate((radio: HTMLInputElement) => radio.labels?.[0]?.textContent ?? "");
      const typeLabel = radioLabel.replace(/ \(notice\)$/, "").trim();
      const typeRadio = new RegExp(`^${literal(typeLabel)}( \\(notice\\))?$`);

      const admin = await signIn(la, la.policyAdmin);
      const { page } = admin;
      const { editor, id } = await openLetterEditor(page, typeLabel);
      await editor.getByRole("button", { name: "Add a paragraph", exact: true }).click();
      const line = editor.locator(".steward-inline-editor").last();
      await line.click();
      await page.keyboard.type(`${PARAGRAPH} `);
      await page.locator(`#${id}-merge-field`).selectOption("school.name");
      await editor.getByRole("button", { name: "Insert merge field" }).click();
      await page.keyboard.type(" must read this.");
      await line.getByText("The school's name").waitFor();

      // The preview against the demo school says its name where the chip is.
      const school = page.locator(`#${id}-school`);
      const urn = await school.locator("option", { hasText: la.school }).first().getAttribute("value");
      assert.ok(urn, "the demo school is offered for the preview");
      await school.selectOption(urn);
      const preview = page.getByRole("document", { name: `${typeLabel}, preview` });
      await preview.getByText(`${PARAGRAPH} ${la.school} must read this.`).waitFor({ timeout: 30_000 });
      await admin.capture(`${la.prefix}admin-policy-letter-editor`);

      await page.getByRole("button", { name: "Save the draft" }).click();
      await page.getByText(/Draft saved/).waitFor();
      await page.getByRole("button", { name: "See the changes" }).click();
      await page.getByRole("heading", { name: /Changes from/ }).waitFor();
      await page.getByRole("link", { name: /Back to Version/ }).click();
      await page.getByRole("button", { name: /^Publish$/ }).click();
      await page.getByRole("heading", { name: "Publish this version" }).waitFor();
      await page.getByRole("button", { name: /^Publish Version/ }).click();
      await page.getByText(/is published and in force/).waitFor();

      // The officer drafts that letter for the demo school: the new paragraph is in it, with the school's name.
      await openDraftLetter(officer.page, la);
      await officer.page.getByRole("radio", { name: typeRadio }).check();
      await officer.page.locator("#indicators").check();
      await officer.page.getByLabel("Evidence").fill("Seen at the last visit.");
      await officer.page.getByRole("button", { name: "Create the draft and preview it" }).click();
      await settled(officer.page, officer.page.getByRole("heading", { name: "Preview" }), "The letter was not drafted");
      await officer.page.getByText(`${PARAGRAPH} ${la.school} must read this.`).waitFor();
      await officer.capture(`${la.prefix}admin-letter-from-edited-template`);
    });
  }

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 4, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
