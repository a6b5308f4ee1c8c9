/** The three boxes of a GOV.UK date input, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Reads a month typed as a number or a name ("9", "Sept", "september"), as GOV.UK asks services to accept. */
function parseMonth(text: string): string {
  const trimmed = text.trim().toLowerCase();
  if (/^\d+$/.test(trimmed)) return trimmed;
  const index = MONTHS.findIndex((name) => trimmed.length >= 3 && trimmed.startsWith(name));
  return index >= 0 ? String(index + 1) : trimmed;
}

const clean = (text: string) => text.trim().replace(/-/g, "");

/**
 * Turns the three boxes into the field's value: `undefined` when all are empty, an ISO date (`2021-09-05`) when each
 * is a number, and otherwise the parts as typed (`year-month-day`, some empty), which fails the schema's
 * `format: date` so that validation can say which part is missing (see `describeDateProblem`).
 */
export function toDateValue(parts: DateParts): string | undefined {
  const day = clean(parts.day);
  const month = clean(parseMonth(parts.month));
  const year = clean(parts.year);
  if (!day && !month && !year) return undefined;
  if (/^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year))
    return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return `${year}-${month}-${day}`;
}

/** Splits a stored value back into boxes ("2021-09-05" shows as 5, 9, 2021). */
export function toDateParts(value: unknown): DateParts {
  if (typeof value !== "string" || value === "") return { day: "", month: "", year: "" };
  const [year = "", month = "", day = ""] = value.split("-");
  const unpad = (text: string) => (/^\d+$/.test(text) ? String(Number(text)) : text);
  return { day: unpad(day), month: unpad(month), year };
}

/** What is wrong with a date value, for GOV.UK's date error messages. */
export type DateProblem = { kind: "missing"; parts: DatePart[] } | { kind: "year-digits" } | { kind: "not-real" };

/** Works out what is wrong with a date value that failed `format: date`. */
export function describeDateProblem(value: unknown): DateProblem {
  const parts = toDateParts(value);
  const missing = (["day", "month", "year"] as const).filter((part) => parts[part].trim() === "");
  if (missing.length > 0 && missing.length < 3) return { kind: "missing", parts: missing };
  if (/^\d+$/.test(parts.year) && parts.year.length !== 4) return { kind: "year-digits" };
  return { kind: "not-real" };
}
