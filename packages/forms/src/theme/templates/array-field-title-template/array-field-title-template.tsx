import { titleId, type ArrayFieldTitleProps } from "@rjsf/utils";

/** A list's title as a GOV.UK heading (the ArrayFieldTemplate puts its title in the fieldset legend instead). */
export default function ArrayFieldTitleTemplate({ title, fieldPathId }: ArrayFieldTitleProps) {
  if (!title) return null;
  return (
    <h2 id={titleId(fieldPathId.$id)} className="govuk-heading-m">
      {title}
    </h2>
  );
}
