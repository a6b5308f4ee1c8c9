/**
 * Calendar dates as `YYYY-MM-DD` strings, with arithmetic on whole days in UTC
 * so that no time zone or clock change can shift a date.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  return Math.round(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS,
  );
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 1 (Monday) to 7 (Sunday). */
export function getIsoWeekday(date: IsoDate): number {
  return ((toDayNumber(date) + 3) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return getIsoWeekday(date) >= 6;
}

/** The Monday of the date's week. */
export function getWeekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - getIsoWeekday(date));
}

export function addMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const target = new Date(Date.UTC(year, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The date part of an instant, in UTC. */
export function toIsoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** A length of time as a policy writes it (`{ count: 12, unit: "months" }`). */
export interface DurationLike {
  count: number;
  unit: "days" | "weeks" | "months" | "years";
}

/** The date a length of time after (or, with `sign` -1, before) a date: a month on from 31 January is 28 or 29 February. */
export function addDuration(date: IsoDate, duration: DurationLike, sign: 1 | -1 = 1): IsoDate {
  const n = duration.count * sign;
  switch (duration.unit) {
    case "days":
      return addDays(date, n);
    case "weeks":
      return addDays(date, n * 7);
    case "months":
      return addMonths(date, n);
    case "years":
      return addMonths(date, n * 12);
  }
}
