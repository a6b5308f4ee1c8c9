/**
 * The form builder end to end in a browser, for each demo authority: the policy administrator adds a question to
 * the school self-evaluation between its first two, with the builder only (no JSON), sees it in the preview, and
 * publishes; the headteacher then opens the form in the portal and finds the new question in that place. Every page
 * photographed is checked with axe.
 */
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";

import { describeFindings, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD, type Authority } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const SCREENSHOTS = path.join(import.meta.dirname, "..", "screenshots");
const FORM_KEY = "school-self-evaluation";
const FORM_TITLE = "School self-evaluation";
const NEW_QUESTION = "Who else contributed to this evaluation?";
let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];
const shot = (la: Authority, name: string) => `${la.prefix}studio-forms-${name}`;

function signIn(la: Authority, app: "admin" | "portal", email: string): Promise<Session> {
  return signInAs(browser, baseUrl, app, la.tenant, email, PASSWORD).then((session) => {
    sessions.push(session);
    return session;
  });
}

/** The builder of the form with this key, among the forms section's builders. */
async function builderFor(page: Page, key: string): Promise<Locator> {
  const builders = page.locator(".steward-form-builder");
  await builders.first().waitFor();
  for (let i = 0; i < (await builders.count()); i++) {
    const builder = builders.nth(i);
    if ((await builder.getByLabel("Key", { exact: true }).inputValue()) === key) return builder;
  }
  throw new Error(`No form builder for the form "${key}"`);
}

/**
 * Photographs one part of a long page (the forms section draws every form's builder: a whole-page photograph of it
 * takes minutes on a busy machine), then checks the whole page with axe.
 */
async function capturePart(session: Session, part: Locator, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await part.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  await session.checkA11y(name);
}

/** The labels and legends of the portal's form, in the order a school meets them. */
async function questionsInOrder(page: Page): Promise<string[]> {
  const texts = await page.locator("form label.govuk-label, form legend.govuk-fieldset__legend").allInnerTexts();
  return texts.map((text) => text.trim());
}

async function addQuestionWithTheBuilder(la: Authority) {
  const session = await signIn(la, "admin", la.policyAdmin);
  const { page } = session;
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).click();
  await page.getByRole("heading", { name: "Policy versions" }).waitFor();
  await page
    .getByRole("button", { name: /New draft from this version/ })
    .first()
    .click();
  await page.getByRole("heading", { name: /Authority/, level: 2 }).waitFor();
  await page
    .getByRole("navigation", { name: "Policy sections" })
    .getByRole("link", { name: /^Forms/ })
    .click();
  await page.getByRole("heading", { name: "Forms", level: 2 }).waitFor();

  const builder = await builderFor(page, FORM_KEY);
  await builder.getByRole("button", { name: "Add a question after question 1", exact: true }).click();
  const added = builder.locator(".steward-form-builder__question").nth(1);
  await added.getByLabel("Question", { exact: true }).fill(NEW_QUESTION);
  await added.getByLabel("Type of answer").selectOption("textarea");
  await added.getByText("The question must be answered").click();
  await capturePart(session, added, shot(la, "builder-question-added"));

  // The preview draws the form as the portal will, the new question second.
  await builder.getByText("Preview the form as it will be shown").click();
  const preview = builder.locator(".steward-form-builder__preview");
  await preview.getByText(NEW_QUESTION).waitFor();
  await capturePart(session, preview, shot(la, "builder-preview"));
  assert.match(await page.getByRole("status").first().innerText(), /No problems: this draft can be published/);

  await page.getByRole("button", { name: "Save the draft" }).click();
  await settled(page, page.getByText(/Draft saved/).first(), "The draft was not saved");
  await page.getByRole("button", { name: /^Publish$/ }).click();
  await page.getByRole("heading", { name: "Publish this version" }).waitFor();
  await page.getByRole("button", { name: /^Publish Version/ }).click();
  await settled(page, page.getByText(/is published and in force/).first(), "The version was not published");
  await session.capture(shot(la, "published"));
}

async function headteacherSeesTheQuestionInPlace(la: Authority) {
  const session = await signIn(la, "portal", la.head);
  const { page } = session;
  await page.goto(`/portal/forms/new/${FORM_KEY}`);
  await page.getByRole("heading", { name: FORM_TITLE, level: 1 }).waitFor();
  await page.getByText(NEW_QUESTION).waitFor();
  const questions = await questionsInOrder(page);
  const at = questions.findIndex((text) => text.startsWith(NEW_QUESTION));
  assert.ok(at > 0, `the new question is on the form: ${questions.join(" | ")}`);
  assert.match(questions[at - 1] ?? "", /^Completed by/, "after the form's first question");
  assert.match(questions[at + 1] ?? "", /^Date completed/, "before its second");
  await page.getByText(NEW_QUESTION).scrollIntoViewIfNeeded();
  await session.capture(shot(la, "portal-form"));
}

void describe("the form builder in a browser", { skip, concurrency: false }, () => {
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
    void test(`${la.tenant}: a question added between two with the builder is where schools see it`, async () => {
      await addQuestionWithTheBuilder(la);
      await headteacherSeesTheQuestionInPlace(la);
    });
  }

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 4 * AUTHORITIES.length, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
