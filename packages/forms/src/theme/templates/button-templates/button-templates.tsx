import {
  getSubmitButtonOptions,
  type FormContextType,
  type IconButtonProps,
  type RJSFSchema,
  type StrictRJSFSchema,
  type SubmitButtonProps,
  type TemplatesType,
} from "@rjsf/utils";

import { cx } from "../../../govuk/class-names.ts";

/** The form's submit button: a GOV.UK primary button ("Submit", or `ui:submitButtonOptions.submitText`). */
function SubmitButton<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ uiSchema }: SubmitButtonProps<T, S, F>) {
  const { submitText, norender, props: buttonProps = {} } = getSubmitButtonOptions<T, S, F>(uiSchema);
  if (norender) return null;
  const { className, ...rest } = buttonProps as { className?: string; disabled?: boolean };
  return (
    <button type="submit" className={cx("govuk-button", className)} data-module="govuk-button" {...rest}>
      {submitText}
    </button>
  );
}

function GovukButton<T, S extends StrictRJSFSchema, F extends FormContextType>(
  props: IconButtonProps<T, S, F> & { variant: string; fallback: string; marker?: string },
) {
  const {
    variant,
    fallback,
    marker,
    className,
    children,
    registry: _registry,
    uiSchema: _uiSchema,
    iconType: _iconType,
    icon: _icon,
    ...rest
  } = props;
  return (
    <button
      type="button"
      className={cx("govuk-button", variant, className)}
      data-module="govuk-button"
      {...(marker ? { [marker]: "" } : {})}
      {...rest}
    >
      {children ?? fallback}
    </button>
  );
}

/** "Add another …" for lists and extra properties. */
function AddButton<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: IconButtonProps<T, S, F>,
) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Add another" />;
}

/** "Remove" for a list item. */
function RemoveButton<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: IconButtonProps<T, S, F>) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Remove" marker="data-steward-remove" />;
}

/** "Move up" for an orderable list item. */
function MoveUpButton<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: IconButtonProps<T, S, F>) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Move up" />;
}

/** "Move down" for an orderable list item. */
function MoveDownButton<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: IconButtonProps<T, S, F>) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Move down" />;
}

/** "Copy" for a copyable list item. */
function CopyButton<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: IconButtonProps<T, S, F>,
) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Copy" />;
}

/** "Clear" for a text input that allows clearing. */
function ClearButton<T = unknown, S extends StrictRJSFSchema = RJSFSchema, F extends FormContextType = FormContextType>(
  props: IconButtonProps<T, S, F>,
) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Clear" />;
}

/** A fresh set of GOV.UK button templates. */
export function generateButtonTemplates<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): TemplatesType<T, S, F>["ButtonTemplates"] {
  return {
    SubmitButton: SubmitButton<T, S, F>,
    AddButton: AddButton<T, S, F>,
    RemoveButton: RemoveButton<T, S, F>,
    MoveUpButton: MoveUpButton<T, S, F>,
    MoveDownButton: MoveDownButton<T, S, F>,
    CopyButton: CopyButton<T, S, F>,
    ClearButton: ClearButton<T, S, F>,
  };
}
