import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";

import { isHeaded } from "./env.ts";
import { repoRoot } from "./server.ts";

const screenshotDir = path.join(repoRoot, "apps", "e2e", "screenshots");

/** Debian's Chromium, headless, with nothing that reaches out to the internet. */
export async function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: !isHeaded,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ].filter((a) => !isHeaded || a !== "--headless"),
  });
}

export interface A11yFinding {
  page: string;
  url: string;
  violations: { id: string; impact: string | null | undefined; help: string; targets: string[] }[];
}

/** A signed-in person's browser: every page they reach is checked with axe, and photographed when asked. */
export class Session {
  readonly findings: A11yFinding[] = [];
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  static async open(browser: Browser, baseUrl: string): Promise<Session> {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // How long a step may wait for the page. On a busy 2-core CI machine (turbo runs other suites beside this
    // one) a page can honestly take well over 15 s to answer; a hang still fails, after a minute.
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    return new Session(context, page, baseUrl);
  }

  /**
   * Checks the page as it is now with axe (WCAG 2.0, 2.1 and 2.2, A and AA). Legacy mode runs `axe.run` in the page
   * itself (same-origin frames included): the default mode opens a blank page for every check to merge the results
   * of cross-origin frames, which the apps do not have, and made each check about three times slower.
   */
  async checkA11y(name: string) {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .setLegacyMode(true)
      .analyze();
    this.findings.push({
      page: name,
      url: this.page.url(),
      violations: results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
      })),
    });
  }

  /** Photographs the whole page into screenshots/<name>.png, then checks it with axe. */
  async capture(name: string) {
    await this.page.waitForLoadState("networkidle");
    mkdirSync(screenshotDir, { recursive: true });
    await this.page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    await this.checkA11y(name);
  }

  async close() {
    await this.context.close();
  }
}

export function describeFindings(findings: A11yFinding[]): string {
  return findings
    .filter((f) => f.violations.length > 0)
    .map(
      (f) =>
        `${f.page} (${f.url}):\n${f.violations.map((v) => `  - ${v.id} [${v.impact}] ${v.help}: ${v.targets.join(" | ")}`).join("\n")}`,
    )
    .join("\n");
}

/** Fills a GOV.UK date input (day, month, year) found by its legend. */
export async function fillDate(page: Page, legend: string | RegExp, iso: string) {
  const group = page.getByRole("group", { name: legend });
  const [year, month, day] = iso.split("-");
  if (!year || !month || !day) throw new Error(`fillDate needs a date as YYYY-MM-DD, not ${JSON.stringify(iso)}.`);
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year);
}

/** Signs `email` in to one app of the authority named `tenant` (as the sign-in page offers it) in a new browser context. */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  app: "admin" | "portal",
  tenant: string,
  email: string,
  password: string,
): Promise<Session> {
  const session = await Session.open(browser, baseUrl);
  const { page } = session;
  await page.goto(`/${app}/sign-in`);
  await page.getByLabel(tenant).check();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("authority-name").filter({ hasText: tenant }).waitFor();
  return session;
}

/** Waits for what a step leads to, or fails with the problem the page shows in its error summary. */
export async function settled(page: Page, outcome: Locator, failure: string) {
  const problem = page.locator(".govuk-error-summary");
  await Promise.race([outcome.waitFor(), problem.waitFor()]);
  if (await problem.isVisible()) throw new Error(`${failure}:\n${await problem.innerText()}`);
}
