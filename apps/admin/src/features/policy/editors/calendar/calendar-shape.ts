import type { AcademicYear, PolicyDocument } from "@steward/policy-config";

import { toRjsfId } from "../../meta-form.tsx";

type Calendar = PolicyDocument["calendar"];
export type Term = AcademicYear["terms"][number];
type HalfTerm = Term["halfTerms"][number];

/** A problem the validator found, at its JSON pointer in the document. */
export interface CalendarProblem {
  pointer: string;
  message: string;
  severity?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const hasText = (value: Record<string, unknown>, ...keys: string[]) =>
  keys.every((key) => typeof value[key] === "string");
const isListOf = (value: unknown, check: (item: unknown) => boolean) => Array.isArray(value) && value.every(check);

const isHalfTerm = (value: unknown) => isRecord(value) && hasText(value, "key", "label", "start", "end");
const isHoliday = (value: unknown) => isRecord(value) && hasText(value, "label", "start", "end");
const isTerm = (value: unknown) =>
  isRecord(value) && hasText(value, "key", "label", "start", "end") && isListOf(value.halfTerms, isHalfTerm);
const isYear = (value: unknown) =>
  isRecord(value) &&
  hasText(value, "key", "label") &&
  isListOf(value.terms, isTerm) &&
  isListOf(value.holidays, isHoliday);

/**
 * True when the calendar has the shape this editor draws: years of terms (with half terms) and holidays, each
 * with its texts. Dates are not checked here (a date being typed is not one yet): the validator reports them.
 */
export function isCalendarShape(value: unknown): value is Calendar {
  return isRecord(value) && typeof value.model === "string" && isListOf(value.years, isYear);
}

/** The id of the control (or group) for a JSON pointer: the same id the generated form gives it. */
export const fieldId = (pointer: string) => toRjsfId(pointer);

/** The error messages at exactly `pointer`, as one sentence list, or undefined. */
export function errorAt(problems: CalendarProblem[], pointer: string): string | undefined {
  const messages = problems.filter((p) => p.pointer === pointer && p.severity !== "warning").map((p) => p.message);
  return messages.length ? messages.join(" ") : undefined;
}

/** `list` with item `index` replaced by `item`. */
export const replaceAt = <T>(list: T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));
/** `list` without item `index`. */
export const removeAt = <T>(list: T[], index: number): T[] => list.filter((_x, i) => i !== index);

/** A school year's key for the year after `key` (2027-28 after 2026-27). */
function nextYearKey(key: string): string {
  const first = Number(key.slice(0, 4)) + 1;
  return `${first}-${String((first + 1) % 100).padStart(2, "0")}`;
}

/** An empty half term, keyed after the term. */
export const newHalfTerm = (term: Term): HalfTerm => ({
  key: `${term.key}-${term.halfTerms.length + 1}`,
  label: `${term.label} ${term.halfTerms.length + 1}`,
  start: "",
  end: "",
});

/** An empty term with one half term. */
export function newTerm(year: AcademicYear): Term {
  const term = { key: `term-${year.terms.length + 1}`, label: `Term ${year.terms.length + 1}`, start: "", end: "" };
  return { ...term, halfTerms: [newHalfTerm({ ...term, halfTerms: [] })] };
}

/** An empty school year after the last one (or this one, when there is none). */
export function newYear(years: AcademicYear[], today: string): AcademicYear {
  const last = years.at(-1);
  const key = last ? nextYearKey(last.key) : nextYearKey(`${Number(today.slice(0, 4)) - 1}-00`);
  const year: AcademicYear = { key, label: key, terms: [], holidays: [] };
  return { ...year, terms: [newTerm(year)] };
}
