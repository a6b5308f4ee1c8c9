/**
 * The policy studio's rule builder in a browser, for each authority: the policy administrator opens a new draft's
 * Triggers, finds the trigger on Ofsted's "requires improvement" grade, changes the grade with the builder (no
 * JSON), reads the rule's English change with it, tests the rule against the demo school (holds or not, with the
 * school's value), saves, and finds the change kept. Every page photographed is checked with axe.
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

/** Each authority's trigger on Ofsted's "requires improvement" grade (a one-condition rule), by its key. */
const TRIGGER: Record<string, string> = {
  "Cambridgeshire County Council": "ofsted-requires-improvement",
  "Lincolnshire County Council": "requires-improvement-ofsted-inspection",
};

const photo = (name: string) => ({ path: new URL(`../screenshots/${name}.png`, import.meta.url).pathname });

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

/** The place of the trigger with `key` in the Triggers section, read from its key field. */
async function triggerIndex(page: Page, key: string): Promise<number> {
  await page.locator("#triggers_0_key").waitFor();
  const keys = await page
    .locator("input[id^='triggers_'][id$='_key']")
    .evaluateAll((inputs) => inputs.map((input) => (input instanceof HTMLInputElement ? input.value : "")));
  const index = keys.indexOf(key);
  assert.ok(index >= 0, `no trigger ${key} among ${keys.join(", ")}`);
  return index;
}

async function openTriggers(session: Session) {
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
    .getByRole("link", { name: /^Triggers/ })
    .click();
  await page.getByRole("heading", { name: "Triggers", level: 2 }).waitFor();
}

async function journey(la: Authority) {
  const session = await signInAs(browser, baseUrl, "admin", la.tenant, la.policyAdmin, PASSWORD);
  sessions.push(session);
  const { page } = session;
  const shot = (name: string) => `${la.prefix}admin-studio-rule-${name}`;
  await openTriggers(session);
  const index = await triggerIndex(page, TRIGGER[la.tenant] ?? "");
  const id = `triggers_${index}_when`;
  const rule = page.locator(`[id="${id}"]`);
  const words = page.locator(`[id="${id}-words"]`);
  await rule.scrollIntoViewIfNeeded();
  assert.equal(await words.innerText(), "In words: Ofsted overall effectiveness is Requires improvement");
  await rule.screenshot(photo(shot("before")));
  await session.checkA11y(shot("before"));

  // The grade is a choice of Ofsted's grades; choosing another changes the English with it.
  await page.locator(`[id="${id}-0-value"]`).selectOption({ label: "Inadequate" });
  await settled(page, words.getByText("Ofsted overall effectiveness is Inadequate"), "The English did not follow");

  // Tested against the demo school: holds or not, the school's own grade beside the condition.
  await rule.getByText("Test this rule against a school").click();
  await rule.getByLabel("School name or URN").fill(la.school);
  await rule.getByRole("button", { name: "Find schools" }).click();
  const school = page.locator(`[id="${id}-school"]`);
  await school.waitFor();
  const option = await school
    .locator("option", { hasText: `${la.school} (URN` })
    .first()
    .getAttribute("value");
  await school.selectOption(option ?? "");
  await rule.getByRole("button", { name: "Test this rule", exact: true }).click();
  const verdict = rule.locator(".govuk-tag").filter({ hasText: /^(Holds|Does not hold)$/ });
  await verdict.waitFor();
  const row = rule.getByRole("row", { name: /Ofsted overall effectiveness is Inadequate/ });
  const [, value = "", holds = ""] = await row.locator("td").allInnerTexts();
  assert.ok(value.length > 0, "the school's grade is shown");
  assert.equal(await verdict.innerText(), holds === "Yes" ? "Holds" : "Does not hold");
  await rule.screenshot(photo(shot("tested")));
  await session.checkA11y(shot("tested"));

  // Saved, the change is kept.
  await page.getByRole("button", { name: "Save the draft" }).click();
  await page.getByText(/Draft saved/).waitFor();
  await page.reload();
  await page.locator(`[id="${id}-words"]`).getByText("Ofsted overall effectiveness is Inadequate").waitFor();
  await session.checkA11y(shot("saved"));
}

void describe("the policy studio's rule builder in a browser", { skip, concurrency: false }, () => {
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
    void test(`${la.tenant}: a trigger's rule is changed with the builder, read in English, tested and saved`, () =>
      journey(la));
  }

  void test("axe finds no accessibility violation on any page checked", () => {
    const findings = sessions.flatMap((s) => s.findings);
    // Three checks per journey run: the rule before, tested, and after saving.
    assert.ok(
      sessions.length > 0 && findings.length >= 3 * sessions.length,
      `only ${findings.length} pages were checked`,
    );
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
