import {
  enumOptionSelectedValue,
  enumOptionsIsSelected,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  getOptionValueFormat,
  type WidgetProps,
} from "@rjsf/utils";
import type { ChangeEvent } from "react";

import { InputControl, SelectControl } from "../../../govuk/controls.tsx";
import { getControlState, getDescribedBy } from "../../shared/widget-props.ts";
import CheckboxesWidget from "../checkboxes-widget/checkboxes-widget.tsx";
import { isOptionDisabled } from "../radio-widget/radio-widget.tsx";

/**
 * A GOV.UK select. A choice of several (an array) is drawn as checkboxes instead: a multiple select is hard to use,
 * and GOV.UK advises checkboxes. Read-only, it shows the chosen option's text in a read-only input.
 */
export default function SelectWidget(props: WidgetProps) {
  const {
    id,
    htmlName,
    options,
    disabled,
    readonly,
    multiple,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    placeholder,
    schema,
  } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  if (multiple) return <CheckboxesWidget {...props} />;
  const { enumOptions = [], enumDisabled } = options;
  const emptyValue: unknown = options.emptyValue;
  const optionValueFormat = getOptionValueFormat(options);
  if (readonly) {
    const chosen = enumOptions.find((option) => enumOptionsIsSelected(option.value, value));
    return (
      <InputControl
        {...getControlState(props)}
        id={id}
        type="text"
        readOnly
        value={chosen?.label ?? "Not answered"}
        aria-describedby={getDescribedBy(props)}
      />
    );
  }
  const decode = (event: ChangeEvent<HTMLSelectElement>) =>
    enumOptionValueDecoder(event.target.value, enumOptions, optionValueFormat, emptyValue);
  const selected: unknown = enumOptionSelectedValue(value, enumOptions, false, optionValueFormat, "");
  return (
    <SelectControl
      {...getControlState(props)}
      id={id}
      name={htmlName ?? id}
      value={typeof selected === "string" ? selected : ""}
      disabled={disabled}
      autoFocus={autofocus}
      aria-describedby={getDescribedBy(props)}
      onChange={(event) => onChange(decode(event))}
      onBlur={(event) => onBlur(id, decode(event))}
      onFocus={(event) => onFocus(id, decode(event))}
    >
      {schema.default === undefined && <option value="">{placeholder || "Select an option"}</option>}
      {enumOptions.map((option, index) => (
        <option
          key={index}
          value={enumOptionValueEncoder(option.value, index, optionValueFormat)}
          disabled={isOptionDisabled(enumDisabled, option.value)}
        >
          {option.label}
        </option>
      ))}
    </SelectControl>
  );
}
