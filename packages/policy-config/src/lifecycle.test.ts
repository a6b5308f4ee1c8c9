import { describe, expect, it } from "vitest";

import { createMinimalPolicy } from "./fixtures/minimal-policy.ts";
import {
  assertEditable,
  assertRetirable,
  canChangeStatus,
  getNextVersionNumber,
  planPublication,
  reviseDocument,
  startNewStrategyYear,
  type PolicyLifecycleError,
  type VersionSummary,
} from "./lifecycle.ts";
import { validatePolicy } from "./validation/index.ts";

const versions: VersionSummary[] = [
  { id: "v1", version: 1, status: "retired" },
  { id: "v2", version: 2, status: "published" },
  { id: "v3", version: 3, status: "draft" },
];

describe("the version lifecycle", () => {
  it("moves draft to published to retired, and never back", () => {
    expect(canChangeStatus("draft", "published")).toBe(true);
    expect(canChangeStatus("published", "retired")).toBe(true);
    expect(canChangeStatus("published", "draft")).toBe(false);
    expect(canChangeStatus("retired", "published")).toBe(false);
    expect(canChangeStatus("draft", "retired")).toBe(false);
  });

  it("lets only a draft be edited, and says what to do instead", () => {
    expect(() => assertEditable({ version: 3, status: "draft" })).not.toThrow();
    expect(() => assertEditable({ version: 2, status: "published" })).toThrow(
      "Version 2 is published and cannot be changed. Revise it into a new draft instead.",
    );
  });

  it("numbers the next version after the highest", () => {
    expect(getNextVersionNumber(versions)).toBe(4);
    expect(getNextVersionNumber([])).toBe(1);
  });

  it("publishes a valid draft and retires the version in force", () => {
    expect(planPublication(versions, "v3", [])).toEqual({ publish: versions[2], retire: versions[1] });
  });

  it("refuses to publish a draft with errors, returning them", () => {
    const problems = [
      {
        pointer: "/authority/name",
        where: "Authority › Name",
        message: "Missing.",
        severity: "error" as const,
        code: "x",
      },
    ];
    const attempt = () => planPublication(versions, "v3", problems);
    expect(attempt).toThrow("Version 3 has 1 problem to fix before it can be published.");
    try {
      attempt();
    } catch (error) {
      expect((error as PolicyLifecycleError).code).toBe("invalid-policy");
      expect((error as PolicyLifecycleError).problems).toEqual(problems);
    }
  });

  it("publishes a draft with only warnings", () => {
    const warnings = [
      { pointer: "/roles/0", where: "Roles", message: "Worth a look.", severity: "warning" as const, code: "x" },
    ];
    expect(planPublication(versions, "v3", warnings).publish.id).toBe("v3");
  });

  it("refuses to publish what is not a draft, or does not exist", () => {
    expect(() => planPublication(versions, "v2", [])).toThrow(
      "Version 2 is already published: only a draft can be published.",
    );
    expect(() => planPublication(versions, "v9", [])).toThrow("There is no such policy version.");
  });

  it("retires only the published version", () => {
    expect(() => assertRetirable({ version: 2, status: "published" })).not.toThrow();
    expect(() => assertRetirable({ version: 3, status: "draft" })).toThrow("only the published version can be retired");
  });

  it("revises a version into an independent copy", () => {
    const published = createMinimalPolicy();
    const draft = reviseDocument(published);
    draft.categories[0]!.label = "Changed";
    expect(published.categories[0]!.label).toBe("Low support");
  });

  it("starts a new strategy year with the new period and calendar, keeping everything else", () => {
    const last = createMinimalPolicy();
    const year = structuredClone(last.calendar.years[0]!);
    year.key = "2026-27";
    year.label = "2026 to 2027";
    const shift = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;
    for (const term of year.terms) {
      term.start = shift(term.start);
      term.end = shift(term.end);
      for (const half of term.halfTerms) {
        half.start = shift(half.start);
        half.end = shift(half.end);
      }
    }
    year.holidays = year.holidays.map((h) => ({ ...h, start: shift(h.start), end: shift(h.end) }));
    const next = startNewStrategyYear(last, {
      period: "2026-2027",
      effectiveFrom: "2026-09-01",
      effectiveTo: "2027-08-31",
      years: [year],
    });
    expect(next.strategy).toMatchObject({
      period: "2026-2027",
      effectiveFrom: "2026-09-01",
      effectiveTo: "2027-08-31",
      title: last.strategy.title,
    });
    expect(next.calendar.years.map((y) => y.key)).toEqual(["2026-27"]);
    expect(next.categories).toEqual(last.categories);
    expect(last.calendar.years[0]!.key).toBe("2025-26");
    expect(validatePolicy(next).problems).toEqual([]);
  });
});
