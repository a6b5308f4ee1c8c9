import {
  titleId,
  type ArrayFieldTitleProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

/** A list's title as a GOV.UK heading (the ArrayFieldTemplate puts its title in the fieldset legend instead). */
export default function ArrayFieldTitleTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ title, fieldPathId }: ArrayFieldTitleProps<T, S, F>) {
  if (!title) return null;
  return (
    <h2 id={titleId(fieldPathId.$id)} className="govuk-heading-m">
      {title}
    </h2>
  );
}
