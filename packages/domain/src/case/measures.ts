/**
 * The policy's measures as rules read them (`measures.<key>`): a count, sum,
 * latest value or streak over the case's records (register entries, meetings,
 * visits, letters, or an indicator's values), each dated the day the thing
 * happened, within a window that ends today. The records' fields are
 * MEASURE_RECORD_FIELDS in the policy vocabulary.
 */
import type {
  MeasureDefinition,
  MeasureOf,
  MeasureWindow,
  PolicyDocument,
  WINDOW_EVENTS,
  WindowEvent,
} from "@steward/policy-config";

import { addDays, addDuration, type IsoDate } from "../calendar/dates.ts";
import type { CalendarPeriod } from "../calendar/school-calendar.ts";
import { evaluateRule, setFact, type Facts } from "../rules/evaluate.ts";
import type { IndicatorReading } from "./data.ts";
import { calendarOf } from "./deciders/shared.ts";
import type { CaseState } from "./state.ts";

/** One record a measure counts: its date (the day it happened) and its fields. */
export type MeasureRecord = { date: IsoDate } & Record<string, unknown>;

/** The records of the kind a measure names, with their fields, in the order the case holds them. */
function recordsOf(of: MeasureOf, state: CaseState, readings: readonly IndicatorReading[]): MeasureRecord[] {
  switch (of.kind) {
    case "register":
      return state.registerEntries
        .filter((e) => e.register === of.register)
        .map((e) => ({ date: e.occurredOn, loggedOn: e.loggedAt.slice(0, 10), status: e.status, fields: e.fields }));
    case "meetings":
      return state.meetings
        .filter((m) => of.meetingType === undefined || m.meetingType === of.meetingType)
        .map((m) => ({
          date: m.date,
          meetingType: m.meetingType,
          progress: m.progress,
          strong: m.strong,
          stage: m.stage,
        }));
    case "visits":
      return state.visits
        .filter((v) => of.visitType === undefined || v.visitType === of.visitType)
        .map((v) => ({
          date: v.date,
          visitType: v.visitType,
          status: v.status,
          reported: v.report !== undefined,
          concerns: v.report?.concerns ?? false,
          published: v.report?.published ?? false,
        }));
    case "letters":
      return state.letters
        .filter((l) => of.letterType === undefined || l.letterType === of.letterType)
        .map((l) => ({
          date: l.issuedOn ?? l.draftedAt.slice(0, 10),
          letterType: l.letterType,
          status: l.status,
          actionsComplete: l.actionsComplete,
        }));
    case "indicator":
      return readings.filter((r) => r.indicator === of.indicator).map((r) => ({ date: r.asAt, value: r.value }));
  }
}

type WindowEventFields = { [E in WindowEvent]: Record<keyof (typeof WINDOW_EVENTS)[E]["fields"], unknown> };

/** Every event of each kind a `since-event` window may start from, as the case's state shows it: its date and fields. */
const WINDOW_EVENT_DATES: {
  [E in WindowEvent]: (state: CaseState) => { date: IsoDate; fields: WindowEventFields[E] }[];
} = {
  "category-decided": (state) =>
    state.categoryHistory.map((d) => ({ date: d.effectiveFrom, fields: { category: d.key } })),
  // The first entry is the case's opening, not a change of stage.
  "stage-changed": (state) =>
    state.stageHistory.slice(1).map((s) => ({ date: s.from.slice(0, 10), fields: { stage: s.stage } })),
  "letter-issued": (state) =>
    state.letters.flatMap((l) => (l.issuedOn ? [{ date: l.issuedOn, fields: { letterType: l.letterType } }] : [])),
  "visit-recorded": (state) =>
    state.visits.flatMap((v) =>
      v.report ? [{ date: v.date, fields: { visitType: v.visitType, concerns: v.report.concerns } }] : [],
    ),
  "meeting-recorded": (state) =>
    state.meetings.map((m) => ({ date: m.date, fields: { meetingType: m.meetingType, strong: m.strong } })),
  "register-entry-logged": (state) =>
    state.registerEntries.map((e) => ({ date: e.occurredOn, fields: { register: e.register } })),
};

function isWindowEvent(event: string): event is WindowEvent {
  return Object.hasOwn(WINDOW_EVENT_DATES, event);
}

/** The date of the latest such event by today that meets the window's `where`, or undefined with none. */
function latestEventDate(
  window: Extract<MeasureWindow, { kind: "since-event" }>,
  state: CaseState,
  today: IsoDate,
): IsoDate | undefined {
  if (!isWindowEvent(window.event)) return undefined;
  let latest: IsoDate | undefined;
  for (const { date, fields } of WINDOW_EVENT_DATES[window.event](state)) {
    if (date > today || (window.where !== undefined && !evaluateRule(window.where, fields))) continue;
    if (!latest || date > latest) latest = date;
  }
  return latest;
}

/** The calendar period (year or term) today is in: the latest that has begun, until the next begins. */
function periodOf(periods: readonly CalendarPeriod[], today: IsoDate): CalendarPeriod | undefined {
  return periods
    .filter((p) => p.start <= today)
    .sort((a, b) => a.start.localeCompare(b.start))
    .at(-1);
}

/**
 * The first day a window counts (it always ends today): undefined for no
 * limit. Before the policy calendar's first year or term begins, a
 * school-year or term window counts nothing (it starts tomorrow).
 */
function windowStart(window: MeasureWindow, state: CaseState, policy: PolicyDocument, today: IsoDate) {
  switch (window.kind) {
    case "rolling":
      return addDays(addDuration(today, window.last, -1), 1);
    case "school-year":
      return periodOf(calendarOf(policy).getYears(), today)?.start ?? addDays(today, 1);
    case "term":
      return periodOf(calendarOf(policy).getTerms(), today)?.start ?? addDays(today, 1);
    case "stage":
      return state.stageSince.slice(0, 10);
    case "since-event":
      return latestEventDate(window, state, today);
    case "all":
      return undefined;
  }
}

/** A record's field by a dotted path (`fields.source`), as JsonLogic's `var` reads it. */
function fieldOf(record: MeasureRecord, path: string): unknown {
  let value: unknown = record;
  for (const segment of path.split(".")) {
    if (!isObject(value)) return undefined;
    value = value[segment];
  }
  return value;
}

/** How many of the latest records in a row pass the test. */
function inARow<T>(items: readonly T[], test: (item: T) => boolean): number {
  const lastFailing = items.findLastIndex((item) => !test(item));
  return items.length - 1 - lastFailing;
}

/** A measure's aggregate over its records (in date order): count, sum of a numeric field, the latest's field, or a streak. */
function aggregate(measure: MeasureDefinition, records: readonly MeasureRecord[]): unknown {
  const field = measure.field ?? (measure.of.kind === "indicator" ? "value" : "date");
  switch (measure.aggregate) {
    case "count":
      return records.length;
    case "sum":
      return records.reduce((total, record) => {
        const value = fieldOf(record, field);
        return typeof value === "number" && Number.isFinite(value) ? total + value : total;
      }, 0);
    case "latest": {
      const last = records.at(-1);
      return last ? (fieldOf(last, field) ?? null) : null;
    }
    case "streak":
      return inARow(
        records,
        (record) => measure.streakWhile === undefined || evaluateRule(measure.streakWhile, record),
      );
  }
}

/**
 * A measure's value on a day: its records of the kind it names, dated from
 * the window's start to today (never after), meeting its `where`, in date
 * order (records on the same date in the order the case holds them), then
 * aggregated. A `latest` with no record is null.
 */
export function getMeasureValue(
  measure: MeasureDefinition,
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  readings: readonly IndicatorReading[] = [],
): unknown {
  const from = windowStart(measure.window, state, policy, today);
  const records = recordsOf(measure.of, state, readings)
    .filter((r) => r.date <= today && (from === undefined || r.date >= from))
    .filter((r) => measure.where === undefined || evaluateRule(measure.where, r))
    .sort((a, b) => a.date.localeCompare(b.date));
  return aggregate(measure, records);
}

/** Sets `measures.<key>` in `facts` for every measure the policy declares. */
export function setMeasureFacts(
  facts: Facts,
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  readings: readonly IndicatorReading[],
): void {
  for (const measure of policy.measures ?? [])
    setFact(facts, `measures.${measure.key}`, getMeasureValue(measure, state, policy, today, readings));
}

function isObject(value: unknown): value is Facts {
  return value !== null && typeof value === "object";
}
