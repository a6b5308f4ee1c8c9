import {
  examplesId,
  getInputProps,
  type BaseInputTemplateProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";
import type { ChangeEvent, FocusEvent } from "react";

import { getDescribedBy, getInputClassName, getWidthClassName } from "../../shared/widget-props.ts";

/**
 * Every single-line input: a GOV.UK text input (`govuk-input`), with width, prefix and suffix from `ui:options`.
 * Numbers use a text input with `inputmode`, as GOV.UK advises, not `type=number`: the field parses the text and
 * validation says "must be a number" when it is not one.
 */
export default function BaseInputTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: BaseInputTemplateProps<T, S, F>) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    type,
    placeholder,
  } = props;
  const inputProps = getInputProps<T, S, F>(schema, type, options);
  const schemaType = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const isNumeric =
    inputProps.type === "number" || (type === undefined && (schemaType === "number" || schemaType === "integer"));
  const htmlType = isNumeric ? "text" : inputProps.type;
  const width = getWidthClassName(options.width) ?? (isNumeric ? "govuk-input--width-10" : undefined);
  const examples = Array.isArray(schema.examples) ? (schema.examples as unknown[]) : [];
  const handleChange = ({ target: { value: next } }: ChangeEvent<HTMLInputElement>) =>
    onChange(next === "" ? options.emptyValue : next);
  const handleBlur = ({ target }: FocusEvent<HTMLInputElement>) => onBlur(id, target.value);
  const handleFocus = ({ target }: FocusEvent<HTMLInputElement>) => onFocus(id, target.value);
  const prefix = typeof options.prefix === "string" ? options.prefix : undefined;
  const suffix = typeof options.suffix === "string" ? options.suffix : undefined;
  const isTextual =
    htmlType === "text" ||
    htmlType === "email" ||
    htmlType === "url" ||
    htmlType === "tel" ||
    htmlType === "search" ||
    htmlType === "password";
  const input = (
    <input
      id={id}
      name={htmlName ?? id}
      type={htmlType}
      className={getInputClassName("govuk-input", props, width, htmlType === "color" && "steward-input--color")}
      value={value === undefined || value === null ? "" : String(value)}
      placeholder={placeholder || undefined}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      inputMode={isNumeric ? (schemaType === "integer" ? "numeric" : "decimal") : undefined}
      spellCheck={htmlType === "email" || htmlType === "url" || isNumeric ? false : undefined}
      autoComplete={
        typeof options.autocomplete === "string" ? options.autocomplete : htmlType === "email" ? "email" : undefined
      }
      min={isNumeric || isTextual ? undefined : inputProps.min}
      max={isNumeric || isTextual ? undefined : inputProps.max}
      step={isNumeric || isTextual ? undefined : inputProps.step}
      list={examples.length > 0 ? examplesId(id) : undefined}
      aria-describedby={getDescribedBy(props)}
      onChange={onChangeOverride ?? handleChange}
      onBlur={handleBlur}
      onFocus={handleFocus}
    />
  );
  return (
    <>
      {prefix || suffix ? (
        <div className="govuk-input__wrapper">
          {prefix && (
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
          )}
          {input}
          {suffix && (
            <div className="govuk-input__suffix" aria-hidden="true">
              {suffix}
            </div>
          )}
        </div>
      ) : (
        input
      )}
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
