/**
 * The journeys people take, end to end in a real browser against the real server, for each demo
 * authority under its own policy and roles (the fixtures in authorities.ts): the category is decided
 * (from the best fit the school's adviser records through the criteria grid of the case's own
 * policy, without "read Policy", or by a senior officer where the policy has no criteria), and only
 * the school's own adviser among their colleagues may decide it; an LA officer drafts a letter,
 * which is approved by a second officer where its type needs it, issued and found in the
 * dashboard's letters views; the adviser schedules, records and publishes a visit; the headteacher
 * reads the report with its questions and acknowledges the letter in the portal; a policy
 * administrator makes an invalid edit, sees it at its place, fixes it, sees the diff and publishes;
 * and neither authority's users can reach the other's pages or data. Every page visited is checked
 * with axe.
 *
 * People keep their browser (and their sign-in) from one journey to the next within an authority.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
// node:test's describe and test return promises that settle when the suite or test is done; the runner
// awaits them itself, so they are marked void here (node:test's documented use).
import { after, before, describe, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";

import { describeFindings, fillDate, launchBrowser, Session } from "./browser.ts";
import { browserSkipReason, existingServer, findChromium } from "./env.ts";
import { AUTHORITIES, PASSWORD, WESTMARCH, type Authority } from "./fixtures/authorities.ts";
import { ensureBuilt, startServer, type RunningServer } from "./server.ts";

const chromiumPath = findChromium();
const skip = browserSkipReason(chromiumPath);
if (skip) console.log(`# SKIP browser tests: ${skip}`);

let server: RunningServer | undefined;
let browser: Browser;
let baseUrl = "";
/** Every session opened: their axe findings, and those still open are closed at the end. */
const sessions: Session[] = [];
/** People's signed-in browsers (admin app), by email, kept for their next journey within their authority. */
const people = new Map<string, { la: Authority; session: Session }>();
/** Pages photographed (and checked) once only: the sign-in page of each authority and app. */
const photographed = new Set<string>();
/** What one authority's journeys found, for its later ones. */
const found = new Map<Authority, { caseUrl?: string; visit?: { label: string; day: string } }>(
  AUTHORITIES.map((la) => [la, {}]),
);

const shot = (la: Pick<Authority, "prefix">, name: string) => `${la.prefix}${name}`;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function openSession(): Promise<Session> {
  const session = await Session.open(browser, baseUrl);
  sessions.push(session);
  return session;
}

async function signIn(
  session: Session,
  app: "admin" | "portal",
  la: Pick<Authority, "tenant" | "prefix">,
  email: string,
) {
  const { page } = session;
  await page.goto(`/${app}/sign-in`);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  const name = shot(la, `${app}-sign-in`);
  if (!photographed.has(name)) {
    photographed.add(name);
    await session.capture(name);
  }
  await page.getByLabel(la.tenant).check();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("authority-name").filter({ hasText: la.tenant }).waitFor();
}

/** A person's browser, signed in to the admin app (the first time), on whatever page they left it. */
async function person(la: Authority, email: string): Promise<Session> {
  const known = people.get(email);
  if (known) return known.session;
  const session = await openSession();
  await signIn(session, "admin", la, email);
  people.set(email, { la, session });
  return session;
}

/** Closes the browsers of an authority's people (or everyone's). */
async function closePeople(la?: Authority) {
  for (const [email, known] of people) {
    if (la && known.la !== la) continue;
    people.delete(email);
    await known.session.close();
  }
}

/** A Wednesday a few weeks ahead (the visits journey moves it on a week while it is in the holidays). */
function schoolDayAhead(): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + 21);
  while (date.getUTCDay() !== 3) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const daysAhead = (days: number) => addDays(new Date().toISOString().slice(0, 10), days);

/** Waits for what a step leads to, or fails with the problem the page shows instead (the form's own checks, or the API's) in its error summary. */
async function settled(page: Page, outcome: Locator, failure: string) {
  const problem = page.locator(".govuk-error-summary");
  await Promise.race([outcome.waitFor(), problem.waitFor()]);
  if (await problem.isVisible()) assert.fail(`${failure}:\n${await problem.innerText()}`);
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

/**
 * The school's adviser on the case's assessment page: they may decide its category (it is assigned
 * to them); where the policy has criteria they tick descriptors in the grid with evidence and record
 * the assessment, and the engine suggests a category. Returns the adviser's name and the suggestion.
 */
async function adviserAssesses(la: Authority, caseUrl: string): Promise<{ name: string; suggested?: string }> {
  const session = await person(la, la.adviser);
  const { page } = session;
  const menu = page.getByRole("navigation", { name: "Menu" });
  await menu.getByRole("link", { name: "Dashboard" }).click();
  await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  assert.equal(
    await menu.getByRole("link", { name: "Policy" }).count(),
    0,
    "the adviser's roles do not read the policy",
  );
  const name = (await page.locator("main .govuk-caption-l").first().innerText()).trim();
  await page.goto(`${caseUrl}/assessment`);
  // The adviser may decide the category of a school they are assigned.
  await page.getByRole("heading", { name: "Decide the category" }).waitFor();
  let suggested: string | undefined;
  if (la.assessment.kind === "best-fit") {
    await page.getByRole("heading", { name: "Record an assessment" }).waitFor();
    const grid = page.locator(".steward-best-fit");
    const firstArea = grid.locator("section").first();
    await firstArea.getByRole("checkbox").nth(0).check();
    await firstArea.getByRole("checkbox").nth(1).check();
    await firstArea
      .getByRole("textbox")
      .first()
      .fill("Seen at the visit: leaders have a clear plan and safeguarding is strong.");
    await session.capture(shot(la, "admin-case-assessment-adviser"));
    await page.getByRole("button", { name: "Record the assessment" }).click();
    await settled(page, page.getByText("Assessment recorded").first(), "The assessment was not recorded");
    const latest = page.getByTestId("latest-assessment");
    await latest.getByText("Suggested category").waitFor();
    // The choice starts from the new suggestion.
    suggested = (await latest.locator(".govuk-tag").first().innerText()).trim();
    assert.ok(
      await page
        .getByRole("group", { name: "Category", exact: true })
        .getByRole("radio", { name: suggested, exact: true })
        .isChecked(),
      `the suggested category (${suggested}) is chosen`,
    );
    await session.capture(shot(la, "admin-case-assessment-recorded"));
  } else {
    // A policy without criteria has no grid to tick (its officer's rating is a choice of level instead).
    await page.getByText("No assessment has been recorded on this case.").waitFor();
    assert.equal(await page.locator(".steward-best-fit").count(), 0, "no criteria grid without criteria");
    await session.capture(shot(la, "admin-case-assessment-adviser"));
  }
  // The case's meeting types are offered to the adviser too.
  await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Meetings" }).click();
  await page.getByRole("heading", { name: "Record a meeting" }).waitFor();
  assert.ok(
    (await page.getByLabel("Type of meeting").locator("option").count()) > 1,
    "the policy's meeting types are offered",
  );
  await session.capture(shot(la, "admin-case-meetings-adviser"));
  return { name, ...(suggested ? { suggested } : {}) };
}

/** A colleague of the adviser's, in the same role but not assigned to the school, may read its case but not decide its category. */
async function unassignedAdviserMayNotDecide(la: Authority, caseUrl: string) {
  const session = await openSession();
  const { page } = session;
  try {
    await signIn(session, "admin", la, la.unassignedAdviser);
    await page.goto(`${caseUrl}/assessment`);
    await page.getByRole("heading", { name: "Assessment", level: 2 }).waitFor();
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
    assert.equal(
      await page.getByRole("heading", { name: "Decide the category" }).count(),
      0,
      `${la.unassignedAdviser} is not assigned ${la.school}: no decision offered`,
    );
    await session.capture(shot(la, "admin-case-assessment-unassigned-adviser"));
  } finally {
    await session.close();
  }
}

function journeys(la: Authority) {
  const state = found.get(la)!;

  after(() => closePeople(la));

  void test("the school's adviser assesses; an LA officer decides the category and issues a letter", async () => {
    const officer = await person(la, la.officer);
    const { page } = officer;
    const menu = page.getByRole("navigation", { name: "Menu" });
    // Navigation by role: a senior officer has casework, schools and users, not the audit log's policy studio editing.
    await menu.getByRole("link", { name: "Dashboard" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    await page.getByRole("table", { name: /Schools by category/ }).waitFor();
    await officer.capture(shot(la, "admin-dashboard"));

    // Search by name, then open the case.
    await page.getByLabel("School name or URN").fill(la.school);
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: la.school, exact: true }).click();
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
    const caseUrl = new URL(page.url()).pathname;
    state.caseUrl = caseUrl;
    await officer.capture(shot(la, "admin-case-overview"));

    // The school's adviser (whose roles do not read the policy) assesses, from the case's own policy version;
    // a colleague in the same role, not assigned the school, may not decide its category.
    const adviser = await adviserAssesses(la, caseUrl);
    await unassignedAdviserMayNotDecide(la, caseUrl);

    // The officer opens the case again and decides: the adviser's suggestion, or the policy's risk rating with a rationale.
    await page.goto(`${caseUrl}/assessment`);
    await page.getByRole("heading", { name: "Decide the category" }).waitFor();
    const categories = page.getByRole("group", { name: "Category", exact: true });
    let decided: string;
    if (la.assessment.kind === "best-fit") {
      const latest = page.getByTestId("latest-assessment");
      await latest.getByText("Suggested category").waitFor();
      const recordedBy = await latest.getByRole("heading").innerText();
      assert.ok(recordedBy.endsWith(`by ${adviser.name}`), `recorded by the adviser (${adviser.name}): ${recordedBy}`);
      decided = adviser.suggested!;
      assert.ok(
        await categories.getByRole("radio", { name: decided, exact: true }).isChecked(),
        `the suggested category (${decided}) is chosen`,
      );
      await officer.capture(shot(la, "admin-case-assessment"));
      await page.getByLabel("Rationale").fill("The assessment and the visits agree.");
    } else {
      decided = la.assessment.category;
      await categories.getByRole("radio", { name: decided, exact: true }).check();
      await page.getByLabel("Rationale").fill(la.assessment.rationale);
      await officer.capture(shot(la, "admin-case-assessment"));
    }
    await page.getByRole("button", { name: "Decide the category" }).click();
    await settled(page, page.getByText("Category decided").first(), "The category was not decided");
    await page.getByRole("list", { name: "Key facts" }).getByText(decided, { exact: true }).waitFor();

    // Letters: choose an eligible type, tick an indicator with evidence, preview.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Letters" }).click();
    await page.getByRole("button", { name: "Draft a letter or notice" }).click();
    await page.getByRole("heading", { name: "Draft a letter or notice" }).waitFor();
    await page
      .getByRole("group", { name: "Type of letter or notice" })
      .getByRole("radio", { name: new RegExp(`^${literal(la.letter.type)}( \\(notice\\))?$`) })
      .check();
    await page.locator("#indicators").check();
    await page.getByLabel("Evidence").fill(la.letter.evidence);
    if (la.letter.action) {
      await page.getByRole("button", { name: "Add an action" }).click();
      await page.getByLabel("Action 1", { exact: true }).fill(la.letter.action.text);
      await fillDate(page, "Action 1: due by", daysAhead(la.letter.action.dueInDays));
    }
    await officer.capture(shot(la, "admin-draft-letter"));
    await page.getByRole("button", { name: "Create the draft and preview it" }).click();
    await settled(page, page.getByRole("heading", { name: "Preview" }), "The letter was not drafted");
    const letterPath = new URL(page.url()).pathname;
    await officer.capture(shot(la, "admin-letter-preview"));

    // Where the type needs approval, a second officer approves it (whoever drafted it may not).
    if (la.letter.approver) {
      const approver = await person(la, la.letter.approver);
      await approver.page.goto(letterPath);
      await approver.page.getByRole("button", { name: "Approve the letter" }).click();
      await settled(approver.page, approver.page.getByText("Letter approved").first(), "The letter was not approved");
      await approver.capture(shot(la, "admin-letter-approved"));
    }
    // Issued by someone the type allows, then its PDF downloaded.
    const issuer = la.letter.issuer === la.officer ? officer : await person(la, la.letter.issuer);
    if (issuer !== officer || la.letter.approver) await issuer.page.goto(letterPath);
    await issuer.page.getByRole("button", { name: "Issue the letter" }).click();
    await settled(
      issuer.page,
      issuer.page.getByText("Letter issued to the school").first(),
      "The letter was not issued",
    );
    const download = issuer.page.waitForEvent("download");
    await issuer.page.getByRole("button", { name: "Download the PDF" }).click();
    const pdf = await download;
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    const bytes = readFileSync(await pdf.path());
    assert.equal(bytes.subarray(0, 5).toString(), "%PDF-");
    await issuer.capture(shot(la, "admin-letter-issued"));

    // The dashboard's letters views are filtered by the API: the school's issued letter is open.
    await page.goto(`/admin/?letters=1&search=${encodeURIComponent(la.school)}`);
    await page.getByRole("heading", { name: "Letters awaiting acknowledgement", level: 2 }).waitFor();
    await page
      .getByRole("table", { name: /Letters awaiting acknowledgement/ })
      .getByRole("link", { name: la.school, exact: true })
      .waitFor();
    await menu.getByRole("link", { name: "Dashboard" }).click();
    const pastDeadline = page
      .getByRole("list", { name: "At a glance" })
      .getByRole("link", { name: /Letters past their deadline/ });
    const pastDeadlineCount = Number(await pastDeadline.locator(".steward-card__count").innerText());
    await pastDeadline.click();
    await page.getByRole("heading", { name: "Letters past their deadline", level: 2 }).waitFor();
    await page
      .getByRole("status")
      .filter({ hasText: new RegExp(`^${pastDeadlineCount} cases?$`) })
      .waitFor();
    const shown = await page
      .getByRole("table", { name: /Letters past their deadline/ })
      .locator("tbody tr")
      .count();
    assert.equal(
      shown,
      Math.min(pastDeadlineCount, 25) || 1,
      "one page of the cases past their deadline (or the empty row)",
    );
    await officer.capture(shot(la, "admin-dashboard-letters-past-deadline"));
    await page.goto(caseUrl);
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();

    // The rest of the admin app, for the record and for axe.
    for (const [name, link] of [
      ["admin-case-meetings", "Meetings"],
      ["admin-case-actions", "Action plan"],
      ["admin-case-as-at", "As it was on a date"],
    ] as const) {
      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: link }).click();
      await page.getByRole("heading", { level: 2, name: link }).waitFor();
      await officer.capture(shot(la, name));
    }
    await menu.getByRole("link", { name: "Schools" }).click();
    await page.getByRole("heading", { name: "Schools", level: 1 }).waitFor();
    await page.getByRole("table").waitFor();
    await officer.capture(shot(la, "admin-schools"));
    await menu.getByRole("link", { name: "Users" }).click();
    await page.getByRole("heading", { name: "Users and roles" }).waitFor();
    await page.getByRole("table").waitFor();
    await officer.capture(shot(la, "admin-users"));
    await menu.getByRole("link", { name: "Audit log" }).click();
    await page.getByRole("heading", { name: "Audit log" }).waitFor();
    await page.getByRole("table").waitFor();
    await officer.capture(shot(la, "admin-audit"));
  });

  void test("the school's adviser schedules a visit, records it against the agenda and the report form, and publishes it", async () => {
    assert.ok(state.caseUrl, "the officer found the case");
    const session = await person(la, la.adviser);
    const { page } = session;
    const menu = page.getByRole("navigation", { name: "Menu" });
    // Back to the app later (a fresh load: the case has changed since the adviser last saw it).
    await page.goto("/admin/dashboard");
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
    // An adviser's menu: casework and schools only.
    assert.equal(await menu.getByRole("link", { name: "Policy" }).count(), 0);
    // The school is in the adviser's own caseload.
    await page.getByLabel("School name or URN").fill(la.school);
    await page.getByRole("checkbox", { name: "Only my caseload" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByRole("link", { name: la.school, exact: true }).click();
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();

    // Visits: schedule one, then record it against the agenda and the report form, and publish it.
    await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Visits" }).click();
    await page.getByRole("heading", { name: "Schedule a visit" }).waitFor();
    const types = page.getByLabel("Type of visit");
    if (la.visit.type) await types.selectOption({ label: la.visit.type });
    const visitType = (await types.locator("option:checked").innerText()).trim();
    // A Wednesday a few weeks ahead; a week later while that falls in the authority's holidays.
    let visitDate = schoolDayAhead();
    const scheduled = page.getByText("Visit scheduled").first();
    const problem = page.locator(".govuk-error-summary");
    for (let week = 0; ; week++) {
      await fillDate(page, "Date of the visit", visitDate);
      await page.getByRole("button", { name: "Schedule the visit" }).click();
      const holiday = problem.getByText(`${visitDate} is not a school day`);
      await Promise.race([
        scheduled.waitFor(),
        holiday.waitFor(),
        problem.filter({ hasNotText: "is not a school day" }).waitFor(),
      ]);
      if (week >= 10 || !(await holiday.isVisible())) break;
      visitDate = addDays(visitDate, 7);
    }
    await settled(page, scheduled, "The visit was not scheduled");
    await session.capture(shot(la, "admin-case-visits"));
    const visitDay = longDate(visitDate);
    state.visit = { label: visitType, day: visitDay };
    // The visit's term (its agenda is that term's).
    const termRow = page
      .getByRole("region", { name: `${visitType}, ${visitDay}` })
      .locator(".govuk-summary-list__row")
      .filter({ has: page.locator("dt", { hasText: /^Term$/ }) });
    const term = (await termRow.count()) > 0 ? (await termRow.locator("dd").innerText()).trim() : "";
    // Record the visit just scheduled (each link names its visit's date for screen readers).
    await page.getByRole("link", { name: `Record the visit on ${visitDay}` }).click();
    await page.getByRole("heading", { name: /Record the/ }).waitFor();
    await page.locator(".steward-agenda-notes textarea").first().fill("Actions from the last visit are complete.");
    await la.visit.fillReport(page, { date: visitDate, term });
    await page.getByRole("group", { name: "Record concerns about progress on the case?" }).getByLabel("No").check();
    await session.capture(shot(la, "admin-record-visit"));
    await page.getByRole("button", { name: "Record the visit" }).click();
    // Either back on the visits page, or a problem (the form's own checks, or the API's) in the error summary.
    await settled(page, page.getByRole("heading", { name: "Visits", level: 2 }), "The visit was not recorded");
    await page.getByRole("button", { name: `Publish the report to the school (${visitType}, ${visitDay})` }).click();
    await settled(page, page.getByText("Report published to the school").first(), "The report was not published");
  });

  void test("the headteacher reads the visit report and acknowledges the letter in the portal", async () => {
    assert.ok(state.visit, "the adviser recorded a visit");
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(session, "portal", la, la.head);
      await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
      // Nothing of the LA's own menu is offered to school staff.
      assert.equal(await page.getByRole("link", { name: "Policy" }).count(), 0);
      // The case's stage shows because both demo policies show their stages to schools (the API leaves it out otherwise).
      await page.locator("dt", { hasText: /^Stage$/ }).waitFor();
      await session.capture(shot(la, "portal-overview"));

      const menu = page.getByRole("navigation", { name: "Menu" });
      await menu.getByRole("link", { name: "Visits" }).click();
      await page.getByRole("heading", { name: "Visits", level: 1 }).waitFor();
      await session.capture(shot(la, "portal-visits"));
      await page.getByRole("link", { name: `${state.visit.label}, ${state.visit.day}`, exact: true }).click();
      await page.getByRole("heading", { name: `${state.visit.label} report`, level: 1 }).waitFor();
      // The notes against the agenda, and the answers under the report form's own questions (from the case's policy), not field names.
      const answer = (question: string) =>
        page
          .locator(".govuk-summary-list__row")
          .filter({ has: page.locator("dt", { hasText: new RegExp(`^${literal(question)}$`) }) })
          .locator("dd")
          .first();
      await page.locator("dd").getByText("Actions from the last visit are complete.").waitFor();
      for (const { question, answer: text } of la.visit.answers) await answer(question).getByText(text).waitFor();
      for (const fieldName of la.visit.fieldNames)
        assert.equal(
          await page.locator("dt", { hasText: new RegExp(`^${literal(fieldName)}$`) }).count(),
          0,
          `no answer under the field name "${fieldName}"`,
        );
      await session.capture(shot(la, "portal-visit-report"));

      await menu.getByRole("link", { name: "Letters" }).click();
      await page.getByRole("heading", { name: "Letters and notices", level: 1 }).waitFor();
      await session.capture(shot(la, "portal-letters"));
      await page.getByRole("link", { name: la.letter.type, exact: true }).first().click();
      await page.getByRole("button", { name: "Acknowledge receipt" }).click();
      await page.getByText("you have acknowledged this letter").waitFor();
      await session.capture(shot(la, "portal-letter-acknowledged"));

      await menu.getByRole("link", { name: "Forms" }).click();
      await page.getByRole("heading", { name: "Forms", level: 1 }).waitFor();
      await session.capture(shot(la, "portal-forms"));
      await page
        .getByRole("button", { name: /^Start/ })
        .first()
        .click();
      await page.locator("main h1").waitFor();
      await session.capture(shot(la, "portal-form"));
      await menu.getByRole("link", { name: "History" }).click();
      await page.getByRole("heading", { name: "History" }).waitFor();
      await page
        .getByText(/acknowledged/)
        .first()
        .waitFor();
      await session.capture(shot(la, "portal-history"));
    } finally {
      await session.close();
    }
    // The officer sees the acknowledgement against the letter.
    const officer = await person(la, la.officer);
    await officer.page.goto(`${state.caseUrl}/letters`);
    const row = officer.page
      .getByRole("table", { name: /Letters and notices on this case/ })
      .getByRole("row")
      .filter({ has: officer.page.getByRole("link", { name: la.letter.type, exact: true }) });
    await row
      .locator(".govuk-tag", { hasText: /^Acknowledged$/ })
      .first()
      .waitFor();
  });

  void test("an officer imports a term's data with the saved mapping, sees it on the school's page, and undoes it", async () => {
    const session = await person(la, la.officer);
    const { page } = session;
    const { dataImport: data } = la;
    const menu = page.getByRole("navigation", { name: "Menu" });
    await menu.getByRole("link", { name: "Schools" }).click();
    await page.getByRole("heading", { name: "Schools", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Import data" }).click();
    await page.getByRole("heading", { name: "Import data", level: 1 }).waitFor();
    await page
      .getByLabel("CSV or XLSX file")
      .setInputFiles(new URL(`../../../packages/api/demo/files/${data.file}`, import.meta.url).pathname);
    await page.getByRole("radio", { name: `Saved mapping: ${data.mapping}` }).check();
    await session.capture(shot(la, "admin-import-data"));

    // The dry run: values to apply, and each rejected line with its reason; nothing stored yet.
    await page.getByRole("button", { name: "Check the file" }).click();
    await settled(page, page.getByRole("heading", { name: "What the import would do" }), "The file was not checked");
    const rejected = page.getByRole("table", { name: "Rejected" });
    await rejected
      .getByRole("row")
      .filter({ hasText: data.rejected.line })
      .filter({ hasText: data.rejected.reason })
      .waitFor();
    await session.capture(shot(la, "admin-import-dry-run"));
    await page.getByRole("button", { name: `Apply the import of ${data.file}` }).click();
    await settled(page, page.getByText("The import was applied."), "The import was not applied");
    const run = page
      .getByRole("table", { name: /Imports, newest first/ })
      .getByRole("row")
      .filter({ hasText: data.file });
    await run.getByText("Applied", { exact: true }).waitFor();
    await session.capture(shot(la, "admin-import-applied"));

    // The school's page shows the new value as its indicator's latest, with its history.
    const indicatorRow = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: data.indicator, exact: true }) });
    await menu.getByRole("link", { name: "Schools" }).click();
    await page.getByLabel("Name, URN or LAESTAB").fill(la.school);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: la.school, exact: true }).click();
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
    await indicatorRow.first().getByText(data.value).waitFor();
    await session.capture(shot(la, "admin-school-indicators"));

    // Undone as a whole: the run says so, and the school's latest value is last year's again.
    await page.goto("/admin/data/import");
    await run.getByRole("button", { name: `Undo the import of ${data.file}` }).click();
    await run.getByText(/^Undone/).waitFor();
    await session.capture(shot(la, "admin-import-undone"));
    await page.goBack();
    await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
    await indicatorRow.first().waitFor();
    assert.equal(
      await indicatorRow.first().getByText(data.value).count(),
      0,
      "the undone value is no longer the latest",
    );
  });

  if (la.register) {
    const register = la.register;
    void test("an officer logs an entry dated before today on the case; it is in the registers list and its CSV, and the school's staff do not see it", async () => {
      assert.ok(state.caseUrl, "the officer found the case");
      const session = await person(la, la.officer);
      const { page } = session;
      const summary = `Logged by the browser journey: a parent's letter about ${la.school}, received ${daysAhead(-3)}.`;
      await page.goto(state.caseUrl);
      await page.getByRole("navigation", { name: "Case sections" }).getByRole("link", { name: "Registers" }).click();
      await page.getByRole("heading", { name: "Registers", level: 2 }).waitFor();
      await page.getByRole("button", { name: `Log a ${register.entryLabel}` }).click();
      await page.getByLabel(register.field).fill(summary);
      await fillDate(page, register.dateLabel, daysAhead(-3));
      await session.capture(shot(la, "admin-case-register-log"));
      await page.getByRole("button", { name: `Log the ${register.entryLabel}` }).click();
      await settled(page, page.getByText(`logged in ${register.label}`).first(), "The entry was not logged");
      const entries = page.getByRole("table", { name: new RegExp(`^${literal(register.entryLabel)} entries`, "i") });
      const row = entries.getByRole("row").filter({ hasText: summary });
      await row.getByText(longDate(daysAhead(-3))).waitFor();
      await session.capture(shot(la, "admin-case-registers"));

      // Across schools: the registers list, filtered to the school, and its CSV.
      await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Registers" }).click();
      await page.getByRole("heading", { name: "Registers", level: 1 }).waitFor();
      await page.getByLabel("Register", { exact: true }).selectOption({ label: register.label });
      await page.getByLabel("School name or URN").fill(la.school);
      await page.getByRole("button", { name: "Search" }).click();
      await page.getByRole("row").filter({ hasText: summary }).waitFor();
      await session.capture(shot(la, "admin-registers"));
      const download = page.waitForEvent("download");
      await page.getByRole("button", { name: /^Download CSV/ }).click();
      const csv = readFileSync(await (await download).path(), "utf8");
      assert.ok(csv.includes(summary), "the CSV has the entry");

      // The register is not for schools: the headteacher's portal shows nothing of it.
      const head = await openSession();
      try {
        await signIn(head, "portal", la, la.head);
        await head.page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
        await head.page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "History" }).click();
        await head.page.getByRole("heading", { name: "History" }).waitFor();
        assert.equal(await head.page.getByText(summary).count(), 0, "the headteacher does not see the entry");
        assert.equal(await head.page.getByText(register.label).count(), 0, "nor the register");
        await head.capture(shot(la, "portal-history-without-register"));
      } finally {
        await head.close();
      }
    });
  }

  void test("a policy administrator fixes an invalid edit, reviews the diff and publishes", async () => {
    const session = await person(la, la.policyAdmin);
    const { page } = session;
    // A policy administrator's menu has the policy studio, not casework.
    const menu = page.getByRole("navigation", { name: "Menu" });
    await menu.getByRole("link", { name: "Policy" }).click();
    assert.equal(await menu.getByRole("link", { name: "Dashboard" }).count(), 0);
    await page.getByRole("heading", { name: "Policy versions" }).waitFor();
    await session.capture(shot(la, "admin-policy-versions"));
    await page
      .getByRole("button", { name: /New draft from this version/ })
      .first()
      .click();
    await page.getByRole("heading", { name: /Authority/, level: 2 }).waitFor();

    // Categories: an invalid key shows at its field, and in the section's list of problems.
    await page
      .getByRole("navigation", { name: "Policy sections" })
      .getByRole("link", { name: /^Categories/ })
      .click();
    await page.getByRole("heading", { name: "Categories", level: 2 }).waitFor();
    // A list section shows its items by label; "Change" opens one item's form.
    await page
      .getByRole("button", { name: /^Change / })
      .first()
      .click();
    const label = page.locator("#categories_0_label");
    const original = await label.inputValue();
    await label.fill("");
    const problems = page.getByTestId("section-problems");
    await problems.waitFor();
    assert.match(await problems.innerText(), /problem/);
    // The message is at the field itself.
    await page
      .locator("#categories_0_label")
      .locator("xpath=ancestor::div[contains(@class,'govuk-form-group')][1]")
      .locator(".govuk-error-message")
      .waitFor();
    await session.capture(shot(la, "admin-policy-editor-error"));

    // Fixed, the problem goes; a real change is made and saved.
    await label.fill(`${original} (revised)`);
    await problems.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Save the draft" }).click();
    await page.getByText(/Draft saved/).waitFor();
    await session.capture(shot(la, "admin-policy-editor"));

    // The authority's own data is a section of the policy like any other: its indicators are edited here.
    await page
      .getByRole("navigation", { name: "Policy sections" })
      .getByRole("link", { name: /^Indicators/ })
      .click();
    await page.getByRole("heading", { name: "Indicators", level: 2 }).waitFor();
    await page
      .getByRole("button", { name: /^Change / })
      .first()
      .click();
    await page.locator("#indicators_0_label").waitFor();
    await session.capture(shot(la, "admin-policy-editor-indicators"));

    await page.getByRole("button", { name: "See the changes" }).click();
    await page.getByRole("heading", { name: /Changes from/ }).waitFor();
    await page.getByText(`(revised)`).first().waitFor();
    await session.capture(shot(la, "admin-policy-diff"));

    await page.getByRole("link", { name: /Back to Version/ }).click();
    await page.getByRole("button", { name: /Preview forms and letters/ }).click();
    await page.getByRole("heading", { name: "Forms and letters" }).waitFor();
    await page.locator("details summary").first().click();
    await session.capture(shot(la, "admin-policy-preview"));
    // A letter rendered by the API with example merge fields, as the engine renders a real one.
    const letter = page
      .locator("details")
      .filter({ has: page.locator("summary", { hasText: new RegExp(`^${literal(la.previewLetter)}`) }) });
    await letter.locator("summary").click();
    await letter.getByText("Subject:").waitFor();
    await letter.getByText("Example Primary School").first().waitFor();
    await session.capture(shot(la, "admin-policy-letter-preview"));

    await page.getByRole("link", { name: /Back to Version/ }).click();
    await page.getByRole("button", { name: /^Publish$/ }).click();
    await page.getByRole("heading", { name: "Publish this version" }).waitFor();
    await page.getByTestId("impact-summary").waitFor();
    await page.getByRole("table", { name: /Visit workload/ }).waitFor();
    await session.capture(shot(la, "admin-policy-publish"));
    await page.getByRole("button", { name: /^Publish Version/ }).click();
    await page.getByText(/is published and in force/).waitFor();
    await page
      .getByRole("row", { name: /revised|Published/ })
      .first()
      .waitFor();
    await session.capture(shot(la, "admin-policy-published"));
  });
}

/**
 * Westmarch (a made-up authority, packages/policy-config/fixtures/westmarch): its category comes from a
 * decision table over two dimensions, a standards group worked out from the school's data and a capacity
 * to improve the officer judges; its clerk to governors reads the school's letters and nothing else.
 */
function westmarchJourneys() {
  const la = WESTMARCH;

  void test("Westmarch: data and an officer's judgement give the category by the table", async () => {
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(session, "admin", la, la.head);
      // The school's outcomes put it in standards group 3.
      await page.goto(`/admin/schools/${la.urn}`);
      await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
      await page.getByLabel("Indicator", { exact: true }).selectOption({ label: "Outcomes against national" });
      await page.getByLabel("Value (percentage points)").fill("-8");
      await fillDate(page, "As at", daysAhead(-7));
      await page.getByRole("button", { name: "Record the value" }).click();
      await settled(page, page.getByText(/recorded/i).first(), "The value was not recorded");
      await session.capture(shot(la, "admin-school-indicator-recorded"));

      // The case's assessment: the standards group is worked out; the officer judges capacity B and says why.
      await page.goto(`/admin/?search=${encodeURIComponent(la.school)}`);
      await page.getByRole("link", { name: la.school, exact: true }).click();
      await page.getByRole("heading", { name: la.school, level: 1 }).waitFor();
      const caseUrl = new URL(page.url()).pathname;
      await page.goto(`${caseUrl}/assessment`);
      await page.getByRole("heading", { name: "Record an assessment" }).waitFor();
      await page.getByRole("heading", { name: "Worked out by Steward" }).waitFor();
      await page
        .getByRole("radiogroup", { name: /Capacity to improve: the level that fits/ })
        .or(page.getByRole("group", { name: /Capacity to improve: the level that fits/ }))
        .getByRole("radio", { name: "B: good capacity" })
        .check();
      await page.getByLabel("Why you chose this level").fill("A strong new chair and a stable senior team.");
      await session.capture(shot(la, "admin-case-assessment-two-axes"));
      await page.getByRole("button", { name: "Record the assessment" }).click();
      await settled(page, page.getByText("Assessment recorded").first(), "The assessment was not recorded");
      const latest = page.getByTestId("latest-assessment");
      // Group 3 with capacity B is Yellow by the table: the more severe of the two would be Amber.
      await latest.getByText(/give Yellow by the table/).waitFor();
      assert.equal((await latest.locator(".govuk-tag").first().innerText()).trim(), "Yellow");
      await latest.getByText("Group 3").first().waitFor();
      await latest.getByText("B: good capacity").first().waitFor();
      assert.ok(
        await page
          .getByRole("group", { name: "Category", exact: true })
          .getByRole("radio", { name: "Yellow", exact: true })
          .isChecked(),
        "the table's category is chosen",
      );
      // An academy's categories are not offered for this maintained school.
      assert.equal(await page.getByRole("radio", { name: /^Academy/ }).count(), 0);
      await session.capture(shot(la, "admin-case-assessment-table"));
    } finally {
      await session.close();
    }
  });

  void test("Westmarch: the clerk to governors reads the school's notice, and nothing else of its case", async () => {
    const session = await openSession();
    const { page } = session;
    try {
      await signIn(session, "portal", la, la.clerk);
      const menu = page.getByRole("navigation", { name: "Menu" });
      await menu.getByRole("link", { name: "Letters" }).waitFor();
      const items = (await menu.getByRole("link").allInnerTexts()).map((t) => t.trim());
      // Of the school's case, only its letters; beside them, the clerk's own choice of emails.
      assert.deepEqual(items, ["Letters", "Email settings"], `the clerk's menu: ${items.join(", ")}`);
      await page.goto("/portal/letters");
      await page.getByRole("link", { name: la.notice }).first().click();
      await page.getByRole("heading", { name: new RegExp(literal(la.notice)), level: 1 }).waitFor();
      // The notice went to the diocese too: a church school.
      await page
        .getByText(/The diocesan authority/)
        .first()
        .waitFor();
      // The action plan it asks for, with its due date.
      await page
        .getByText(/Action plan (due|received)/)
        .first()
        .waitFor();
      // ...which the clerk is not offered to fill in (their role reads letters only); the subject is plain text.
      assert.equal(await page.getByRole("link", { name: /Fill in the action plan/ }).count(), 0);
      await page.getByRole("heading", { name: `Warning notice: ${la.school}`, level: 1 }).waitFor();
      await session.capture(shot(la, "portal-clerk-letter"));
      // The case itself is not the clerk's to read.
      await page.goto("/portal/");
      assert.equal(await page.getByRole("heading", { name: /category/i }).count(), 0);
      await session.capture(shot(la, "portal-clerk-home"));
    } finally {
      await session.close();
    }
  });
}

void describe("Steward in a browser", { skip, concurrency: false }, () => {
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
    await closePeople();
    await browser?.close();
    await server?.stop();
    const findings = sessions.flatMap((s) => s.findings);
    const report = describeFindings(findings);
    console.log(
      `# axe checked ${findings.length} pages; ${findings.filter((f) => f.violations.length > 0).length} with violations`,
    );
    if (report) console.log(report);
  });

  for (const la of AUTHORITIES) void describe(la.tenant, { concurrency: false }, () => journeys(la));
  void describe(WESTMARCH.tenant, { concurrency: false }, () => westmarchJourneys());

  // Each authority's case, school and staff, tried from the other's.
  for (const [owner, other] of [AUTHORITIES, [...AUTHORITIES].reverse()] as [Authority, Authority][]) {
    void test(`a user of ${other.tenant} cannot reach ${owner.tenant}'s pages or data`, async () => {
      const { caseUrl } = found.get(owner)!;
      assert.ok(caseUrl, `the journeys found ${owner.tenant}'s case`);
      const session = await openSession();
      const { page } = session;
      try {
        await signIn(session, "admin", other, other.officer);
        await page.getByRole("heading", { name: "My work" }).waitFor();
        // The other authority's case page: not found, and nothing of it shown.
        await page.goto(caseUrl);
        await page.getByRole("heading", { name: "Case not found" }).waitFor();
        assert.equal(await page.getByText(owner.school).count(), 0);
        await session.capture(shot(owner, "admin-other-authority-case"));
        // Its schools are not in this authority's list, and the API refuses the record.
        await page.goto(`/admin/?search=${encodeURIComponent(owner.school)}`);
        await page.getByText("No cases match these filters.").waitFor();
        const caseId = caseUrl.split("/").at(-1);
        const response = await page.request.get(
          `/api/trpc/cases.get?input=${encodeURIComponent(JSON.stringify({ caseId }))}`,
        );
        assert.equal(response.status(), 404);
        const letters = await page.request.get(
          `/api/trpc/letters.eligible?input=${encodeURIComponent(JSON.stringify({ caseId }))}`,
        );
        assert.equal(letters.status(), 404);
        // School staff of the first authority cannot use the LA app.
        await signIn(session, "portal", owner, owner.head);
        await page.goto("/admin/");
        await page.getByRole("heading", { name: "This service is not for your account" }).waitFor();
      } finally {
        await session.close();
      }
    });
  }

  void test("axe finds no accessibility violation on any page visited", () => {
    const findings = sessions.flatMap((s) => s.findings);
    assert.ok(findings.length >= 60, `only ${findings.length} pages were checked`);
    const report = describeFindings(findings);
    assert.equal(report, "", `Accessibility violations:\n${report}`);
  });
});
