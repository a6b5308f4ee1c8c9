import {
  deepEquals,
  enumOptionsIsSelected,
  enumOptionValueEncoder,
  getOptionValueFormat,
  type EnumOptionsType,
  type WidgetProps,
} from "@rjsf/utils";
import { Fragment } from "react";

import { ChoiceDivider, ChoiceGroup, ChoiceItem } from "../../../govuk/choices.tsx";
import { getOptionHint, getOptionId, isOptionDisabled } from "../radio-widget/radio-widget.tsx";

/** The answers ticked so far, as a list whatever rjsf holds. */
function toSelection(value: unknown): unknown[] {
  if (Array.isArray(value)) return value as unknown[];
  return value === undefined || value === null ? [] : [value];
}

/**
 * The answers after ticking or unticking one option. Ticking an exclusive option ("None of these") clears the others;
 * ticking another clears the exclusive ones. The schema's option order is kept, whatever order the boxes were ticked.
 */
function toggleOption(
  enumOptions: EnumOptionsType[],
  selected: unknown[],
  isExclusive: (value: unknown) => boolean,
  optionValue: unknown,
  checked: boolean,
): unknown[] {
  let next: unknown[];
  if (!checked) next = selected.filter((item) => !deepEquals(item, optionValue));
  else if (isExclusive(optionValue)) next = [optionValue];
  else next = [...selected.filter((item) => !isExclusive(item)), optionValue];
  return enumOptions
    .map((option): unknown => option.value)
    .filter((value) => next.some((item) => deepEquals(item, value)));
}

/** What read-only checkboxes show: the chosen options as a list, or "None selected". */
function ReadonlyChoices({ id, chosen }: { id: string; chosen: EnumOptionsType[] }) {
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

/**
 * GOV.UK checkboxes for a choice of several (an array of enum values). Options listed in `ui:options.exclusive`
 * ("None of these") come after an "or" divider and clear the others when ticked, as GOV.UK's exclusive checkbox does.
 */
export default function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, options, disabled, readonly, autofocus, onChange, onBlur, onFocus } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const { enumOptions = [], small } = options;
  const exclusive: unknown[] = Array.isArray(options.exclusive) ? options.exclusive : [];
  const isExclusive = (candidate: unknown) => exclusive.some((item) => deepEquals(item, candidate));
  const selected = toSelection(value);
  if (readonly) {
    const chosen = enumOptions.filter((option) => enumOptionsIsSelected(option.value, selected));
    return <ReadonlyChoices id={id} chosen={chosen} />;
  }
  const toggle = (optionValue: unknown, checked: boolean) =>
    onChange(toggleOption(enumOptions, selected, isExclusive, optionValue, checked));
  const firstExclusive = enumOptions.findIndex((option) => isExclusive(option.value));
  const optionValueFormat = getOptionValueFormat(options);
  return (
    <ChoiceGroup kind="checkboxes" small={Boolean(small)}>
      {enumOptions.map((option, index) => {
        const itemId = getOptionId(id, index);
        return (
          <Fragment key={itemId}>
            {index === firstExclusive && index > 0 && <ChoiceDivider />}
            <ChoiceItem
              kind="checkboxes"
              id={itemId}
              label={option.label}
              hint={getOptionHint(option, options.enumHints)}
              name={htmlName ?? id}
              value={enumOptionValueEncoder(option.value, index, optionValueFormat)}
              checked={enumOptionsIsSelected(option.value, selected)}
              disabled={disabled || isOptionDisabled(options.enumDisabled, option.value)}
              autoFocus={autofocus && index === 0}
              data-behaviour={isExclusive(option.value) ? "exclusive" : undefined}
              onChange={(event) => toggle(option.value, event.target.checked)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
          </Fragment>
        );
      })}
    </ChoiceGroup>
  );
}
CheckboxesWidget.govukChrome = "fieldset" as const;
