import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  AXE_TAGS,
  ensureStorybookBuilt,
  getPolicyFormIds,
  getStoryIds,
  hasChromium,
  launchChromium,
  openStory,
  showStory,
  skipReason,
  startStaticServer,
  staticDir,
} from "./harness.ts";

if (!hasChromium) console.warn(`Skipping browser tests. ${skipReason}`);

/** Two pages share the work: the machine has two cores. */
const PAGES = 2;

/**
 * axe's WCAG A and AA rules over the story. Legacy mode runs `axe.run` in the page itself: the default mode opens a
 * blank page per check to merge the results of every frame, which made each check about three times slower, and a
 * story in iframe.html has no frames to merge.
 */
async function findViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .include("#storybook-root")
    .options({ resultTypes: ["violations"] })
    .setLegacyMode(true)
    .analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

/** Runs `task` over `items` on a few pages at once, each page taking the next item when it is free. */
async function runOnPages<T>(
  browser: Browser,
  items: T[],
  task: (page: Page, item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: PAGES }, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(page, item);
      await context.close();
    }),
  );
}

describe.skipIf(!hasChromium)(
  hasChromium ? "accessibility in Chromium (axe: WCAG 2.2 AA)" : `accessibility in Chromium (skipped: ${skipReason})`,
  () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof startStaticServer>>;

    beforeAll(async () => {
      ensureStorybookBuilt();
      server = await startStaticServer();
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it("sees a violation when a story has one (an image without a text alternative)", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await openStory(page, server.url, "widgets-text-input--default");
      await page.evaluate(() =>
        document.querySelector("#storybook-root")?.insertAdjacentHTML("beforeend", '<img src="data:,">'),
      );
      const violations = await findViolations(page);
      await context.close();
      expect(violations).toEqual([expect.stringMatching(/^image-alt \(critical\)/)]);
    });

    it("finds no violation in any story", async () => {
      const storyIds = getStoryIds(readFileSync(join(staticDir, "index.json"), "utf8"));
      expect(storyIds.length).toBeGreaterThan(100);
      const problems: string[] = [];
      await runOnPages(browser, storyIds, async (page, storyId) => {
        // A fresh page loads its first story; after that, switching stories in place is fast. Should Storybook
        // miss a switch, the story is loaded afresh.
        if (page.url() === "about:blank") await openStory(page, server.url, storyId);
        else await showStory(page, storyId).catch(() => openStory(page, server.url, storyId));
        for (const violation of await findViolations(page)) problems.push(`${storyId}: ${violation}`);
      });
      expect(problems).toEqual([]);
    });

    it("renders every form of every policy on disk: empty submit focuses the error summary, sample answers submit, no violations", async () => {
      const formIds = getPolicyFormIds();
      expect(formIds.length).toBeGreaterThan(0);
      const problems: string[] = [];
      await runOnPages(browser, formIds, async (page, formId) => {
        await openStory(page, server.url, "policy-forms--form", { form: formId, data: "empty" });
        if ((await page.locator(`[data-policy-form="${formId}"]`).count()) !== 1) {
          problems.push(`${formId}: not in the built Storybook`);
          return;
        }
        for (const violation of await findViolations(page)) problems.push(`${formId} (empty): ${violation}`);
        await page.locator("button[type=submit]").last().click();
        if ((await page.locator(".govuk-error-summary").count()) > 0) {
          await expect
            .poll(() => page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary")))
            .toBe(true);
          for (const violation of await findViolations(page)) problems.push(`${formId} (errors): ${violation}`);
        }
        // Valid answers: the form submits (the summary of answers has its own stories above).
        await openStory(page, server.url, "policy-forms--form", { form: formId, data: "sample" });
        await page.locator("button[type=submit]").last().click();
        await page.getByText("Form submitted").waitFor({ timeout: 5000 });
      });
      expect(problems).toEqual([]);
    });
  },
);
