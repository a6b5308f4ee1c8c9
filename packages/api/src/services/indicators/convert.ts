import { z } from "zod";

import type { IndicatorDefinition, IndicatorType } from "@steward/policy-config";

/** A value as stored and as rules read it (`IndicatorReading.value` in the domain). */
export type IndicatorValue = string | number | boolean;

/** What one cell (or entry, or answer) becomes: a value, "no value" (a suppression marker or nothing), or a reason it cannot be one. */
export type Conversion =
  { kind: "value"; value: IndicatorValue } | { kind: "none" } | { kind: "error"; reason: string };

/**
 * The DfE's markers for a figure that is not published (suppressed, not
 * eligible, not published, low coverage, not available, confidential, not
 * applicable), and an empty cell: "no value", never zero and never an error.
 */
const NO_VALUE = new Set(["", "supp", "ne", "np", "lowcov", "x", "c", "z", ":", "na"]);

function isNoValue(text: string): boolean {
  return NO_VALUE.has(text.trim().toLowerCase());
}

const TRUE = new Set(["yes", "y", "true", "1"]);
const FALSE = new Set(["no", "n", "false", "0"]);

/** YYYY-MM-DD or DD/MM/YYYY (or D/M/YYYY), as an ISO date if it is a real day. */
export function parseDateText(text: string): string | undefined {
  const uk = /^(?<day>\d{1,2})\/(?<month>\d{1,2})\/(?<year>\d{4})$/.exec(text)?.groups;
  const iso = uk ? `${uk.year}-${uk.month?.padStart(2, "0")}-${uk.day?.padStart(2, "0")}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

function toNumber(type: Extract<IndicatorType, { kind: "number" }>, raw: string | number): Conversion {
  // Published tables write percentages as "65%" and large counts as "1,234".
  const text = typeof raw === "number" ? String(raw) : raw.trim().replace(/%$/, "").replace(/,/g, "").trim();
  const value = typeof raw === "number" ? raw : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) return { kind: "error", reason: `"${String(raw)}" is not a number.` };
  const unit = type.unit ? ` ${type.unit}` : "";
  if (type.minimum !== undefined && value < type.minimum)
    return { kind: "error", reason: `${value} is below the lowest value, ${type.minimum}${unit}.` };
  if (type.maximum !== undefined && value > type.maximum)
    return { kind: "error", reason: `${value} is above the highest value, ${type.maximum}${unit}.` };
  return { kind: "value", value };
}

function toChoice(type: Extract<IndicatorType, { kind: "choice" }>, text: string): Conversion {
  const wanted = text.trim().toLowerCase();
  const option = type.options.find((o) => o.value.toLowerCase() === wanted || o.label.toLowerCase() === wanted);
  if (option) return { kind: "value", value: option.value };
  return {
    kind: "error",
    reason: `"${text}" is not one of the values: ${type.options.map((o) => o.label).join(", ")}.`,
  };
}

/**
 * Converts a cell of a file, an officer's entry or a form's answer to a value
 * of the indicator's type: a number (range checked; "65%" reads 65), yes or
 * no (yes/no/true/false/1/0/y/n), one of the listed values (by value or label,
 * whatever the case), a date (YYYY-MM-DD or DD/MM/YYYY) or text.
 */
export function convertValue(indicator: Pick<IndicatorDefinition, "type">, raw: unknown): Conversion {
  if (raw === null || raw === undefined) return { kind: "none" };
  if (raw instanceof Date)
    return indicator.type.kind === "date" || indicator.type.kind === "text"
      ? { kind: "value", value: raw.toISOString().slice(0, 10) }
      : { kind: "error", reason: `A date is not a ${indicator.type.kind}.` };
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean")
    return { kind: "error", reason: "The value is not text, a number, yes or no." };
  if (typeof raw === "string" && isNoValue(raw)) return { kind: "none" };
  const text = String(raw).trim();
  const type = indicator.type;
  switch (type.kind) {
    case "number":
      return typeof raw === "boolean"
        ? { kind: "error", reason: "Yes or no is not a number." }
        : toNumber(type, typeof raw === "number" ? raw : text);
    case "boolean": {
      if (typeof raw === "boolean") return { kind: "value", value: raw };
      const word = text.toLowerCase();
      if (TRUE.has(word)) return { kind: "value", value: true };
      if (FALSE.has(word)) return { kind: "value", value: false };
      return { kind: "error", reason: `"${text}" is not yes or no.` };
    }
    case "choice":
      return toChoice(type, text);
    case "date": {
      const iso = parseDateText(text);
      return iso
        ? { kind: "value", value: iso }
        : { kind: "error", reason: `"${text}" is not a date (write YYYY-MM-DD or DD/MM/YYYY).` };
    }
    case "text":
      return type.maxLength !== undefined && text.length > type.maxLength
        ? { kind: "error", reason: `The text is longer than ${type.maxLength} characters.` }
        : { kind: "value", value: text };
  }
}

/** A stored value (JSON) as a value, or null when the store holds none (or a shape no type has). */
const storedValue = z.union([z.string(), z.number(), z.boolean()]).nullable().catch(null);

/** Reads a value from the store: the one function for `indicator_values.value`. */
export function readStoredValue(value: unknown): IndicatorValue | null {
  return storedValue.parse(value);
}

/** A value as a person reads it: a number with its unit and decimals, yes or no as labelled, a choice's label. */
export function formatValue(indicator: Pick<IndicatorDefinition, "type">, value: IndicatorValue | null): string {
  if (value === null) return "No value";
  const type = indicator.type;
  switch (type.kind) {
    case "number": {
      if (typeof value !== "number") return String(value);
      const text =
        type.decimals !== undefined
          ? value.toLocaleString("en-GB", {
              minimumFractionDigits: type.decimals,
              maximumFractionDigits: type.decimals,
            })
          : value.toLocaleString("en-GB", { maximumFractionDigits: 6 });
      if (!type.unit) return text;
      return type.unit === "%" ? `${text}%` : type.unit === "£" ? `£${text}` : `${text} ${type.unit}`;
    }
    case "boolean":
      return value === true ? (type.trueLabel ?? "Yes") : value === false ? (type.falseLabel ?? "No") : String(value);
    case "choice":
      return type.options.find((o) => o.value === value)?.label ?? String(value);
    case "date":
    case "text":
      return String(value);
  }
}
