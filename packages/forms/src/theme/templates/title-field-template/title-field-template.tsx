import type { FormContextType, RJSFSchema, StrictRJSFSchema, TitleFieldProps } from "@rjsf/utils";

/** A section title as a GOV.UK medium heading. */
export default function TitleFieldTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ id, title }: TitleFieldProps<T, S, F>) {
  return (
    <h2 id={id} className="govuk-heading-m">
      {title}
    </h2>
  );
}
