import type { MultiSchemaFieldTemplateProps } from "@rjsf/utils";
import { isValidElement } from "react";

/**
 * A oneOf/anyOf choice: the option selector, labelled with the field's title (rjsf draws the selector without a
 * label of its own), then the questions of the chosen option.
 */
export default function MultiSchemaFieldTemplate({
  schema,
  selector,
  optionSchemaField,
}: MultiSchemaFieldTemplateProps) {
  const selectorId =
    isValidElement<{ id?: unknown }>(selector) && typeof selector.props.id === "string" ? selector.props.id : undefined;
  return (
    <div className="steward-multi-schema">
      <div className="govuk-form-group">
        {selectorId && (
          <label className="govuk-label govuk-label--s" htmlFor={selectorId}>
            {typeof schema.title === "string" && schema.title ? schema.title : "Choose an option"}
          </label>
        )}
        {selector}
      </div>
      {optionSchemaField}
    </div>
  );
}
