import type { UnsupportedFieldProps } from "@rjsf/utils";

/** A question the theme cannot draw, said plainly as GOV.UK warning text (for the form's author, not a user). */
export default function UnsupportedFieldTemplate({ schema, fieldPathId, reason }: UnsupportedFieldProps) {
  const name = typeof schema.title === "string" && schema.title ? schema.title : fieldPathId.$id;
  return (
    // data-form-problem: the server's render check (render-check.ts) finds a form it cannot draw by it.
    <div className="govuk-warning-text" data-form-problem="">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span> The question “{name}” cannot be shown: {reason}
      </strong>
    </div>
  );
}
