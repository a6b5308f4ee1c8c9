import type { FallbackFieldTemplateProps } from "@rjsf/utils";

/** A field of unknown type: the type chooser, then the field for the chosen type. */
export default function FallbackFieldTemplate({ typeSelector, schemaField }: FallbackFieldTemplateProps) {
  return (
    <div className="steward-fallback-field">
      {typeSelector}
      {schemaField}
    </div>
  );
}
