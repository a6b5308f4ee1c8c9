import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Cadence } from "@steward/policy-config";
import { createMinimalPolicy } from "@steward/policy-config/fixtures";

import { addDays, fromDayNumber, toDayNumber } from "./dates.ts";
import { calendarOf, SchoolCalendar } from "./school-calendar.ts";
import { getSlotStatuses, planVisits } from "./visit-plan.ts";

// The minimal policy's calendar: 2025-26, three terms of two half terms each.
const calendar = new SchoolCalendar(createMinimalPolicy().calendar);
const cadence = (frequency: Cadence["frequency"], basis: Cadence["basis"] = "exact"): Cadence => ({
  visitType: "core-visit",
  frequency,
  basis,
  label: "test",
});

describe("the school calendar", () => {
  it("is built once per policy document, and says the same of every day and period when asked again", () => {
    const policy = createMinimalPolicy();
    const shared = calendarOf(policy);
    expect(calendarOf(policy)).toBe(shared);
    // A different document (another version) has its own.
    expect(calendarOf(createMinimalPolicy())).not.toBe(shared);
    const fresh = () => new SchoolCalendar(policy.calendar);
    for (let day = "2025-09-01"; day <= "2026-08-31"; day = addDays(day, 1)) {
      expect(shared.isSchoolDay(day), day).toBe(fresh().isSchoolDay(day));
      expect(shared.isSchoolDay(day), `${day} asked again`).toBe(fresh().isSchoolDay(day));
    }
    expect(shared.getMonths()).toBe(shared.getMonths());
    expect(shared.getMonths()).toEqual(fresh().getMonths());
    expect(shared.getSchoolWeeks()).toEqual(fresh().getSchoolWeeks());
  });

  it("knows school days from weekends, half-term breaks, holidays and bank holidays", () => {
    expect(calendar.isSchoolDay("2025-09-03")).toBe(true); // first day of term, a Wednesday
    expect(calendar.isSchoolDay("2025-09-06")).toBe(false); // Saturday
    expect(calendar.isSchoolDay("2025-10-28")).toBe(false); // October half term
    expect(calendar.isSchoolDay("2025-12-24")).toBe(false); // Christmas holiday
    expect(calendar.isSchoolDay("2026-05-04")).toBe(false); // Early May bank holiday, in term
    expect(calendar.isSchoolDay("2026-08-10")).toBe(false); // summer holiday, outside every term
  });

  it("places a date in its year, term and half term", () => {
    const place = calendar.locate("2026-02-24");
    expect([place?.year.key, place?.term.key, place?.halfTerm?.key]).toEqual(["2025-26", "spring", "spring-2"]);
    expect(calendar.locate("2026-08-10")).toBeUndefined();
  });

  it("counts working days past weekends and bank holidays", () => {
    // 15 working days from Wednesday 17 December 2025 skip Christmas Day, Boxing Day and New Year's Day.
    expect(calendar.addPeriod("2025-12-17", { amount: 15, unit: "working-days" })).toBe("2026-01-12");
    expect(calendar.addPeriod("2025-12-17", { amount: 15, unit: "calendar-days" })).toBe("2026-01-01");
  });

  it("counts school days past the holidays too", () => {
    // From Friday 19 December 2025 (last day of autumn term), 3 school days: 5, 6, 7 January.
    expect(calendar.addPeriod("2025-12-19", { amount: 3, unit: "school-days" })).toBe("2026-01-07");
    expect(() => calendar.addPeriod("2026-07-20", { amount: 10, unit: "school-days" })).toThrow(
      /run past the end of the policy calendar/,
    );
  });

  it("adds weeks and months", () => {
    expect(calendar.addPeriod("2026-01-31", { amount: 1, unit: "months" })).toBe("2026-02-28");
    expect(calendar.addPeriod("2026-01-31", { amount: 6, unit: "weeks" })).toBe("2026-03-14");
  });
});

describe("planning visits from a cadence", () => {
  const year = { from: "2025-09-01", until: "2026-08-31" };

  it("plans a monthly visit in every month with school days, never in August", () => {
    const slots = planVisits(calendar, cadence({ every: 1, unit: "month" }, "minimum"), year.from, year.until);
    expect(slots.map((s) => s.opens.slice(0, 7))).toEqual([
      "2025-09",
      "2025-10",
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
    ]);
    // April's window opens when the summer term starts, after the Easter holiday.
    expect(slots.find((s) => s.opens.startsWith("2026-04"))).toMatchObject({
      opens: "2026-04-13",
      dueBy: "2026-04-30",
    });
    expect(slots[3]).toMatchObject({ opens: "2025-12-01", dueBy: "2025-12-19" });
  });

  it("plans one visit per half term, and one per term", () => {
    const halfTermly = planVisits(calendar, cadence({ every: 1, unit: "half-term" }), year.from, year.until);
    expect(halfTermly.map((s) => [s.opens, s.dueBy])).toEqual([
      ["2025-09-03", "2025-10-24"],
      ["2025-11-03", "2025-12-19"],
      ["2026-01-05", "2026-02-13"],
      ["2026-02-23", "2026-03-27"],
      ["2026-04-13", "2026-05-22"],
      ["2026-06-01", "2026-07-22"],
    ]);
    const termly = planVisits(calendar, cadence({ every: 1, unit: "term" }), year.from, year.until);
    expect(termly.map((s) => s.label)).toEqual(["Autumn term 2025-26", "Spring term 2025-26", "Summer term 2025-26"]);
  });

  it("plans about every four weeks in school weeks, skipping the holidays", () => {
    const slots = planVisits(calendar, cadence({ every: 4, unit: "week" }, "typical"), year.from, year.until);
    for (const slot of slots) {
      expect(calendar.isSchoolDay(slot.opens)).toBe(true);
      expect(calendar.isSchoolDay(slot.dueBy)).toBe(true);
    }
    const weeks = calendar.getSchoolWeeks().length;
    expect(slots).toHaveLength(Math.ceil(weeks / 4));
  });

  it("plans N times a year as N windows splitting its school days", () => {
    const slots = planVisits(calendar, cadence({ times: 4, unit: "year" }, "minimum"), year.from, year.until);
    expect(slots).toHaveLength(4);
    expect(slots[0]!.opens).toBe("2025-09-03");
    expect(slots[3]!.dueBy).toBe("2026-07-22");
    for (let i = 1; i < slots.length; i++) expect(slots[i]!.opens > slots[i - 1]!.dueBy).toBe(true);
  });

  it("re-plans from the day a category changes", () => {
    const slots = planVisits(calendar, cadence({ every: 1, unit: "term" }), "2026-01-20", year.until);
    expect(slots.map((s) => [s.label, s.opens])).toEqual([
      ["Spring term 2025-26", "2026-01-20"],
      ["Summer term 2025-26", "2026-04-13"],
    ]);
  });

  it("keeps a visit made earlier in the term when the category changes mid-term", () => {
    const replanned = planVisits(calendar, cadence({ every: 1, unit: "term" }), "2026-01-20", year.until);
    const visit = { visitType: "core-visit", date: "2026-01-12" };
    const statuses = getSlotStatuses(replanned, [visit], "2026-02-02");
    expect(statuses.map((s) => [s.label, s.status])).toEqual([
      ["Spring term 2025-26", "done"],
      ["Summer term 2025-26", "upcoming"],
    ]);
    // N times a term: the visit meets the first of the term's windows, not a later one.
    const twice = planVisits(calendar, cadence({ times: 2, unit: "term" }), "2026-01-20", year.until);
    expect(getSlotStatuses(twice, [visit], "2026-02-02").map((s) => s.status)).toEqual([
      "done",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
  });

  it("never opens or closes a window on a day that is not a school day, and keeps windows apart and in order", () => {
    const units = ["week", "month", "half-term", "term", "year"] as const;
    const start = toDayNumber("2025-08-15");
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 330 }),
        fc.integer({ min: 1, max: 120 }),
        (unit, n, useTimes, offset, length) => {
          const from = fromDayNumber(start + offset);
          const until = addDays(from, length);
          const frequency = useTimes ? { times: n, unit } : { every: n, unit };
          const slots = planVisits(calendar, cadence(frequency), from, until);
          for (const [i, slot] of slots.entries()) {
            expect(calendar.isSchoolDay(slot.opens)).toBe(true);
            expect(calendar.isSchoolDay(slot.dueBy)).toBe(true);
            expect(slot.opens >= from && slot.dueBy <= until && slot.opens <= slot.dueBy).toBe(true);
            if (i > 0) expect(slot.opens > slots[i - 1]!.dueBy).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("matching visits to what the cadence asks", () => {
  const slots = planVisits(calendar, cadence({ every: 1, unit: "half-term" }), "2025-09-01", "2026-08-31");

  it("marks slots done, due, overdue or upcoming", () => {
    const statuses = getSlotStatuses(slots, [{ visitType: "core-visit", date: "2025-10-01" }], "2025-12-01");
    expect(statuses.slice(0, 3).map((s) => s.status)).toEqual(["done", "due", "upcoming"]);
    expect(statuses[0]!.metBy).toBe("2025-10-01");
    const later = getSlotStatuses(slots, [{ visitType: "core-visit", date: "2025-10-01" }], "2026-01-10");
    expect(later[1]!.status).toBe("overdue");
  });

  it("lets one visit meet one slot only, and only of its own type", () => {
    const statuses = getSlotStatuses(
      slots,
      [
        { visitType: "core-visit", date: "2025-09-10" },
        { visitType: "core-visit", date: "2025-09-20" },
        { visitType: "other-visit", date: "2025-11-10" },
      ],
      "2026-01-10",
    );
    expect(statuses.slice(0, 2).map((s) => s.status)).toEqual(["done", "overdue"]);
  });
});
