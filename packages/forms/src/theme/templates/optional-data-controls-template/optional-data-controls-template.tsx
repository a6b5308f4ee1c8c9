import type { OptionalDataControlsTemplateProps } from "@rjsf/utils";

/** Adds or removes an optional section, as a GOV.UK secondary button. */
export default function OptionalDataControlsTemplate({
  id,
  label,
  onAddClick,
  onRemoveClick,
}: OptionalDataControlsTemplateProps) {
  if (onAddClick) {
    return (
      <button id={id} type="button" className="govuk-button govuk-button--secondary" onClick={onAddClick}>
        Add {label}
      </button>
    );
  }
  if (onRemoveClick) {
    return (
      <button id={id} type="button" className="govuk-button govuk-button--secondary" onClick={onRemoveClick}>
        Remove {label}
      </button>
    );
  }
  return <p className="govuk-body">{label}</p>;
}
