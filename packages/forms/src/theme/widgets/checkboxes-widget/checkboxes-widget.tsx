import {
  deepEquals,
  enumOptionsIsSelected,
  enumOptionValueEncoder,
  getOptionValueFormat,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type WidgetProps,
} from "@rjsf/utils";
import { Fragment } from "react";

import { cx } from "../../../govuk/class-names.ts";
import { getOptionHint, getOptionId } from "../radio-widget/radio-widget.tsx";

/**
 * GOV.UK checkboxes for a choice of several (an array of enum values). Options listed in `ui:options.exclusive`
 * ("None of these") come after an "or" divider and clear the others when ticked, as GOV.UK's exclusive checkbox does.
 */
export default function CheckboxesWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  const { id, htmlName, options, value, disabled, readonly, autofocus, onChange, onBlur, onFocus } = props;
  const { enumOptions = [], enumDisabled, small } = options;
  const exclusive: unknown[] = Array.isArray(options.exclusive) ? options.exclusive : [];
  const isExclusive = (candidate: unknown) => exclusive.some((item) => deepEquals(item, candidate));
  const selected: unknown[] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const optionValueFormat = getOptionValueFormat(options);
  if (readonly) {
    const chosen = enumOptions.filter((option) => enumOptionsIsSelected<S>(option.value, selected));
    if (chosen.length === 0) {
      return (
        <p id={id} className="govuk-body steward-readonly-answer">
          None selected
        </p>
      );
    }
    return (
      <ul id={id} className="govuk-list govuk-list--bullet steward-readonly-answer">
        {chosen.map((option) => (
          <li key={String(option.label)}>{option.label}</li>
        ))}
      </ul>
    );
  }
  const toggle = (optionValue: unknown, checked: boolean) => {
    let next: unknown[];
    if (!checked) next = selected.filter((item) => !deepEquals(item, optionValue));
    else if (isExclusive(optionValue)) next = [optionValue];
    else next = [...selected.filter((item) => !isExclusive(item)), optionValue];
    // Keep the schema's option order, whatever order the boxes were ticked in.
    const ordered = enumOptions
      .map((option) => option.value)
      .filter((optionValue) => next.some((item) => deepEquals(item, optionValue)));
    onChange(ordered);
  };
  const firstExclusive = enumOptions.findIndex((option) => isExclusive(option.value));
  return (
    <div className={cx("govuk-checkboxes", Boolean(small) && "govuk-checkboxes--small")} data-module="govuk-checkboxes">
      {enumOptions.map((option, index) => {
        const itemId = getOptionId(id, index);
        const checked = enumOptionsIsSelected<S>(option.value, selected);
        const hint = getOptionHint(option, options.enumHints);
        const hintId = `${itemId}-item-hint`;
        const isDisabled = disabled || (Array.isArray(enumDisabled) && enumDisabled.includes(option.value));
        return (
          <Fragment key={itemId}>
            {index === firstExclusive && index > 0 && <div className="govuk-checkboxes__divider">or</div>}
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={itemId}
                name={htmlName ?? id}
                type="checkbox"
                value={enumOptionValueEncoder(option.value, index, optionValueFormat)}
                checked={checked}
                disabled={isDisabled}
                autoFocus={autofocus && index === 0}
                aria-describedby={hint ? hintId : undefined}
                data-behaviour={isExclusive(option.value) ? "exclusive" : undefined}
                onChange={(event) => toggle(option.value, event.target.checked)}
                onBlur={() => onBlur(id, value)}
                onFocus={() => onFocus(id, value)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={itemId}>
                {option.label}
              </label>
              {hint && (
                <div id={hintId} className="govuk-hint govuk-checkboxes__hint">
                  {hint}
                </div>
              )}
            </div>
          </Fragment>
        );
      })}
    </div>
  );
}
CheckboxesWidget.govukChrome = "fieldset" as const;
