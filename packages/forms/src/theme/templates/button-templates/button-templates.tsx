import { getSubmitButtonOptions, type IconButtonProps, type SubmitButtonProps, type TemplatesType } from "@rjsf/utils";

import { cx } from "../../../govuk/class-names.ts";

/** The form's submit button: a GOV.UK primary button ("Submit", or `ui:submitButtonOptions.submitText`). */
function SubmitButton({ uiSchema }: SubmitButtonProps) {
  const { submitText, norender, props: buttonProps = {} } = getSubmitButtonOptions(uiSchema);
  if (norender) return null;
  const { className, ...rest } = buttonProps as { className?: string; disabled?: boolean };
  return (
    <button type="submit" className={cx("govuk-button", className)} data-module="govuk-button" {...rest}>
      {submitText}
    </button>
  );
}

function GovukButton(props: IconButtonProps & { variant: string; fallback: string; marker?: string }) {
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
function AddButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Add another" />;
}

/** "Remove" for a list item. */
function RemoveButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Remove" marker="data-steward-remove" />;
}

/** "Move up" for an orderable list item. */
function MoveUpButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Move up" />;
}

/** "Move down" for an orderable list item. */
function MoveDownButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Move down" />;
}

/** "Copy" for a copyable list item. */
function CopyButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Copy" />;
}

/** "Clear" for a text input that allows clearing. */
function ClearButton(props: IconButtonProps) {
  return <GovukButton {...props} variant="govuk-button--secondary" fallback="Clear" />;
}

/** A fresh set of GOV.UK button templates. */
export function generateButtonTemplates(): TemplatesType["ButtonTemplates"] {
  return {
    SubmitButton: SubmitButton,
    AddButton: AddButton,
    RemoveButton: RemoveButton,
    MoveUpButton: MoveUpButton,
    MoveDownButton: MoveDownButton,
    CopyButton: CopyButton,
    ClearButton: ClearButton,
  };
}
