/**
 * The policy studio with form controls only (no JSON), for both demo authorities: the policy administrator starts a
 * new draft from the published version, finds the demo school's category in the list by searching, changes its
 * cadence's frequency unit with radios (and, where the policy has criteria, one descriptor's text), saves and
 * publishes; the officer then sees the new visit plan on the school's case and the new descriptor on its assessment
 * page. Every page photographed is checked with axe.
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

const slugOf = (la: Authority) => la.tenant.split(" ")[0]?.toLowerCase() ?? "";

async function signIn(la: Authority, app: "admin" | "portal", email: string): Promise<Session> {
  const session = await signInAs(browser, baseUrl, app, la.tenant, email, PASSWORD);
  sessions.push(session);
  return session;
}

/** The school's case as the officer sees it: its address, its category and its visit plan in words. */
async function readCase(page: Page, la: Authority) {
  await page.goto(`/admin/?search=${encodeURIComponent(la.school)}`);
  await page.getByRole("link", { name: la.school, exact: true }).click();
  const facts = page.getByRole("list", { name: "Key facts" });
  await facts.waitFor();
  const category = (await facts.locator(".govuk-tag").first().innerText()).trim();
  const plan = page.locator("table", { has: page.locator("caption", { hasText: "Visit plan" }) });
  await plan.waitFor();
  return { url: page.url().replace(/\/$/, ""), category, plan: await plan.innerText() };
}

/** Opens a section of the draft and one item of its list, found by searching its label. */
async function openItem(page: Page, section: string, label: string) {
  await page.getByRole("navigation", { name: "Policy sections" }).getByRole("link", { name: section }).click();
  await page.getByRole("heading", { name: section, level: 2 }).waitFor();
  await page.getByLabel(`Search ${section.toLowerCase()}`).fill(label);
  await page.getByRole("button", { name: `Change ${label}`, exact: true }).click();
  const item = page.getByRole("region", { name: label, exact: true });
  await item.waitFor();
  return item;
}

async function changeThePolicy(la: Authority, category: string): Promise<string | undefined> {
  const admin = await signIn(la, "admin", `policy-administrator@${slugOf(la)}.example`);
  const { page } = admin;
  await page.goto("/admin/policy");
  await page
    .getByRole("button", { name: /^New draft from this version/ })
    .first()
    .click();
  await page.getByText("No problems: this draft can be published.").waitFor();

  const item = await openItem(page, "Categories", category);
  const unit = item.getByRole("group", { name: "Unit" }).first();
  const next = (await unit.getByRole("radio", { name: "Term", exact: true }).isChecked()) ? "Half term" : "Term";
  await unit.getByRole("radio", { name: next, exact: true }).check();
  await admin.capture(`${la.prefix}studio-category-cadence`);

  let descriptor: string | undefined;
  if (la.assessment.kind === "best-fit") {
    await page.getByRole("navigation", { name: "Policy sections" }).getByRole("link", { name: "Criteria" }).click();
    await page.getByRole("heading", { name: "Criteria", level: 2 }).waitFor();
    await page
      .getByRole("button", { name: /^Change / })
      .first()
      .click();
    const criteria = page.locator(".steward-open-item");
    descriptor = "Leaders check the improvement plan with governors every half term";
    await criteria.getByLabel("Text", { exact: true }).first().fill(descriptor);
    await admin.capture(`${la.prefix}studio-criteria-descriptor`);
  }

  await page.getByRole("button", { name: "Save the draft" }).click();
  await settled(page, page.getByText(/^Draft saved at/), "The draft was not saved");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const publish = page.getByRole("button", { name: /^Publish / });
  await publish.waitFor();
  await admin.capture(`${la.prefix}studio-publish`);
  await publish.click();
  await settled(page, page.getByText(/published/i).first(), "The draft was not published");
  return descriptor;
}

void describe("the policy studio's forms in a browser", { skip, concurrency: false }, () => {
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
    void test(`${la.tenant}: a new cadence (and descriptor) published from the studio's forms reaches the officer`, async () => {
      const officer = await signIn(la, "admin", la.officer);
      const before = await readCase(officer.page, la);
      const descriptor = await changeThePolicy(la, before.category);

      const afterwards = await readCase(officer.page, la);
      assert.equal(afterwards.category, before.category);
      assert.notEqual(afterwards.plan, before.plan, "the visit plan follows the category's new cadence");
      await officer.capture(`${la.prefix}studio-case-visit-plan`);
      if (descriptor) {
        await officer.page.goto(`${afterwards.url}/assessment`);
        await officer.page.getByText(descriptor).first().waitFor();
        await officer.capture(`${la.prefix}studio-case-assessment-descriptor`);
      }
    });
  }

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 6, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
