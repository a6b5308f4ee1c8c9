/**
 * A school year built from a file's term dates, in the shape of a year the calendar already has (its template):
 * the template's terms and half terms keep their keys (which agendas and frequencies refer to) and take the file's
 * dates where a row names them (by label or key); the other rows are holidays. What the file does not give is the
 * template's dates moved to the new year and marked as assumed, so nothing is silently invented.
 */
import type { AcademicYear } from "./schema/policy.ts";
import { isRealDate, type TermDateRow } from "./term-dates.ts";

/** One term, half term or holiday of the built year, and where its dates come from, in words. */
export interface ImportedPart {
  kind: "term" | "half term" | "holiday";
  label: string;
  start: string;
  end: string;
  source: string;
  /** True when the dates are not from the file. */
  assumed: boolean;
}

export interface ImportedYear {
  year: AcademicYear;
  parts: ImportedPart[];
}

type Dated = { label: string; start: string; end: string };
type Holiday = AcademicYear["holidays"][number];

const firstYearOf = (key: string) => Number(key.slice(0, 4));
const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

/** The date `days` days after `date` (both YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** The same day and month `years` years on (29 February becomes the 28th in a year without it). */
function moveDate(date: string, years: number): string {
  const moved = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return isRealDate(moved) ? moved : `${moved.slice(0, 8)}28`;
}

function latest(dates: string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), "");
}

/** Finds (and takes) the first unused row naming `label` or `key`. */
function takeRow(rows: TermDateRow[], used: Set<TermDateRow>, names: string[]): TermDateRow | undefined {
  const wanted = names.map(normalise);
  const row = rows.find((r) => !used.has(r) && wanted.includes(normalise(r.period)));
  if (row) used.add(row);
  return row;
}

interface Context {
  rows: TermDateRow[];
  used: Set<TermDateRow>;
  years: number;
  templateKey: string;
  /** The school year being built. */
  key: string;
  /** The last day of the school year being built. */
  yearEnd: string;
  parts: ImportedPart[];
}

function place<T extends Dated>(
  context: Context,
  kind: ImportedPart["kind"],
  item: T,
  row: TermDateRow | undefined,
): T {
  const dated = row
    ? { ...item, start: row.start, end: row.end }
    : { ...item, start: moveDate(item.start, context.years), end: moveDate(item.end, context.years) };
  const source = row
    ? `row ${row.row} of the file`
    : `${context.templateKey}'s dates, moved to ${context.key} (to be confirmed)`;
  context.parts.push({ kind, label: item.label, start: dated.start, end: dated.end, source, assumed: !row });
  return dated;
}

function buildTerms(context: Context, template: AcademicYear): AcademicYear["terms"] {
  return template.terms.map((term) => {
    const termRow = takeRow(context.rows, context.used, [term.label, term.key]);
    const halfRows = term.halfTerms.map((h) => takeRow(context.rows, context.used, [h.label, h.key]));
    const at = context.parts.length;
    const halfTerms = term.halfTerms.map((h, i) => place(context, "half term", h, halfRows[i]));
    const fromHalves = halfRows.some(Boolean) && !termRow;
    const dated = fromHalves
      ? { ...term, start: halfTerms[0]?.start ?? term.start, end: latest(halfTerms.map((h) => h.end)) }
      : place(context, "term", term, termRow);
    if (fromHalves) {
      const source = "its half terms";
      const part = { kind: "term" as const, label: term.label, start: dated.start, end: dated.end, source };
      context.parts.splice(at, 0, { ...part, assumed: false });
    } else {
      // Show the term before its half terms.
      const termPart = context.parts.pop();
      if (termPart) context.parts.splice(at, 0, termPart);
    }
    return { ...dated, halfTerms };
  });
}

/** The days between half terms (and after the last, to 31 August), named as the template names its holidays. */
function holidaysBetween(context: Context, terms: AcademicYear["terms"], template: AcademicYear): Holiday[] {
  const halves = terms.flatMap((t) => t.halfTerms).sort((a, b) => a.start.localeCompare(b.start));
  const gaps: (Holiday & { after: string })[] = [];
  halves.forEach((half, i) => {
    const next = halves[i + 1];
    const end = next ? addDays(next.start, -1) : context.yearEnd;
    const start = addDays(half.end, 1);
    if (start <= end) gaps.push({ label: `Holiday after ${half.label}`, start, end, after: half.label });
  });
  const named = gaps.length === template.holidays.length;
  return gaps.map(({ after, ...gap }, i) => {
    const holiday = { ...gap, label: (named ? template.holidays[i]?.label : undefined) ?? gap.label };
    context.parts.push({ kind: "holiday", ...holiday, source: `the days after ${after}`, assumed: false });
    return holiday;
  });
}

function buildHolidays(context: Context, terms: AcademicYear["terms"], template: AcademicYear): Holiday[] {
  const rest = context.rows.filter((r) => !context.used.has(r)).sort((a, b) => a.start.localeCompare(b.start));
  if (rest.length === 0) return holidaysBetween(context, terms, template);
  const fromFile = rest.map((row) => place(context, "holiday", { label: row.period, start: "", end: "" }, row));
  const covered = latest(context.rows.map((r) => r.end));
  const later = template.holidays.filter((h) => moveDate(h.start, context.years) > covered);
  return [...fromFile, ...later.map((h) => place(context, "holiday", h, undefined))];
}

/**
 * The school year `key` from the file's rows for it, in the shape of `template` (a year of the same calendar).
 * The year is marked assumed, with a note, when any of its dates are not from the file.
 */
export function buildYearFromTermDates(rows: TermDateRow[], key: string, template: AcademicYear): ImportedYear {
  const years = firstYearOf(key) - firstYearOf(template.key);
  const context: Context = {
    rows: rows.filter((r) => r.academicYear === key),
    used: new Set(),
    years,
    templateKey: template.key,
    key,
    yearEnd: `${firstYearOf(key) + 1}-08-31`,
    parts: [],
  };
  const terms = buildTerms(context, template);
  const holidays = buildHolidays(context, terms, template);
  const { assumed: _assumed, note: _note, ...rest } = template;
  const year: AcademicYear = {
    ...rest,
    key,
    label: template.label.replace(/\d{4}/g, (y) => String(Number(y) + years)),
    terms,
    holidays,
  };
  if (context.parts.some((p) => p.assumed)) {
    year.assumed = true;
    year.note = `Imported from a file of term dates. The dates it did not give are ${template.key}'s, moved to ${key}, and must be confirmed.`;
  }
  return { year, parts: context.parts };
}
