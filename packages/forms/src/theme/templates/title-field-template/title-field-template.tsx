import type { TitleFieldProps } from "@rjsf/utils";

/** A section title as a GOV.UK medium heading. */
export default function TitleFieldTemplate({ id, title }: TitleFieldProps) {
  return (
    <h2 id={id} className="govuk-heading-m">
      {title}
    </h2>
  );
}
