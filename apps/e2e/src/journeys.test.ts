/**
 * The journeys people take, end to end in a real browser against the real server: the school's
 * adviser records a best-fit assessment through the criteria grid (from the case's own policy,
 * without "read Policy"), an LA officer decides the category and issues a letter, and finds it in
 * the dashboard's letters views; the adviser schedules, records and publishes a visit; the
 * headteacher reads the report with its questions and acknowledges the letter in the portal; a policy administrator makes an invalid
 * edit, sees it at its place, fixes it, sees the diff and publishes; and one authority's users
 * cannot reach another's pages or data. Every page visited is checked with axe.
 *
 * The demo data names are fixtures here (the apps' code never names an authority).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { describeFindings, launchBrowser, Session, type A11yFinding } from "./browser.ts";
import { existingServer, findChromium } from "./env.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const PASSWORD = "steward-demo-2026";
const LA = { tenant: "Cambridgeshire County Council", officer: "la-senior-officer@cambridgeshire.example", adviser: "school-improvement-adviser@cambridgeshire.example", policyAdmin: "policy-administrator@cambridgeshire.example", head: "headteacher@cambridgeshire.example", school: "Bassingbourn Primary School" };
const OTHER = { tenant: "Lincolnshire County Council", officer: "head-of-school-standards@lincolnshire.example" };

const chromiumPath = findChromium();
const skip = chromiumPath ? false : "Chromium is not installed: apt-get install -y chromium (or set CHROMIUM_PATH) to run the browser tests.";
if (skip) console.log(`# SKIP browser tests: ${skip}`);

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
const findings: A11yFinding[] = [];
const shared: { caseUrl?: string; letterSubject?: string } = {};

async function signIn(session: Session, app: "admin" | "portal", tenant: string, email: string) {
  const { page } = session;
  await page.goto(`/${app}/sign-in`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await session.capture(`${app}-sign-in`);
  await page.getByLabel(tenant).check();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("authority-name").filter({ hasText: tenant }).waitFor();
}

/** Fills a GOV.UK date input (day, month, year) found by its legend. */
async function fillDate(page: Page, legend: string | RegExp, iso: string) {
  const group = page.getByRole("group", { name: legend });
  const [year, month, day] = iso.split("-");
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year!);
}

/** A school day a few weeks ahead (a Wednesday, inside term in the demo calendar). */
function schoolDayAhead(): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 21);
  while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The school's adviser, in a session of their own, ticks descriptors in the criteria grid with
 * evidence and records the assessment; the engine suggests a category. Returns the adviser's name.
 */
async function recordBestFit(officer: Session): Promise<string> {
  const session = await Session.open(browser, baseUrl);
  const { page } = session;
  try {
    await signIn(session, "admin", LA.tenant, LA.adviser);
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    assert.equal(await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).count(), 0, "the adviser's roles do not read the policy");
    const name = (await page.locator("main .govuk-caption-l").first().innerText()).trim();
    await page.goto(`${shared.caseUrl}/assessment`);
    await page.getByRole("heading", { name: "Record an assessment" }).waitFor();
    const grid = page.locator(".steward-best-fit");
    const firstArea = grid.locator("section").first();
    await firstArea.getByRole("checkbox").nth(0).check();
    await firstArea.getByRole("checkbox").nth(1).check();
    await firstArea.getByRole("textbox").first().fill("Seen at the visit: leaders have a clear plan and safeguarding is strong.");
    await session.capture("admin-case-assessment-adviser");
    await page.getByRole("button", { name: "Record the assessment" }).click();
    await page.getByText("Assessment recorded").first().waitFor();
    const latest = page.getByTestId("latest-assessment");
    await latest.getByText("Suggested category").waitFor();
    // The adviser may decide the category of a school they are assigned: the choice starts from the new suggestion.
    const suggested = (await latest.locator(".govuk-tag").first().innerText()).trim();
    assert.ok(await page.getByRole("group", { name: "Category", exact: true }).getByRole("radio", { name: suggested, exact: true }).isChecked(), `the suggested category (${suggested}) is chosen`);
    await session.capture("admin-case-assessment-recorded");
    // The case's meeting types are offered to the adviser too.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Meetings" }).click();
    await page.getByRole("heading", { name: "Record a meeting" }).waitFor();
    assert.ok((await page.getByLabel("Type of meeting").locator("option").count()) > 1, "the policy's meeting types are offered");
    await session.capture("admin-case-meetings-adviser");
    return name;
  } finally {
    officer.findings.push(...session.findings);
    await session.close();
  }
}

describe("Steward in a browser", { skip, concurrency: false }, () => {
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
    await browser?.close();
    await server?.stop();
    const report = describeFindings(findings);
    console.log(`# axe checked ${findings.length} pages; ${findings.filter((f) => f.violations.length > 0).length} with violations`);
    if (report) console.log(report);
  });

  test("the school's adviser records the best fit; an LA officer decides the category and issues a letter", async () => {
    const session = await Session.open(browser, baseUrl);
    const { page } = session;
    try {
      await signIn(session, "admin", LA.tenant, LA.officer);
      // Navigation by role: a senior officer has casework, schools and users, not the audit log's policy studio editing.
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dashboard" }).waitFor();
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      await page.getByRole("table", { name: /Schools by category/ }).waitFor();
      await session.capture("admin-dashboard");

      // Search by name, then open the case.
      await page.getByLabel("School name or URN").fill(LA.school);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByRole("link", { name: LA.school }).click();
      await page.getByRole("heading", { name: LA.school, level: 1 }).waitFor();
      shared.caseUrl = new URL(page.url()).pathname;
      await session.capture("admin-case-overview");

      // The school's adviser (whose roles do not read the policy) records the best fit through the
      // criteria grid, which comes from the case's own policy version.
      const adviserName = await recordBestFit(session);

      // The officer opens the case again: the adviser's assessment and its suggested category, then the decision.
      await page.goto(`${shared.caseUrl}/assessment`);
      await page.getByRole("heading", { name: "Decide the category" }).waitFor();
      const latest = page.getByTestId("latest-assessment");
      await latest.getByText("Suggested category").waitFor();
      const recordedBy = await latest.getByRole("heading").innerText();
      assert.ok(recordedBy.endsWith(`by ${adviserName}`), `recorded by the adviser (${adviserName}): ${recordedBy}`);
      await session.capture("admin-case-assessment");
      // Decide: the suggested category is chosen; a rationale explains it.
      await page.getByLabel("Rationale").fill("The assessment and the visits agree.");
      await page.getByRole("button", { name: "Decide the category" }).click();
      await page.getByText("Category decided").first().waitFor();

      // Letters: choose an eligible type, tick indicators with evidence, preview, issue, download the PDF.
      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Letters" }).click();
      await page.getByRole("button", { name: "Draft a letter or notice" }).click();
      await page.getByRole("heading", { name: "Draft a letter or notice" }).waitFor();
      await page.getByLabel("Congratulations letter").check();
      await page.locator("#indicators").check();
      await page.getByLabel("Evidence").fill("The school's reading results rose sharply this year.");
      await session.capture("admin-draft-letter");
      await page.getByRole("button", { name: "Create the draft and preview it" }).click();
      await page.getByRole("heading", { name: "Preview" }).waitFor();
      shared.letterSubject = (await page.locator("h2.govuk-heading-l").innerText()).split("\n").at(-1);
      await session.capture("admin-letter-preview");
      await page.getByRole("button", { name: "Issue the letter" }).click();
      await page.getByText("Letter issued to the school").first().waitFor();
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download the PDF" }).click();
      const pdf = await download;
      assert.match(pdf.suggestedFilename(), /\.pdf$/);
      const bytes = readFileSync((await pdf.path())!);
      assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
      await session.capture("admin-letter-issued");

      // The dashboard's letters views are filtered by the API: the school's issued letter is open.
      await page.goto(`/admin/?letters=1&search=${encodeURIComponent(LA.school)}`);
      await page.getByRole("heading", { name: "Letters awaiting acknowledgement", level: 2 }).waitFor();
      await page.getByRole("table", { name: /Letters awaiting acknowledgement/ }).getByRole("link", { name: LA.school }).waitFor();
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dashboard" }).click();
      const pastDeadline = page.getByRole("list", { name: "At a glance" }).getByRole("link", { name: /Letters past their deadline/ });
      const pastDeadlineCount = Number(await pastDeadline.locator(".steward-card__count").innerText());
      await pastDeadline.click();
      await page.getByRole("heading", { name: "Letters past their deadline", level: 2 }).waitFor();
      await page.getByRole("status").filter({ hasText: new RegExp(`^${pastDeadlineCount} cases?$`) }).waitFor();
      const shown = await page.getByRole("table", { name: /Letters past their deadline/ }).locator("tbody tr").count();
      assert.equal(shown, Math.min(pastDeadlineCount, 25) || 1, "one page of the cases past their deadline (or the empty row)");
      await session.capture("admin-dashboard-letters-past-deadline");
      await page.goto(shared.caseUrl!);
      await page.getByRole("heading", { name: LA.school, level: 1 }).waitFor();

      // The rest of the admin app, for the record and for axe.
      for (const [name, link] of [["admin-case-meetings", "Meetings"], ["admin-case-actions", "Action plan"], ["admin-case-as-at", "As it was on a date"]] as const) {
        await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: link }).click();
        await page.getByRole("heading", { level: 2, name: link === "As it was on a date" ? "As it was on a date" : link }).waitFor();
        await session.capture(name);
      }
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Schools" }).click();
      await page.getByRole("heading", { name: "Schools", level: 1 }).waitFor();
      await page.getByRole("table").waitFor();
      await session.capture("admin-schools");
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Users" }).click();
      await page.getByRole("heading", { name: "Users and roles" }).waitFor();
      await page.getByRole("table").waitFor();
      await session.capture("admin-users");
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Audit log" }).click();
      await page.getByRole("heading", { name: "Audit log" }).waitFor();
      await page.getByRole("table").waitFor();
      await session.capture("admin-audit");
    } finally {
      findings.push(...session.findings);
      await session.close();
    }
  });

  test("the school's adviser schedules a visit, records it against the agenda and the report form, and publishes it", async () => {
    assert.ok(shared.caseUrl, "the officer found the case");
    const session = await Session.open(browser, baseUrl);
    const { page } = session;
    try {
      await signIn(session, "admin", LA.tenant, LA.adviser);
      // An adviser's menu: casework and schools only.
      assert.equal(await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).count(), 0);
      await page.getByRole("checkbox", { name: "Only my caseload" }).check();
      await page.getByRole("button", { name: "Apply filters" }).click();
      await page.getByRole("link", { name: LA.school }).click();
      await page.getByRole("heading", { name: LA.school, level: 1 }).waitFor();
      // Visits: schedule one, then record it against the agenda and the report form, and publish it.
      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Visits" }).click();
      await page.getByRole("heading", { name: "Schedule a visit" }).waitFor();
      const visitDate = schoolDayAhead();
      await fillDate(page, "Date of the visit", visitDate);
      await page.getByRole("button", { name: "Schedule the visit" }).click();
      await page.getByText("Visit scheduled").first().waitFor();
      await session.capture("admin-case-visits");
      // Record the visit just scheduled (each link names its visit's date for screen readers).
      const visitDay = new Date(`${visitDate}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
      await page.getByRole("link", { name: `Record the visit on ${visitDay}` }).click();
      await page.getByRole("heading", { name: /Record the/ }).waitFor();
      const notes = page.locator(".steward-agenda-notes textarea");
      await notes.first().fill("Actions from the last visit are complete.");
      await page.getByRole("group", { name: "Date of visit" }).getByLabel("Day").fill(String(Number(visitDate.slice(8))));
      await page.getByRole("group", { name: "Date of visit" }).getByLabel("Month").fill(String(Number(visitDate.slice(5, 7))));
      await page.getByRole("group", { name: "Date of visit" }).getByLabel("Year").fill(visitDate.slice(0, 4));
      await page.getByLabel("Who the adviser met").fill("The headteacher and the chair of governors.");
      await page.getByLabel("Discussion with the headteacher and senior leaders").check();
      await page.getByLabel("Summary of findings").fill("Reading is improving across key stage 1.");
      await page.getByRole("group", { name: "Are there concerns about the school's progress?" }).getByLabel("No").check();
      await page.getByLabel("Action", { exact: true }).fill("Share the phonics plan with governors.");
      await page.getByRole("group", { name: "Record concerns about progress on the case?" }).getByLabel("No").check();
      await session.capture("admin-record-visit");
      await page.getByRole("button", { name: "Record the visit" }).click();
      // Either back on the visits page, or a problem (the form's own checks, or the API's) in the error summary.
      const visitsHeading = page.getByRole("heading", { name: "Visits", level: 2 });
      const problem = page.locator(".govuk-error-summary");
      await Promise.race([visitsHeading.waitFor(), problem.waitFor()]);
      if (await problem.isVisible()) assert.fail(`The visit was not recorded:\n${await problem.innerText()}`);
      await page.getByRole("button", { name: /Publish the report to the school/ }).first().click();
      await page.getByText("Report published to the school").first().waitFor();

    } finally {
      findings.push(...session.findings);
      await session.close();
    }
  });

  test("the headteacher reads the visit report and acknowledges the letter in the portal", async () => {
    const session = await Session.open(browser, baseUrl);
    const { page } = session;
    try {
      await signIn(session, "portal", LA.tenant, LA.head);
      await page.getByRole("heading", { name: LA.school, level: 1 }).waitFor();
      // Nothing of the LA's own menu is offered to school staff.
      assert.equal(await page.getByRole("link", { name: "Policy" }).count(), 0);
      // The case's stage shows because this policy shows its stages to schools (the API leaves it out otherwise).
      await page.locator("dt", { hasText: /^Stage$/ }).waitFor();
      await session.capture("portal-overview");

      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Visits" }).click();
      await page.getByRole("heading", { name: "Visit reports" }).waitFor();
      await session.capture("portal-visits");
      await page.locator("main ul.govuk-list a").first().click();
      await page.getByRole("heading", { name: /report$/, level: 1 }).waitFor();
      // The answers under the report form's own questions (from the case's policy), not field names.
      const answer = (question: string) => page.locator(".govuk-summary-list__row").filter({ has: page.locator("dt", { hasText: new RegExp(`^${question}$`) }) }).locator("dd").first();
      await answer("Summary of findings").getByText("Reading is improving across key stage 1.").waitFor();
      await answer("Who the adviser met").getByText("The headteacher and the chair of governors.").waitFor();
      await answer("What the adviser did").getByText("Discussion with the headteacher and senior leaders").waitFor();
      for (const fieldName of ["Summary", "People met", "Activities"]) assert.equal(await page.locator("dt", { hasText: new RegExp(`^${fieldName}$`) }).count(), 0, `no answer under the field name "${fieldName}"`);
      await session.capture("portal-visit-report");

      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Letters" }).click();
      await page.getByRole("heading", { name: "Letters and notices", level: 1 }).waitFor();
      await session.capture("portal-letters");
      await page.getByRole("link", { name: "Congratulations letter" }).first().click();
      await page.getByRole("button", { name: "Acknowledge receipt" }).click();
      await page.getByText("you have acknowledged this letter").waitFor();
      await session.capture("portal-letter-acknowledged");

      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Forms" }).click();
      await page.getByRole("heading", { name: "Forms", level: 1 }).waitFor();
      await session.capture("portal-forms");
      await page.getByRole("button", { name: /^Start/ }).first().click();
      await page.locator("main h1").waitFor();
      await session.capture("portal-form");
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "History" }).click();
      await page.getByRole("heading", { name: "History" }).waitFor();
      await page.getByText(/acknowledged/).first().waitFor();
      await session.capture("portal-history");
    } finally {
      findings.push(...session.findings);
      await session.close();
    }
    // The officer sees the acknowledgement.
    const officer = await Session.open(browser, baseUrl);
    try {
      await signIn(officer, "admin", LA.tenant, LA.officer);
      await officer.page.goto(`${shared.caseUrl}/letters`);
      await officer.page.getByRole("table", { name: /Letters and notices on this case/ }).getByText("Acknowledged").first().waitFor();
    } finally {
      await officer.close();
    }
  });

  test("a policy administrator fixes an invalid edit, reviews the diff and publishes", async () => {
    const session = await Session.open(browser, baseUrl);
    const { page } = session;
    try {
      await signIn(session, "admin", LA.tenant, LA.policyAdmin);
      // A policy administrator's menu has the policy studio, not casework.
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Policy" }).click();
      assert.equal(await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Dashboard" }).count(), 0);
      await page.getByRole("heading", { name: "Policy versions" }).waitFor();
      await session.capture("admin-policy-versions");
      await page.getByRole("button", { name: /New draft from this version/ }).first().click();
      await page.getByRole("heading", { name: /Authority/, level: 2 }).waitFor();

      // Categories: an invalid key shows at its field, and in the section's list of problems.
      await page.getByRole("navigation", { name: "Policy sections" }).getByRole("link", { name: /^Categories/ }).click();
      await page.getByRole("heading", { name: "Categories", level: 2 }).waitFor();
      const label = page.locator("#categories_0_label");
      const original = await label.inputValue();
      await label.fill("");
      const problems = page.getByTestId("section-problems");
      await problems.waitFor();
      assert.match(await problems.innerText(), /problem/);
      // The message is at the field itself.
      await page.locator("#categories_0_label").locator("xpath=ancestor::div[contains(@class,'govuk-form-group')][1]").locator(".govuk-error-message").waitFor();
      await session.capture("admin-policy-editor-error");

      // Fixed, the problem goes; a real change is made and saved.
      await label.fill(`${original} (revised)`);
      await problems.waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Save the draft" }).click();
      await page.getByText(/Draft saved/).waitFor();
      await session.capture("admin-policy-editor");

      await page.getByRole("button", { name: "See the changes" }).click();
      await page.getByRole("heading", { name: /Changes from/ }).waitFor();
      await page.getByText(`(revised)`).first().waitFor();
      await session.capture("admin-policy-diff");

      await page.getByRole("link", { name: /Back to Version/ }).click();
      await page.getByRole("button", { name: /Preview forms and letters/ }).click();
      await page.getByRole("heading", { name: "Forms and letters" }).waitFor();
      await page.locator("details summary").first().click();
      await session.capture("admin-policy-preview");
      // A letter rendered by the API with example merge fields, as the engine renders a real one.
      const letter = page.locator("details").filter({ has: page.locator("summary", { hasText: /^Congratulations letter/ }) });
      await letter.locator("summary").click();
      await letter.getByText("Subject:").waitFor();
      await letter.getByText("Example Primary School").first().waitFor();
      await session.capture("admin-policy-letter-preview");

      await page.getByRole("link", { name: /Back to Version/ }).click();
      await page.getByRole("button", { name: /^Publish$/ }).click();
      await page.getByRole("heading", { name: "Publish this version" }).waitFor();
      await page.getByTestId("impact-summary").waitFor();
      await page.getByRole("table", { name: /Visit workload/ }).waitFor();
      await session.capture("admin-policy-publish");
      await page.getByRole("button", { name: /^Publish Version/ }).click();
      await page.getByText(/is published and in force/).waitFor();
      await page.getByRole("row", { name: /revised|Published/ }).first().waitFor();
      await session.capture("admin-policy-published");
    } finally {
      findings.push(...session.findings);
      await session.close();
    }
  });

  test("a user of one authority cannot reach another's pages or data", async () => {
    assert.ok(shared.caseUrl, "the first journey found a case");
    const session = await Session.open(browser, baseUrl);
    const { page } = session;
    try {
      await signIn(session, "admin", OTHER.tenant, OTHER.officer);
      await page.getByRole("heading", { name: "Dashboard" }).waitFor();
      // The other authority's case page: not found, and nothing of it shown.
      await page.goto(shared.caseUrl!);
      await page.getByRole("heading", { name: "Case not found" }).waitFor();
      assert.equal(await page.getByText(LA.school).count(), 0);
      await session.capture("admin-other-authority-case");
      // Its schools are not in this authority's list, and the API refuses the record.
      await page.goto(`/admin/?search=${encodeURIComponent(LA.school)}`);
      await page.getByText("No cases match these filters.").waitFor();
      const caseId = shared.caseUrl!.split("/").at(-1);
      const response = await page.request.get(`/api/trpc/cases.get?input=${encodeURIComponent(JSON.stringify({ caseId }))}`);
      assert.equal(response.status(), 404);
      const letters = await page.request.get(`/api/trpc/letters.eligible?input=${encodeURIComponent(JSON.stringify({ caseId }))}`);
      assert.equal(letters.status(), 404);
      // School staff of the first authority cannot use the LA app.
      await signIn(session, "portal", LA.tenant, LA.head);
      await page.goto("/admin/");
      await page.getByRole("heading", { name: "This service is not for your account" }).waitFor();
    } finally {
      findings.push(...session.findings);
      await session.close();
    }
  });

  test("axe finds no accessibility violation on any page visited", () => {
    assert.ok(findings.length >= 20, `only ${findings.length} pages were checked`);
    const report = describeFindings(findings);
    assert.equal(report, "", `Accessibility violations:\n${report}`);
  });
});
