import type { Cadence } from "@steward/policy-config";

import { maxDate, minDate, type IsoDate } from "./dates.ts";
import type { CalendarPeriod, SchoolCalendar } from "./school-calendar.ts";

/** One visit a cadence asks for: due within a window of school days. */
export interface VisitSlot {
  visitType: string;
  /** The first school day the visit may take place. */
  opens: IsoDate;
  /**
   * The first school day of its stretch of the calendar: a visit from then on meets it, though the slot opened
   * later (a category that changed mid-term keeps the visit already made in that term).
   */
  countsFrom: IsoDate;
  /** The last school day it may take place: after this, it is overdue. */
  dueBy: IsoDate;
  /** The stretch of the calendar it belongs to, in words: "Autumn 1 2026-27", "March 2027". */
  label: string;
  basis: Cadence["basis"];
}

/** A run of one or more items. */
type Run<T> = [T, ...T[]];

/** Splits a list into runs of `size` (the last may be shorter); no run is empty. */
function chunk<T>(items: readonly T[], size: number): Run<T>[] {
  const out: Run<T>[] = [];
  for (let i = 0; i < items.length; i += size) {
    const [first, ...rest] = items.slice(i, i + size);
    if (first !== undefined) out.push([first, ...rest]);
  }
  return out;
}

/** The last item of a run (a run is never empty). */
function lastOf<T>(run: Run<T>): T {
  return run[run.length - 1] ?? run[0];
}

function periodsFor(calendar: SchoolCalendar, unit: Cadence["frequency"]["unit"]): readonly CalendarPeriod[] {
  switch (unit) {
    case "week":
      return calendar.getSchoolWeeks();
    case "month":
      return calendar.getMonths();
    case "half-term":
      return calendar.getHalfTerms();
    case "term":
      return calendar.getTerms();
    case "year":
      return calendar.getYears();
  }
}

/**
 * The visits a cadence asks for between two dates, counted in the policy
 * calendar: every N weeks, months, half terms, terms or years (or N times in
 * each), each visit due within a window of school days, never in a holiday.
 * Windows begin no earlier than `from` (when the category took effect), so a
 * change of category re-plans from that day.
 */
export function planVisits(calendar: SchoolCalendar, cadence: Cadence, from: IsoDate, until: IsoDate): VisitSlot[] {
  const { every, times, unit } = cadence.frequency;
  const periods = periodsFor(calendar, unit).filter((p) => p.end >= from && p.start <= until);
  const windows: (CalendarPeriod & { countsFrom: IsoDate })[] = [];
  if (times !== undefined) {
    // N times in each period: its school days split into N runs.
    for (const period of periods) {
      const days = calendar.getSchoolDays(maxDate(period.start, from), minDate(period.end, until));
      const size = Math.ceil(days.length / times);
      chunk(days, Math.max(size, 1)).forEach((run, i) =>
        windows.push({
          label: `${period.label} (${i + 1} of ${times})`,
          start: run[0],
          end: lastOf(run),
          countsFrom: i === 0 ? period.start : run[0],
        }),
      );
    }
  } else {
    // Every N periods: one window spanning each run of N.
    for (const run of chunk(periods, every ?? 1)) {
      const first = run[0];
      const last = lastOf(run);
      windows.push({
        label: run.length === 1 ? first.label : `${first.label} to ${last.label}`,
        start: first.start,
        end: last.end,
        countsFrom: first.start,
      });
    }
  }
  const slots: VisitSlot[] = [];
  for (const window of windows) {
    const start = maxDate(window.start, from);
    const end = minDate(window.end, until);
    const opens = calendar.getNextSchoolDay(start);
    const dueBy = calendar.getPreviousSchoolDay(end);
    if (!opens || !dueBy || opens > dueBy) continue;
    const countsFrom = calendar.getNextSchoolDay(window.countsFrom) ?? opens;
    slots.push({ visitType: cadence.visitType, opens, countsFrom, dueBy, label: window.label, basis: cadence.basis });
  }
  return slots;
}

export interface VisitRecord {
  visitType: string;
  /** The date of a visit that took place. */
  date: IsoDate;
}

export interface SlotStatus extends VisitSlot {
  status: "done" | "due" | "overdue" | "upcoming";
  /** The visit that met it, when done. */
  metBy?: IsoDate;
}

/**
 * Matches visits that took place to the slots a cadence asks for, in order:
 * each visit meets the earliest open slot of its type whose window holds it
 * (from the start of the slot's stretch of the calendar, `countsFrom`).
 * A slot with no visit is overdue once its window has closed, due while it is
 * open, upcoming before.
 */
export function getSlotStatuses(
  slots: readonly VisitSlot[],
  visits: readonly VisitRecord[],
  today: IsoDate,
): SlotStatus[] {
  const unused = [...visits].sort((a, b) => a.date.localeCompare(b.date));
  return slots.map((slot) => {
    const index = unused.findIndex(
      (v) => v.visitType === slot.visitType && v.date >= minDate(slot.countsFrom, slot.opens) && v.date <= slot.dueBy,
    );
    const [visit] = index >= 0 ? unused.splice(index, 1) : [];
    if (visit) return { ...slot, status: "done", metBy: visit.date };
    const status = today > slot.dueBy ? "overdue" : today >= slot.opens ? "due" : "upcoming";
    return { ...slot, status };
  });
}
