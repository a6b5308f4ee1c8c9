import { ADDITIONAL_PROPERTY_FLAG, buttonId, type WrapIfAdditionalTemplateProps } from "@rjsf/utils";

/**
 * A property the user named (JSON Schema `additionalProperties`): a text input for its name beside the usual field,
 * and a Remove button. Ordinary properties pass straight through.
 */
export default function WrapIfAdditionalTemplate(props: WrapIfAdditionalTemplateProps) {
  const { id, label, children, disabled, readonly, schema, uiSchema, onKeyRenameBlur, onRemoveProperty, registry } =
    props;
  if (!(ADDITIONAL_PROPERTY_FLAG in schema)) return <>{children}</>;
  const { RemoveButton } = registry.templates.ButtonTemplates;
  const keyId = `${id}-key`;
  return (
    <div className="steward-additional-property">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={keyId}>
          Name for {label}
        </label>
        <input
          id={keyId}
          name={keyId}
          type="text"
          className="govuk-input govuk-!-width-one-half"
          defaultValue={label}
          disabled={disabled || readonly}
          onBlur={readonly ? undefined : onKeyRenameBlur}
        />
      </div>
      {children}
      {!readonly && !disabled && (
        <RemoveButton id={buttonId(id, "remove")} onClick={onRemoveProperty} uiSchema={uiSchema} registry={registry}>
          Remove<span className="govuk-visually-hidden"> {label}</span>
        </RemoveButton>
      )}
    </div>
  );
}
