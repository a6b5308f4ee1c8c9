import { examplesId, getInputProps, type BaseInputTemplateProps } from "@rjsf/utils";
import type { ChangeEvent, FocusEvent } from "react";

import { InputAffixes, InputControl } from "../../../govuk/controls.tsx";
import { getControlState, getDescribedBy, getWidthClassName } from "../../shared/widget-props.ts";

const TEXTUAL_TYPES = new Set(["text", "email", "url", "tel", "search", "password"]);

/** What kind of input a field gets: numbers are text inputs with `inputmode`, as GOV.UK advises. */
function getInputKind(props: BaseInputTemplateProps) {
  const { schema, options } = props;
  const type = typeof props.type === "string" ? props.type : undefined;
  const inputProps = getInputProps(schema, type, options);
  const schemaType = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const isNumeric =
    inputProps.type === "number" || (type === undefined && (schemaType === "number" || schemaType === "integer"));
  const htmlType = isNumeric ? "text" : inputProps.type;
  // Number bounds are checked by validation, with GOV.UK's words; only ranges and dates keep the browser's.
  const hasBounds = !isNumeric && !TEXTUAL_TYPES.has(htmlType ?? "");
  return {
    htmlType,
    isNumeric,
    inputMode: isNumeric ? (schemaType === "integer" ? ("numeric" as const) : ("decimal" as const)) : undefined,
    bounds: hasBounds ? { min: inputProps.min, max: inputProps.max, step: inputProps.step } : {},
    width: getWidthClassName(options.width) ?? (isNumeric ? "govuk-input--width-10" : undefined),
  };
}

/** The text an input shows for the field's value: numbers and booleans as written, nothing for no answer. */
function toInputText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return "";
}

function getAutocomplete(autocomplete: unknown, htmlType: string | undefined): string | undefined {
  if (typeof autocomplete === "string") return autocomplete;
  return htmlType === "email" ? "email" : undefined;
}

/**
 * Every single-line input: a GOV.UK text input (`govuk-input`), with width, prefix and suffix from `ui:options`.
 * Numbers use a text input with `inputmode`, as GOV.UK advises, not `type=number`: the field parses the text and
 * validation says "must be a number" when it is not one.
 */
export default function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const { options, schema, placeholder } = props;
  const { htmlType, isNumeric, inputMode, bounds, width } = getInputKind(props);
  const examples: unknown[] = Array.isArray(schema.examples) ? schema.examples : [];
  const handleChange = ({ target: { value: next } }: ChangeEvent<HTMLInputElement>) =>
    onChange(next === "" ? options.emptyValue : next);
  return (
    <>
      <InputAffixes
        prefix={typeof options.prefix === "string" ? options.prefix : undefined}
        suffix={typeof options.suffix === "string" ? options.suffix : undefined}
      >
        <InputControl
          {...getControlState(props, width, htmlType === "color" && "steward-input--color")}
          id={id}
          name={htmlName ?? id}
          type={htmlType}
          value={toInputText(value)}
          placeholder={placeholder || undefined}
          readOnly={readonly}
          disabled={disabled}
          autoFocus={autofocus}
          inputMode={inputMode}
          spellCheck={htmlType === "email" || htmlType === "url" || isNumeric ? false : undefined}
          autoComplete={getAutocomplete(options.autocomplete, htmlType)}
          {...bounds}
          list={examples.length > 0 ? examplesId(id) : undefined}
          aria-describedby={getDescribedBy(props)}
          onChange={onChangeOverride ?? handleChange}
          onBlur={({ target }: FocusEvent<HTMLInputElement>) => onBlur(id, target.value)}
          onFocus={({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value)}
        />
      </InputAffixes>
      {examples.length > 0 && (
        <datalist id={examplesId(id)}>
          {examples.map((example) => (
            <option key={String(example)} value={String(example)} />
          ))}
        </datalist>
      )}
    </>
  );
}
