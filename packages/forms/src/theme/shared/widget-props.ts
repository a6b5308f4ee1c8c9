import { descriptionId, errorId, helpId } from "@rjsf/utils";

import { cx, joinIds } from "../../govuk/class-names.ts";

/** The parts of a widget's props that say which hints and errors it has. */
interface DescribedProps {
  id: string;
  schema: { description?: string };
  options: { description?: unknown; help?: unknown };
  rawErrors?: string[];
  hideError?: boolean;
}

/** True when the widget's field shows an error message. */
export function hasFieldError({ rawErrors, hideError }: { rawErrors?: string[]; hideError?: boolean }): boolean {
  return !hideError && (rawErrors?.length ?? 0) > 0;
}

/**
 * The ids of the hint, help and error message the FieldTemplate draws for this field, for `aria-describedby`.
 * Only ids that exist are listed.
 */
export function getDescribedBy(props: DescribedProps, ...extra: (string | false | undefined)[]): string | undefined {
  const { id, schema, options } = props;
  return joinIds(
    Boolean(options.description || schema.description) && descriptionId(id),
    Boolean(options.help) && helpId(id),
    hasFieldError(props) && errorId(id),
    ...extra,
  );
}

const FIXED_WIDTHS = new Set(["2", "3", "4", "5", "10", "20", "30"]);
const FLUID_WIDTHS = new Set(["full", "three-quarters", "two-thirds", "one-half", "one-third", "one-quarter"]);

/** GOV.UK input width classes from `ui:options.width`: a character count (2-30) or a fraction ("one-half"). */
export function getWidthClassName(width: unknown): string | undefined {
  const value = typeof width === "number" ? String(width) : width;
  if (typeof value !== "string") return undefined;
  if (FIXED_WIDTHS.has(value)) return `govuk-input--width-${value}`;
  if (FLUID_WIDTHS.has(value)) return `govuk-!-width-${value}`;
  return undefined;
}

/** The error state and classes of a GOV.UK text control (input, textarea, select): read-only ones look read-only. */
export function getControlState(
  props: { rawErrors?: string[]; hideError?: boolean; readonly?: boolean },
  ...extra: (string | false | undefined)[]
): { hasError: boolean; className: string } {
  return { hasError: hasFieldError(props), className: cx(props.readonly && "steward-input--readonly", ...extra) };
}
