/**
 * A CSV file of term dates, as authorities publish them and the DfE's collections hold them: one row per term,
 * half term or holiday, for one or more authorities (by LA code) and school years. The browser version of
 * csv-parse reads it (quotes, CRLF and a byte-order mark handled), so the policy studio can preview an import
 * before anything is sent.
 */
import { parse } from "csv-parse/browser/esm/sync";

/** One dated row of the file, for the authority asked about. `row` counts the header as row 1. */
export interface TermDateRow {
  row: number;
  academicYear: string;
  period: string;
  start: string;
  end: string;
  /** The name the file gives the authority (or a school following its dates) on this row. */
  laName: string;
}

/** A row that could not be read, with its number in the file (the header is row 1) and the reason in a sentence. */
export interface TermDateProblem {
  row: number;
  message: string;
}

export interface TermDates {
  /** The authority's rows that read well, in file order. */
  rows: TermDateRow[];
  problems: TermDateProblem[];
  /** The school years the authority's rows cover, in order. */
  years: string[];
  /** How many rows were for other authorities (left out). */
  otherAuthorities: number;
}

/** The columns the file must have, by their header names. */
export const TERM_DATE_COLUMNS = ["la_code", "academic_year", "period", "start_date", "end_date"] as const;
type Column = (typeof TERM_DATE_COLUMNS)[number];

/** True when `value` is a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `key` names a school year: 2027-28. */
export function isSchoolYear(key: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  return Boolean(match) && Number(match?.[2]) === (Number(match?.[1]) + 1) % 100;
}

function readRecords(text: string): string[][] | TermDateProblem {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const line = typeof error === "object" && error && "lines" in error ? Number(error.lines) : 1;
    const reason = error instanceof Error ? error.message : String(error);
    return { row: Number.isFinite(line) ? line : 1, message: `The file could not be read as CSV: ${reason}` };
  }
}

/** Where each needed column is, from the header row, or the problem naming the ones missing. */
function readHeader(header: string[]): Record<Column, number> | TermDateProblem {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = TERM_DATE_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    return {
      row: 1,
      message: `The first row must name the columns ${TERM_DATE_COLUMNS.join(", ")}; it has no ${missing.join(", ")}.`,
    };
  }
  const at = (column: Column) => names.indexOf(column);
  return {
    la_code: at("la_code"),
    academic_year: at("academic_year"),
    period: at("period"),
    start_date: at("start_date"),
    end_date: at("end_date"),
  };
}

/** The reason a row cannot be used, or undefined when it reads well. */
function findRowProblem(row: Omit<TermDateRow, "row" | "laName">): string | undefined {
  const { academicYear, period, start, end } = row;
  if (!isSchoolYear(academicYear)) return `the school year "${academicYear}" is not written like 2027-28.`;
  if (!period) return "the period (the term or holiday's name) is empty.";
  if (!isRealDate(start)) return `the start date "${start}" is not a real date written YYYY-MM-DD.`;
  if (!isRealDate(end)) return `the end date "${end}" is not a real date written YYYY-MM-DD.`;
  if (end < start) return `${period} ends (${end}) before it starts (${start}).`;
  const first = Number(academicYear.slice(0, 4));
  if (start < `${first}-08-01` || end > `${first + 1}-08-31`)
    return `${period} (${start} to ${end}) is not within the school year ${academicYear}.`;
  return undefined;
}

/**
 * The term dates of one authority (by its LA code) in a CSV file: the rows that read well, and every row that does
 * not with its number and the reason. Rows for other authorities are counted and left out.
 */
export function readTermDates(text: string, laCode: string): TermDates {
  const result: TermDates = { rows: [], problems: [], years: [], otherAuthorities: 0 };
  const records = readRecords(text);
  if (!Array.isArray(records)) return { ...result, problems: [records] };
  const [header, ...body] = records;
  if (!header) return { ...result, problems: [{ row: 1, message: "The file is empty." }] };
  const columns = readHeader(header);
  if ("row" in columns) return { ...result, problems: [columns] };
  const cell = (record: string[], column: Column) => record[columns[column]]?.trim() ?? "";
  const laNameAt = header.findIndex((name) => name.trim().toLowerCase() === "la_name");
  body.forEach((record, index) => {
    const row = index + 2;
    if (cell(record, "la_code") !== laCode.trim()) {
      result.otherAuthorities += 1;
      return;
    }
    const read = {
      academicYear: cell(record, "academic_year"),
      period: cell(record, "period"),
      start: cell(record, "start_date"),
      end: cell(record, "end_date"),
    };
    const problem = findRowProblem(read);
    if (problem) result.problems.push({ row, message: `Row ${row}: ${problem}` });
    else result.rows.push({ row, ...read, laName: laNameAt >= 0 ? (record[laNameAt]?.trim() ?? "") : "" });
  });
  result.years = [...new Set(result.rows.map((r) => r.academicYear))].sort();
  return result;
}
