import type { RJSFSchema } from "@rjsf/utils";
import { useMemo } from "react";

import { GovukForm } from "@steward/forms";

import { type Schema } from "../fields/studio-schema.ts";
import { buildUiSchema, META_FIELDS } from "../meta-form.tsx";

/** How the studio's forms fill in what a document leaves out: never, so loading and saving changes nothing. */
export const STUDIO_DEFAULTS = {
  emptyObjectFields: "skipDefaults",
  arrayMinItems: { populate: "never" },
} as const;

/**
 * A part of the document as a form generated from the studio's meta-schema: a whole section, or one item of a list
 * section. Its ids start with `idPrefix` (`categories_3`), so a problem at `/categories/3/label` links to its field.
 */
export function SchemaForm({
  idPrefix,
  schema,
  value,
  extraErrors,
  readonly = false,
  onChange,
}: {
  idPrefix: string;
  schema: Schema;
  value: unknown;
  extraErrors?: Record<string, unknown> | undefined;
  readonly?: boolean;
  onChange?: ((value: unknown) => void) | undefined;
}) {
  // The part's own title is a heading on the page already.
  const uiSchema = useMemo(
    () => ({ ...buildUiSchema(schema), "ui:label": false, "ui:submitButtonOptions": { norender: true } }),
    [schema],
  );
  const rjsfSchema: RJSFSchema = schema;
  return (
    <GovukForm<unknown>
      schema={rjsfSchema}
      uiSchema={uiSchema}
      formData={value}
      fields={META_FIELDS}
      idPrefix={idPrefix}
      noValidate
      readonly={readonly}
      showErrorList={false}
      extraErrors={extraErrors}
      formContext={{ govuk: { showTitle: false, markOptional: true } }}
      experimental_defaultFormStateBehavior={STUDIO_DEFAULTS}
      onChange={(event) => onChange?.(event.formData)}
    >
      <></>
    </GovukForm>
  );
}
