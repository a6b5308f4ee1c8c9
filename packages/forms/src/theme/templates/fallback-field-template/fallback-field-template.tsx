import type { FallbackFieldTemplateProps, FormContextType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

/** A field of unknown type: the type chooser, then the field for the chosen type. */
export default function FallbackFieldTemplate<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ typeSelector, schemaField }: FallbackFieldTemplateProps<T, S, F>) {
  return (
    <div className="steward-fallback-field">
      {typeSelector}
      {schemaField}
    </div>
  );
}
