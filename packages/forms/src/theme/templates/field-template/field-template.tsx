import {
  descriptionId,
  errorId,
  getUiOptions,
  helpId,
  type FieldTemplateProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

import { resolveWidget } from "../../shared/chrome.ts";
import { useItemLabel } from "../../shared/contexts.tsx";
import { getThemeOptions } from "../../shared/form-context.ts";
import { cx, joinIds } from "../../shared/text.ts";

export type LabelSize = "s" | "m" | "l" | "xl" | "regular";

/** The `(optional)` suffix GOV.UK puts on questions that need no answer. */
export function getOptionalSuffix(required: boolean | undefined, markOptional: boolean): string {
  return !required && markOptional ? " (optional)" : "";
}

/**
 * Frames every field the GOV.UK way: a `govuk-form-group` (with `--error` when the field has an error), then a label
 * (one control) or a fieldset and legend (a group of controls), the hint, the error message and the control. Objects
 * and arrays draw their own fieldsets; the root object gets no form group.
 */
export default function FieldTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: FieldTemplateProps<T, S, F>) {
  const {
    id,
    label,
    children,
    errors,
    rawErrors,
    help,
    rawHelp,
    description,
    rawDescription,
    hidden,
    required,
    displayLabel,
    schema,
    uiSchema,
    registry,
    hideError,
    classNames,
    fieldPathId,
  } = props;
  const itemLabel = useItemLabel(id);
  if (hidden) return <div hidden>{children}</div>;
  const { chrome, component } = resolveWidget(schema, uiSchema, registry);
  const options = getUiOptions<T, S, F>(uiSchema, registry.globalUiOptions);
  const hasError = !hideError && (rawErrors?.length ?? 0) > 0;
  const groupClassName = cx(
    "govuk-form-group",
    hasError && "govuk-form-group--error",
    typeof options.classNames === "string" && options.classNames,
  );
  if (chrome === "hidden") return children;
  if (chrome === "container") {
    if (fieldPathId.path.length === 0) return children;
    return (
      <div className={groupClassName} data-rjsf-field={classNames}>
        {children}
      </div>
    );
  }
  const { markOptional } = getThemeOptions(registry);
  const text = `${itemLabel ?? label}${getOptionalSuffix(required, markOptional)}`;
  const size = (
    typeof options.labelSize === "string" ? options.labelSize : (component?.govukLabelSize ?? "s")
  ) as LabelSize;
  const showLabel = displayLabel !== false || itemLabel !== undefined;
  const defaultHint = rawDescription || props.readonly ? undefined : component?.govukDefaultHint;
  const hint = rawDescription ? (
    description
  ) : defaultHint ? (
    <div id={descriptionId(id)} className="govuk-hint">
      {defaultHint}
    </div>
  ) : null;
  const helpText = rawHelp ? help : null;
  const errorMessage = hasError ? errors : null;
  if (chrome === "self") {
    return (
      <div className={groupClassName}>
        {helpText}
        {errorMessage}
        {children}
      </div>
    );
  }
  if (chrome === "fieldset") {
    return (
      <div className={groupClassName}>
        <fieldset
          className="govuk-fieldset"
          aria-describedby={joinIds(
            (rawDescription || defaultHint) && descriptionId(id),
            rawHelp && helpId(id),
            hasError && errorId(id),
          )}
        >
          <legend
            className={cx(
              "govuk-fieldset__legend",
              size !== "regular" && `govuk-fieldset__legend--${size}`,
              !showLabel && "govuk-visually-hidden",
            )}
          >
            {text}
          </legend>
          {hint}
          {helpText}
          {errorMessage}
          {children}
        </fieldset>
      </div>
    );
  }
  return (
    <div className={groupClassName}>
      <label
        className={cx(
          "govuk-label",
          size !== "regular" && `govuk-label--${size}`,
          !showLabel && "govuk-visually-hidden",
        )}
        htmlFor={id}
      >
        {text}
      </label>
      {hint}
      {helpText}
      {errorMessage}
      {children}
    </div>
  );
}
