import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  ensureStorybookBuilt,
  hasChromium,
  launchChromium,
  openStory,
  skipReason,
  startStaticServer,
} from "./harness.ts";

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const activeClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");

describe.skipIf(!hasChromium)(
  hasChromium ? "keyboard only, in Chromium" : `keyboard only, in Chromium (skipped: ${skipReason})`,
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

    async function newPage(storyId: string): Promise<Page> {
      const page = await (await browser.newContext()).newPage();
      await openStory(page, server.url, storyId);
      return page;
    }

    it("completes and submits a form with an error on the way, using Tab, typing, Space and Enter", async () => {
      const page = await newPage("patterns--keyboard-journey");
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_schoolName");
      await page.keyboard.type("Hilltop Primary");
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_urgent");
      await page.keyboard.press("Space");
      // "Yes" reveals a follow-up question under it; leave it empty to make an error.
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_reason");
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_preferredDate");
      await page.keyboard.type("5");
      await page.keyboard.press("Tab");
      await page.keyboard.type("9");
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_preferredDate-year");
      await page.keyboard.type("2026");
      await page.keyboard.press("Tab");
      expect(await activeId(page)).toBe("root_confirm");
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)).toBe("submit");
      await page.keyboard.press("Enter");

      await expect.poll(() => activeClass(page)).toContain("govuk-error-summary");
      const summary = page.locator(".govuk-error-summary");
      expect(await summary.locator("a").allTextContents()).toEqual(["Enter an answer for ‘Why is it urgent?’"]);
      expect(await page.locator("#root_reason__error").textContent()).toBe(
        "Error: Enter an answer for ‘Why is it urgent?’",
      );
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        "Enter an answer for ‘Why is it urgent?’",
      );
      await page.keyboard.press("Enter");
      expect(await activeId(page)).toBe("root_reason");
      await page.keyboard.type("A safeguarding concern");
      for (
        let step = 0;
        step < 10 &&
        (await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.type)) !== "submit";
        step++
      ) {
        await page.keyboard.press("Tab");
      }
      await page.keyboard.press("Enter");
      await page.getByText("Form submitted").waitFor({ timeout: 5000 });
      expect(await page.getByText("A safeguarding concern").count()).toBe(1);
      expect(await page.getByText("5 September 2026").count()).toBe(1);
      await page.context().close();
    });

    it("words errors the GOV.UK way", async () => {
      const cases: { story: string; input: (page: Page) => Promise<void>; message: string }[] = [
        { story: "widgets-text-input--default", input: () => Promise.resolve(), message: "Enter full name" },
        {
          story: "widgets-email-address--default",
          input: (page) => page.locator("#root_email").fill("not an email"),
          message: "Enter an email address in the correct format, like name@example.com",
        },
        {
          story: "widgets-textarea-with-character-count--default",
          input: (page) => page.locator("#root_summary").fill("x".repeat(201)),
          message: "Summary of findings must be 200 characters or less",
        },
        {
          story: "widgets-number--default",
          input: (page) => page.locator("#root_pupils").fill("0"),
          message: "Number of pupils must be 1 or more",
        },
        {
          story: "widgets-number--default",
          input: (page) => page.locator("#root_pupils").fill("two hundred"),
          message: "Number of pupils must be a whole number",
        },
        {
          story: "widgets-date-input--default",
          input: async (page) => {
            await page.locator("#root_visitDate").fill("5");
            await page.locator("#root_visitDate-month").fill("9");
          },
          message: "Date of visit must include a year",
        },
        {
          story: "widgets-date-input--default",
          input: async (page) => {
            await page.locator("#root_visitDate").fill("31");
            await page.locator("#root_visitDate-month").fill("2");
            await page.locator("#root_visitDate-year").fill("2021");
          },
          message: "Date of visit must be a real date",
        },
        { story: "widgets-radios--default", input: () => Promise.resolve(), message: "Select outcome" },
        {
          story: "widgets-checkboxes--default",
          input: () => Promise.resolve(),
          message: "Select what the adviser did",
        },
        {
          story: "widgets-yes-or-no--default",
          input: () => Promise.resolve(),
          message: "Select yes if there are concerns about the school's progress",
        },
      ];
      const page = await (await browser.newContext()).newPage();
      for (const { story, input, message } of cases) {
        await openStory(page, server.url, story);
        await input(page);
        await page.locator("button[type=submit]").click();
        await page.locator(".govuk-error-summary").waitFor();
        expect(await page.locator(".govuk-error-summary a").allTextContents(), story).toEqual([message]);
        expect(await page.locator(".govuk-error-message").first().textContent(), story).toBe(`Error: ${message}`);
      }
      await page.context().close();
    });
  },
);
