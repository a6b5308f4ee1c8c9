import type { FormContextType, RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";
import { useState, type ChangeEvent } from "react";

import { cx } from "../../../govuk/class-names.ts";
import { formatDate } from "../../shared/text.ts";
import { hasFieldError } from "../../shared/widget-props.ts";
import { describeDateProblem, toDateParts, toDateValue, type DatePart, type DateParts } from "./date-parts.ts";

const PARTS: { part: DatePart; label: string; width: string }[] = [
  { part: "day", label: "Day", width: "govuk-input--width-2" },
  { part: "month", label: "Month", width: "govuk-input--width-2" },
  { part: "year", label: "Year", width: "govuk-input--width-4" },
];

/** The id of one box: the day box carries the field's own id, so labels and error links land on it. */
export function getDatePartId(id: string, part: DatePart): string {
  return part === "day" ? id : `${id}-${part}`;
}

/**
 * A GOV.UK date input: day, month and year boxes in a fieldset, writing an ISO date string (`2021-09-05`). Months may
 * be typed as names. When the field is in error, only the boxes at fault are highlighted.
 */
export default function DateWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  const { id, htmlName, value, readonly, disabled, autofocus, onChange, onBlur, onFocus, options } = props;
  // The boxes as typed, and the value they stand for; a value changed from outside (a reset, a saved draft) replaces them.
  const [state, setState] = useState<{ parts: DateParts; value: unknown }>(() => ({
    parts: toDateParts(value),
    value,
  }));
  if (value !== state.value) setState({ parts: toDateParts(value), value });
  const { parts } = state;
  if (readonly) {
    return (
      <p id={id} className="govuk-body steward-readonly-answer">
        {typeof value === "string" && value ? formatDate(value) : "Not answered"}
      </p>
    );
  }
  const hasError = hasFieldError(props);
  const problem = hasError && value !== undefined ? describeDateProblem(value) : undefined;
  const isPartInError = (part: DatePart) =>
    hasError &&
    (problem?.kind === "missing"
      ? problem.parts.includes(part)
      : problem?.kind === "year-digits"
        ? part === "year"
        : true);
  const autocomplete = String(options.autocomplete) === "bday" ? "bday" : undefined;
  const update = (part: DatePart) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [part]: event.target.value };
    const nextValue = toDateValue(next);
    setState({ parts: next, value: nextValue });
    onChange(nextValue);
  };
  const name = htmlName ?? id;
  return (
    <div className="govuk-date-input">
      {PARTS.map(({ part, label, width }, index) => {
        const partId = getDatePartId(id, part);
        return (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={partId}>
                {label}
              </label>
              <input
                id={partId}
                name={`${name}-${part}`}
                type="text"
                inputMode="numeric"
                spellCheck={false}
                autoComplete={autocomplete ? `${autocomplete}-${part}` : "off"}
                className={cx(
                  "govuk-input",
                  "govuk-date-input__input",
                  width,
                  isPartInError(part) && "govuk-input--error",
                )}
                value={parts[part]}
                disabled={disabled}
                autoFocus={autofocus && index === 0}
                onChange={update(part)}
                onBlur={() => onBlur(id, value)}
                onFocus={() => onFocus(id, value)}
              />
            </div>
          </div>
        );
      })}
    </div>
  );
}
DateWidget.govukChrome = "fieldset" as const;
DateWidget.govukDefaultHint = "For example, 27 3 2024";
