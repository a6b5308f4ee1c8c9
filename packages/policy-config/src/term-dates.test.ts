import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import type { AcademicYear, PolicyDocument } from "./schema/policy.ts";
import { buildYearFromTermDates } from "./term-dates-year.ts";
import { readTermDates } from "./term-dates.ts";
import { validatePolicy } from "./validation/index.ts";

const file = readFileSync(new URL("../fixtures/term-dates/term_dates_873_925.csv", import.meta.url), "utf8");
const HEADER = "la_code,la_name,academic_year,period,start_date,end_date,source,notes";

function lastYear(document: PolicyDocument): AcademicYear {
  const year = document.calendar.years.at(-1);
  if (!year) throw new Error("The tenant's calendar has no year.");
  return year;
}

/** The tenant's document with `year` added to its calendar, checked by the validator, calendar problems only. */
function calendarProblems(document: PolicyDocument, year: AcademicYear) {
  const next = { ...document, calendar: { ...document.calendar, years: [...document.calendar.years, year] } };
  return validatePolicy(next).problems.filter((p) => p.pointer.startsWith("/calendar"));
}

describe("readTermDates over the published file", () => {
  it("reads Lincolnshire's six-term rows (925) and leaves the other authority out", () => {
    const dates = readTermDates(file, lincolnshire.authority.laCode);
    expect(dates.problems).toEqual([]);
    expect(dates.years).toEqual(["2025-26", "2026-27", "2027-28"]);
    expect(dates.rows).toHaveLength(18);
    expect(dates.otherAuthorities).toBe(12);
    expect(dates.rows.find((r) => r.academicYear === "2027-28" && r.period === "Term 4")).toMatchObject({
      row: 17,
      start: "2028-02-21",
      end: "2028-03-31",
    });
  });

  it("reads Cambridgeshire's rows (873), its school-level rows included with their names", () => {
    const dates = readTermDates(file, cambridgeshire.authority.laCode);
    expect(dates.problems).toEqual([]);
    expect(dates.years).toEqual(["2023-24", "2024-25", "2026-27"]);
    expect(dates.rows.filter((r) => r.academicYear === "2026-27").map((r) => r.period)).toEqual([
      "Autumn 1",
      "Half term",
      "Autumn 2",
      "Christmas holiday",
      "Spring 1",
      "Half term",
    ]);
    expect(dates.rows.find((r) => r.academicYear === "2023-24")?.laName).toContain("Linton Village College");
  });

  it("finds nothing for an authority the file does not cover", () => {
    const dates = readTermDates(file, "999");
    expect(dates).toMatchObject({ rows: [], problems: [], years: [], otherAuthorities: 30 });
  });
});

describe("readTermDates over malformed input", () => {
  it("reports each bad row with its number and reason, and keeps the good ones", () => {
    const text = [
      HEADER,
      "925,Lincolnshire,2027-28,Term 1,2027-09-06,2027-10-22,,",
      "925,Lincolnshire,2027-28,Term 2,2027-11-31,2027-12-17,,",
      "925,Lincolnshire,2027-29,Term 3,2028-01-05,2028-02-11,,",
      "925,Lincolnshire,2027-28,Term 4,2028-03-31,2028-02-21,,",
      "925,Lincolnshire,2027-28,,2028-04-19,2028-05-26,,",
      "925,Lincolnshire,2027-28,Term 6,2028-06-05,2028-09-21,,",
      "925,Lincolnshire,2027-28,Term 7",
    ].join("\r\n");
    const dates = readTermDates(text, "925");
    expect(dates.rows.map((r) => r.period)).toEqual(["Term 1"]);
    expect(dates.problems).toEqual([
      { row: 3, message: 'Row 3: the start date "2027-11-31" is not a real date written YYYY-MM-DD.' },
      { row: 4, message: 'Row 4: the school year "2027-29" is not written like 2027-28.' },
      { row: 5, message: "Row 5: Term 4 ends (2028-02-21) before it starts (2028-03-31)." },
      { row: 6, message: "Row 6: the period (the term or holiday's name) is empty." },
      { row: 7, message: "Row 7: Term 6 (2028-06-05 to 2028-09-21) is not within the school year 2027-28." },
      { row: 8, message: 'Row 8: the start date "" is not a real date written YYYY-MM-DD.' },
    ]);
  });

  it("names the columns a file without the right header lacks", () => {
    const dates = readTermDates("code,year,term,from,to\n925,2027-28,Term 1,2027-09-06,2027-10-22\n", "925");
    expect(dates.rows).toEqual([]);
    expect(dates.problems).toEqual([
      {
        row: 1,
        message:
          "The first row must name the columns la_code, academic_year, period, start_date, end_date; it has no la_code, academic_year, period, start_date, end_date.",
      },
    ]);
  });

  it("reports a file that is not CSV (an unclosed quote) and an empty file", () => {
    const broken = readTermDates(`${HEADER}\n925,"Lincolnshire,2027-28,Term 1,2027-09-06,2027-10-22,,\n`, "925");
    expect(broken.rows).toEqual([]);
    expect(broken.problems[0]?.message).toMatch(/^The file could not be read as CSV: .*quote/i);
    expect(readTermDates("", "925").problems).toEqual([{ row: 1, message: "The file is empty." }]);
  });
});

describe("buildYearFromTermDates", () => {
  it("builds Lincolnshire's 2027-28 in its six-term shape, holidays the days between terms", () => {
    const template = lastYear(lincolnshire as PolicyDocument);
    const { year, parts } = buildYearFromTermDates(readTermDates(file, "925").rows, "2027-28", template);
    expect(year.key).toBe("2027-28");
    expect(year.label).toBe("2027 to 2028");
    expect(year.terms.map((t) => [t.key, t.start, t.end])).toEqual([
      ["autumn", "2027-09-06", "2027-12-17"],
      ["spring", "2028-01-05", "2028-03-31"],
      ["summer", "2028-04-19", "2028-07-21"],
    ]);
    expect(year.terms[1]?.halfTerms.map((h) => [h.key, h.label, h.start, h.end])).toEqual([
      ["spring-1", "Term 3", "2028-01-05", "2028-02-11"],
      ["spring-2", "Term 4", "2028-02-21", "2028-03-31"],
    ]);
    expect(year.holidays[0]).toEqual({ label: "October half term", start: "2027-10-23", end: "2027-10-31" });
    expect(year.holidays.at(-1)).toEqual({ label: "Summer holiday", start: "2028-07-22", end: "2028-08-31" });
    expect(year.assumed).toBeUndefined();
    expect(parts.every((p) => !p.assumed)).toBe(true);
    expect(calendarProblems(lincolnshire as PolicyDocument, year)).toEqual([]);
  });

  it("builds Cambridgeshire's 2026-27 from its partial rows, the rest moved on and marked assumed", () => {
    const template = lastYear(cambridgeshire as PolicyDocument);
    const { year, parts } = buildYearFromTermDates(readTermDates(file, "873").rows, "2026-27", template);
    expect(year.terms[0]?.halfTerms.map((h) => [h.label, h.start, h.end])).toEqual([
      ["Autumn 1", "2026-09-01", "2026-10-23"],
      ["Autumn 2", "2026-11-02", "2026-12-18"],
    ]);
    expect(year.holidays.slice(0, 3).map((h) => h.label)).toEqual(["Half term", "Christmas holiday", "Half term"]);
    expect(year.holidays.slice(3).map((h) => h.label)).toEqual(["Easter holiday", "May half term", "Summer holiday"]);
    expect(year.assumed).toBe(true);
    expect(parts.find((p) => p.label === "Spring 1")).toMatchObject({ source: "row 24 of the file", assumed: false });
    expect(parts.find((p) => p.label === "Summer 1")).toMatchObject({
      assumed: true,
      source: "2022-23's dates, moved to 2026-27 (to be confirmed)",
    });
    expect(calendarProblems(cambridgeshire as PolicyDocument, year)).toEqual([]);
  });
});
