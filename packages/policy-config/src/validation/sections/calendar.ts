/**
 * The strategy's dates and the calendar: years named as school years, terms and
 * half terms in order and inside each other, holidays that end after they start.
 */
import type { AcademicYear, PolicyDocument } from "../../schema/policy.ts";
import type { Path, Report, SemanticsContext } from "./context.ts";

export function checkStrategy(policy: PolicyDocument, { report }: SemanticsContext): void {
  const { effectiveFrom, effectiveTo } = policy.strategy;
  if (effectiveTo && effectiveTo < effectiveFrom) {
    report(
      ["strategy", "effectiveTo"],
      `The strategy ends (${effectiveTo}) before it starts (${effectiveFrom}).`,
      "date.order",
    );
  }
}

export function checkCalendar(policy: PolicyDocument, { report }: SemanticsContext): void {
  const yearKeys = new Set<string>();
  policy.calendar.years.forEach((year, y) => {
    if (yearKeys.has(year.key))
      report(["calendar", "years", y, "key"], `The year ${year.key} appears twice.`, "key.duplicate");
    yearKeys.add(year.key);
    const firstYear = Number(year.key.slice(0, 4));
    if (Number(year.key.slice(5)) !== (firstYear + 1) % 100) {
      report(
        ["calendar", "years", y, "key"],
        `"${year.key}" is not a school year: write it as ${firstYear}-${String((firstYear + 1) % 100).padStart(2, "0")}.`,
        "calendar.year",
      );
    }
    checkTerms(year, ["calendar", "years", y], report);
    year.holidays.forEach((holiday, h) => {
      if (holiday.end < holiday.start)
        report(["calendar", "years", y, "holidays", h, "end"], `${holiday.label} ends before it starts.`, "date.order");
    });
  });
}

function checkTerms(year: AcademicYear, yearPath: Path, report: Report): void {
  const seenTerms = new Set<string>();
  let previousEnd = "";
  year.terms.forEach((term, t) => {
    const path: Path = [...yearPath, "terms", t];
    if (seenTerms.has(term.key))
      report([...path, "key"], `The term "${term.key}" appears twice in ${year.key}.`, "key.duplicate");
    seenTerms.add(term.key);
    if (term.end < term.start)
      report([...path, "end"], `${term.label} ends (${term.end}) before it starts (${term.start}).`, "date.order");
    if (previousEnd && term.start <= previousEnd) {
      report(
        [...path, "start"],
        `${term.label} starts (${term.start}) before the previous term ends (${previousEnd}).`,
        "date.order",
      );
    }
    previousEnd = term.end;
    checkHalfTerms(term, path, report);
  });
}

function checkHalfTerms(term: AcademicYear["terms"][number], termPath: Path, report: Report): void {
  let previousHalfEnd = "";
  term.halfTerms.forEach((half, h) => {
    const hp: Path = [...termPath, "halfTerms", h];
    if (half.end < half.start) report([...hp, "end"], `${half.label} ends before it starts.`, "date.order");
    if (half.start < term.start || half.end > term.end) {
      report(
        hp,
        `${half.label} (${half.start} to ${half.end}) lies outside ${term.label} (${term.start} to ${term.end}).`,
        "date.range",
      );
    }
    if (previousHalfEnd && half.start <= previousHalfEnd)
      report([...hp, "start"], `${half.label} overlaps the half term before it.`, "date.order");
    previousHalfEnd = half.end;
  });
}
