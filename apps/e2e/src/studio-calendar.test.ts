/**
 * The calendar in the policy studio, end to end in a browser, for both demo authorities: the policy administrator
 * starts a new strategy year, imports the authority's term dates from the published CSV file (its rows found by the
 * LA code in the policy), sees them previewed and then in the year's strip, and creates the draft; then, in the
 * draft's calendar editor, moves one half term's last day (the validator's problem showing at the field while it
 * is wrong), saves, and finds the new date after a reload. Every page photographed is checked with axe.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";

import { describeFindings, launchBrowser, settled, signInAs, type Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD } from "./fixtures/authorities.ts";
import { ensureBuilt, repoRoot, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

const SHOTS = path.join(repoRoot, "apps/e2e/screenshots");
const TERM_DATES = path.join(repoRoot, "packages/policy-config/fixtures/term-dates/term_dates_873_925.csv");

/** What each authority's rows of the file give: the year imported and one half term of it, as the strip says it. */
const IMPORTED: Record<string, { year: string; half: string; dates: string }> = {
  "Lincolnshire County Council": { year: "2027-28", half: "Term 4", dates: "21 February 2028 to 31 March 2028" },
  "Cambridgeshire County Council": { year: "2026-27", half: "Spring 1", dates: "4 January 2027 to 12 February 2027" },
};

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const sessions: Session[] = [];

/** Types a date into the GOV.UK date input whose day box has `id`. */
async function typeDate(page: Page, id: string, iso: string) {
  const [year = "", month = "", day = ""] = iso.split("-");
  await page.locator(`#${id}`).fill(String(Number(day)));
  await page.locator(`#${id}-month`).fill(String(Number(month)));
  await page.locator(`#${id}-year`).fill(year);
}

void describe("the policy studio's calendar in a browser", { skip, concurrency: false }, () => {
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
    const imported = IMPORTED[la.tenant];
    const domain = la.officer.split("@")[1];
    void test(`${la.tenant}: a new strategy year from the term-dates file, then a half term moved in the draft`, async () => {
      assert.ok(imported && domain, `the test knows no term dates for ${la.tenant}`);
      const session = await signInAs(browser, baseUrl, "admin", la.tenant, `policy-administrator@${domain}`, PASSWORD);
      sessions.push(session);
      const { page } = session;

      // Start a new strategy year and import the file: only this authority's rows are read.
      await page.goto("/admin/policy/new-year");
      await page.getByRole("heading", { name: "Start a new strategy year", level: 1 }).waitFor();
      await page.getByLabel("CSV file of term dates").setInputFiles(TERM_DATES);
      const preview = page.getByTestId("term-dates-preview");
      await preview
        .getByRole("heading", { name: `These terms and holidays will be added for ${imported.year}` })
        .waitFor();
      assert.match(await preview.innerText(), new RegExp(`${imported.half}\\s+\\d`));
      await session.capture(`${la.prefix}studio-calendar-import-preview`);
      await preview.screenshot({ path: path.join(SHOTS, `${la.prefix}studio-calendar-preview-part.png`) });
      await preview.getByRole("button", { name: "Add them to the calendar" }).click();

      // The year is in the calendar, and its strip shows the half term from the file.
      await page
        .getByRole("status")
        .filter({ hasText: `${imported.year}'s dates were put in the calendar` })
        .waitFor();
      const strip = page.getByTestId(`year-strip-${imported.year}`).first();
      assert.match(
        (await strip.textContent()) ?? "",
        new RegExp(`${imported.half} \\(half term\\): ${imported.dates}`),
      );
      await strip.screenshot({ path: path.join(SHOTS, `${la.prefix}studio-calendar-strip-part.png`) });
      await session.capture(`${la.prefix}studio-calendar-new-year`);
      await page.getByRole("button", { name: "Create the draft" }).click();
      await settled(
        page,
        page.getByRole("button", { name: "Save the draft" }),
        "The new strategy year was not created",
      );

      // The draft's calendar editor: the last year's first half term ends earlier than it starts, then is put right.
      await page.goto(`${page.url().split("?")[0]}?section=calendar`);
      await page.getByRole("heading", { name: "School years", level: 3 }).waitFor();
      // One first half term's start per school year: the last of them is the new year's.
      const last = (await page.locator('[id^="calendar_years_"][id$="_terms_0_halfTerms_0_start-year"]').count()) - 1;
      const end = `calendar_years_${last}_terms_0_halfTerms_0_end`;
      const start = page.locator(`#calendar_years_${last}_terms_0_halfTerms_0_start-year`);
      const startYear = await start.inputValue();
      await typeDate(page, end, `${startYear}-08-02`);
      const error = page.locator(`#${end}-error`);
      await error.filter({ hasText: "ends before it starts" }).waitFor();
      await page
        .locator(`#calendar_years_${last}_terms_0_halfTerms_0`)
        .screenshot({ path: path.join(SHOTS, `${la.prefix}studio-calendar-field-part.png`) });
      await session.capture(`${la.prefix}studio-calendar-problem-at-field`);
      await typeDate(page, end, `${startYear}-10-16`);
      await error.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Save the draft" }).click();
      await page.getByText(/^Draft saved at/).waitFor();
      await page.reload();
      await page.locator(`#${end}`).waitFor();
      assert.equal(await page.locator(`#${end}`).inputValue(), "16");
      assert.equal(await page.locator(`#${end}-month`).inputValue(), "10");
      await session.capture(`${la.prefix}studio-calendar-saved`);
    });
  }

  void test("axe finds no accessibility violation on any page photographed", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 8, `only ${findings.length} pages were checked`);
    assert.equal(describeFindings(findings), "", "Accessibility violations");
  });
});
