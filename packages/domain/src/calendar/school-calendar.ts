import Holidays from "date-holidays";

import type { AcademicYear, Period, PolicyDocument } from "@steward/policy-config";

import { addDays, addMonths, getWeekStart, isWeekend, type IsoDate } from "./dates.ts";

type Term = AcademicYear["terms"][number];
type HalfTerm = Term["halfTerms"][number];

/** Where a date falls in the policy calendar. */
export interface CalendarPlace {
  year: AcademicYear;
  term: Term;
  halfTerm: HalfTerm | undefined;
}

/** A stretch of the calendar a visit cadence counts in: a half term, a term, a year, a month or a run of weeks. */
export interface CalendarPeriod {
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalendarError";
  }
}

// England's bank holidays, computed from the statutory rules for any year.
const bankHolidays = new Holidays("GB", "ENG");
const bankHolidayCache = new Map<number, Set<IsoDate>>();

export function getBankHolidays(year: number): Set<IsoDate> {
  let days = bankHolidayCache.get(year);
  if (!days) {
    days = new Set(
      bankHolidays
        .getHolidays(year)
        .filter((h) => h.type === "public")
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidayCache.set(year, days);
  }
  return days;
}

export function isBankHoliday(date: IsoDate): boolean {
  return getBankHolidays(Number(date.slice(0, 4))).has(date);
}

/**
 * The policy's school calendar, answering the questions cadences and deadlines
 * ask: is this a school day, which term is this, when is N school days on.
 * School days are weekdays inside a term (and a half term, where terms have
 * them), outside the calendar's holidays and England's bank holidays.
 */
export class SchoolCalendar {
  readonly years: readonly AcademicYear[];
  /** Whether each date asked about is a school day: a visit plan asks about every day of the year, for every case. */
  readonly #schoolDays = new Map<IsoDate, boolean>();
  /** The weeks and months with school days, worked out once (every visit plan by week or month asks). */
  #weeks: CalendarPeriod[] | undefined;
  #months: CalendarPeriod[] | undefined;

  static readonly #built = new WeakMap<PolicyDocument["calendar"], SchoolCalendar>();

  /** The calendar of a policy version, built once per version (a published document never changes). */
  static of(calendar: PolicyDocument["calendar"]): SchoolCalendar {
    let built = SchoolCalendar.#built.get(calendar);
    if (!built) SchoolCalendar.#built.set(calendar, (built = new SchoolCalendar(calendar)));
    return built;
  }

  constructor(calendar: PolicyDocument["calendar"]) {
    this.years = [...calendar.years].sort((a, b) => (a.terms[0]?.start ?? "").localeCompare(b.terms[0]?.start ?? ""));
  }

  /** The first and last day the calendar covers. */
  get span(): { start: IsoDate; end: IsoDate } {
    const first = this.years[0]?.terms[0];
    const last = this.years.at(-1)?.terms.at(-1);
    if (!first || !last) throw new CalendarError("The calendar has no terms.");
    return { start: first.start, end: last.end };
  }

  /** The year, term and half term a date falls in, or undefined outside every term. */
  locate(date: IsoDate): CalendarPlace | undefined {
    for (const year of this.years) {
      for (const term of year.terms) {
        if (date >= term.start && date <= term.end) {
          return { year, term, halfTerm: term.halfTerms.find((h) => date >= h.start && date <= h.end) };
        }
      }
    }
    return undefined;
  }

  isHoliday(date: IsoDate): boolean {
    return this.years.some((y) => y.holidays.some((h) => date >= h.start && date <= h.end));
  }

  isSchoolDay(date: IsoDate): boolean {
    let known = this.#schoolDays.get(date);
    if (known === undefined) this.#schoolDays.set(date, (known = this.#isSchoolDay(date)));
    return known;
  }

  #isSchoolDay(date: IsoDate): boolean {
    if (isWeekend(date) || isBankHoliday(date) || this.isHoliday(date)) return false;
    const place = this.locate(date);
    if (!place) return false;
    // Where a term is split into half terms, the half-term break is not a school day.
    return place.term.halfTerms.length === 0 || place.halfTerm !== undefined;
  }

  /** Every school day from `from` to `to`, inclusive. */
  getSchoolDays(from: IsoDate, to: IsoDate): IsoDate[] {
    const days: IsoDate[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isSchoolDay(day)) days.push(day);
    return days;
  }

  /** The first school day on or after `date`, within the calendar. */
  getNextSchoolDay(date: IsoDate): IsoDate | undefined {
    const { end } = this.span;
    for (let day = date; day <= end; day = addDays(day, 1)) if (this.isSchoolDay(day)) return day;
    return undefined;
  }

  /** The last school day on or before `date`. */
  getPreviousSchoolDay(date: IsoDate): IsoDate | undefined {
    const { start } = this.span;
    for (let day = date; day >= start; day = addDays(day, -1)) if (this.isSchoolDay(day)) return day;
    return undefined;
  }

  /**
   * The date a period after `date` ends: a letter's deadline or review date.
   * Working days skip weekends and bank holidays; school days also skip the
   * calendar's holidays and the time outside its terms.
   */
  addPeriod(date: IsoDate, period: Period): IsoDate {
    switch (period.unit) {
      case "calendar-days":
        return addDays(date, period.amount);
      case "weeks":
        return addDays(date, period.amount * 7);
      case "months":
        return addMonths(date, period.amount);
      case "working-days":
        return this.#countForward(date, period.amount, (d) => !isWeekend(d) && !isBankHoliday(d));
      case "school-days": {
        const { end } = this.span;
        return this.#countForward(date, period.amount, (d) => {
          if (d > end)
            throw new CalendarError(
              `${period.amount} school days after ${date} run past the end of the policy calendar (${end}).`,
            );
          return this.isSchoolDay(d);
        });
      }
    }
  }

  #countForward(date: IsoDate, count: number, counts: (day: IsoDate) => boolean): IsoDate {
    let day = date;
    for (let left = count; left > 0;) {
      day = addDays(day, 1);
      if (counts(day)) left -= 1;
    }
    return day;
  }

  /** The half terms (or, with none, the terms) in calendar order. */
  getHalfTerms(): CalendarPeriod[] {
    return this.years.flatMap((year) =>
      year.terms.flatMap((term) =>
        term.halfTerms.length > 0
          ? term.halfTerms.map((h) => ({ label: `${h.label} ${year.key}`, start: h.start, end: h.end }))
          : [{ label: `${term.label} ${year.key}`, start: term.start, end: term.end }],
      ),
    );
  }

  getTerms(): CalendarPeriod[] {
    return this.years.flatMap((year) =>
      year.terms.map((t) => ({ label: `${t.label} ${year.key}`, start: t.start, end: t.end })),
    );
  }

  getYears(): CalendarPeriod[] {
    return this.years.map((y) => {
      const [first] = y.terms;
      const last = y.terms.at(-1);
      if (!first || !last) throw new Error(`The calendar's year ${y.label} has no terms.`);
      return { label: y.label, start: first.start, end: last.end };
    });
  }

  /** Calendar months that hold at least one school day. */
  getMonths(): CalendarPeriod[] {
    this.#months ??= this.#findMonths();
    return [...this.#months];
  }

  #findMonths(): CalendarPeriod[] {
    const { start, end } = this.span;
    const months: CalendarPeriod[] = [];
    for (let first = `${start.slice(0, 7)}-01`; first <= end; first = addMonths(first, 1)) {
      const last = addDays(addMonths(first, 1), -1);
      if (this.getSchoolDays(first, last).length > 0) {
        months.push({
          label: new Date(`${first}T00:00:00Z`).toLocaleDateString("en-GB", {
            month: "long",
            year: "numeric",
            timeZone: "UTC",
          }),
          start: first,
          end: last,
        });
      }
    }
    return months;
  }

  /** Monday-to-Sunday weeks that hold at least one school day. */
  getSchoolWeeks(): CalendarPeriod[] {
    this.#weeks ??= this.#findWeeks();
    return [...this.#weeks];
  }

  #findWeeks(): CalendarPeriod[] {
    const { start, end } = this.span;
    const weeks: CalendarPeriod[] = [];
    for (let monday = getWeekStart(start); monday <= end; monday = addDays(monday, 7)) {
      const sunday = addDays(monday, 6);
      if (this.getSchoolDays(monday, sunday).length > 0)
        weeks.push({ label: `week of ${monday}`, start: monday, end: sunday });
    }
    return weeks;
  }
}
