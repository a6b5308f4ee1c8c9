import type { WidgetProps } from "@rjsf/utils";
import { useState, type ChangeEvent } from "react";

import { DATE_PARTS, DateInputGroup, DateInputItem, getDatePartId } from "../../../govuk/date-input.tsx";
import { formatDate } from "../../shared/text.ts";
import { hasFieldError } from "../../shared/widget-props.ts";
import { describeDateProblem, toDateParts, toDateValue, type DatePart, type DateParts } from "./date-parts.ts";

/** Which boxes to mark in error: the missing ones, the year when it is short, else all three. */
function getPartsInError(hasError: boolean, value: unknown): (part: DatePart) => boolean {
  if (!hasError) return () => false;
  const problem = value !== undefined ? describeDateProblem(value) : undefined;
  if (problem?.kind === "missing") return (part) => problem.parts.includes(part);
  if (problem?.kind === "year-digits") return (part) => part === "year";
  return () => true;
}

/**
 * A GOV.UK date input: day, month and year boxes in a fieldset, writing an ISO date string (`2021-09-05`). Months may
 * be typed as names. When the field is in error, only the boxes at fault are highlighted.
 */
export default function DateWidget(props: WidgetProps) {
  const { id, htmlName, readonly, disabled, autofocus, onChange, onBlur, onFocus, options } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
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
  const isPartInError = getPartsInError(hasFieldError(props), value);
  const autocomplete = String(options.autocomplete) === "bday" ? "bday" : undefined;
  const update = (part: DatePart) => (event: ChangeEvent<HTMLInputElement>) => {
    const next = { ...parts, [part]: event.target.value };
    const nextValue = toDateValue(next);
    setState({ parts: next, value: nextValue });
    onChange(nextValue);
  };
  const name = htmlName ?? id;
  return (
    <DateInputGroup>
      {DATE_PARTS.map(({ part, label, width }, index) => (
        <DateInputItem
          key={part}
          id={getDatePartId(id, part)}
          label={label}
          width={width}
          hasError={isPartInError(part)}
          name={`${name}-${part}`}
          spellCheck={false}
          autoComplete={autocomplete ? `${autocomplete}-${part}` : "off"}
          value={parts[part]}
          disabled={disabled}
          autoFocus={autofocus && index === 0}
          onChange={update(part)}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
        />
      ))}
    </DateInputGroup>
  );
}
DateWidget.govukChrome = "fieldset" as const;
DateWidget.govukDefaultHint = "For example, 27 3 2024";
