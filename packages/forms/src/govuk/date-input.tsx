// The GOV.UK date input: day, month and year boxes. The app's date field and the rjsf date widget keep their own
// state (what was typed) and draw the boxes with these.
import type { InputHTMLAttributes, ReactNode } from "react";

import { cx } from "./class-names.ts";

export type DatePart = "day" | "month" | "year";

/** The three boxes in order, with their labels and GOV.UK widths. */
export const DATE_PARTS: readonly { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: "day", label: "Day", width: 2 },
  { part: "month", label: "Month", width: 2 },
  { part: "year", label: "Year", width: 4 },
];

/** The id of one box: the day box carries the field's own id, so labels and error links land on it. */
export function getDatePartId(id: string, part: DatePart): string {
  return part === "day" ? id : `${id}-${part}`;
}

/** The `govuk-date-input` block around the boxes. */
export function DateInputGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-date-input">{children}</div>;
}

export interface DateInputItemProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "className" | "width"
> {
  id: string;
  label: string;
  width: 2 | 4;
  hasError?: boolean;
}

/** One box (day, month or year) with its label: a numeric text input, as GOV.UK advises. */
export function DateInputItem({ id, label, width, hasError, ...input }: DateInputItemProps) {
  return (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={id}>
          {label}
        </label>
        <input
          className={cx(
            "govuk-input",
            "govuk-date-input__input",
            `govuk-input--width-${width}`,
            hasError && "govuk-input--error",
          )}
          id={id}
          type="text"
          inputMode="numeric"
          {...input}
        />
      </div>
    </div>
  );
}
