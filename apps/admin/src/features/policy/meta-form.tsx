import type { FieldProps, RJSFSchema, UiSchema } from "@rjsf/utils";
import { useEffect, useState } from "react";

import { humanise } from "@steward/ui";

import { FIELD_EDITORS } from "./editors/registry.ts";

type Schema = Record<string, unknown>;

/** A free-form JSON value (a JsonLogic rule, CASL conditions, a form's own JSON Schema), edited as JSON text. */
function JsonValueField(props: FieldProps<unknown>) {
  const { fieldPathId, formData, onChange, disabled, readonly } = props;
  const [text, setText] = useState(() => (formData === undefined ? "" : JSON.stringify(formData, null, 2)));
  const [error, setError] = useState<string>();
  useEffect(() => {
    // Follow changes made elsewhere (the JSON editor beside the form), unless this box holds an unfinished edit.
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current || "null")) === JSON.stringify(formData ?? null)) return current;
      } catch {
        return current;
      }
      return formData === undefined ? "" : JSON.stringify(formData, null, 2);
    });
  }, [formData]);
  const id = fieldPathId.$id;
  return (
    <>
      {error && (
        <p className="govuk-error-message" id={`${id}-json-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <textarea
        className={`govuk-textarea steward-code${error ? " govuk-textarea--error" : ""}`}
        id={id}
        rows={Math.min(16, Math.max(3, text.split("\n").length))}
        value={text}
        spellCheck={false}
        disabled={disabled || readonly}
        aria-describedby={error ? `${id}-json-error` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === "") {
            setError(undefined);
            onChange(undefined, fieldPathId.path);
            return;
          }
          try {
            const parsed = JSON.parse(next) as unknown;
            setError(undefined);
            onChange(parsed, fieldPathId.path);
          } catch (e) {
            setError(`This is not valid JSON yet: ${(e as Error).message}`);
          }
        }}
      />
    </>
  );
}
// The theme draws a label (not a fieldset) around this field.
JsonValueField.govukChrome = "label" as const;

const isFreeForm = (schema: Schema) =>
  schema.type === "object" &&
  schema.additionalProperties === true &&
  (!schema.properties || Object.keys(schema.properties).length === 0);

/**
 * A uiSchema for a part of the meta-schema: long texts as text areas, free-form JSON as JSON text,
 * lists as GOV.UK "add another". Generated, so a new field in the meta-schema needs no change here.
 */
export function buildUiSchema(schema: Schema): UiSchema {
  const editor = schema["x-steward-editor"];
  if (typeof editor === "string" && editor in FIELD_EDITORS) return { "ui:field": editor };
  if (isFreeForm(schema)) return { "ui:field": "jsonValue" };
  if (schema.type === "object" && schema.properties) {
    const ui: UiSchema = {};
    for (const [name, child] of Object.entries(schema.properties as Record<string, Schema>)) {
      const childUi = buildUiSchema(child);
      // A field without a title of its own is named by its key, in words ("effectiveFrom": "Effective from").
      ui[name] = child.title ? childUi : { ...childUi, "ui:title": humanise(name) };
    }
    return ui;
  }
  if (schema.type === "array" && schema.items && typeof schema.items === "object") {
    const items = schema.items as Schema;
    // A list of plain strings (support offered, prompts) reads best one per line... but keeps its items addressable.
    return { items: buildUiSchema(items), "ui:options": { orderable: false } };
  }
  if (
    schema.type === "string" &&
    typeof schema.maxLength === "number" &&
    schema.maxLength > 300 &&
    !schema.pattern &&
    !schema.format
  )
    return { "ui:widget": "textarea", "ui:options": { rows: schema.maxLength > 3000 ? 8 : 3 } };
  return {};
}

export const META_FIELDS = { jsonValue: JsonValueField, ...FIELD_EDITORS };

/** The meta-schema's part for one section, as rjsf wants it. */
export function getSectionSchema(metaSchema: Schema, section: string): RJSFSchema {
  const properties = metaSchema.properties as Record<string, RJSFSchema>;
  return properties[section] ?? { type: "object" };
}

/** Problems of one section as rjsf's extraErrors: `/categories/0/label` under `{0: {label: {__errors}}}`. */
export function toErrorSchema(problems: { pointer: string; message: string }[], section: string) {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    const parts = problem.pointer
      .split("/")
      .slice(1)
      .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
    if (parts[0] !== section) continue;
    let node = root;
    for (const part of parts.slice(1)) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(problem.message);
  }
  return root;
}

/** The id rjsf gives the field at a pointer, in a section form whose idPrefix is the section. */
export function toRjsfId(pointer: string): string {
  return pointer.split("/").slice(1).join("_");
}
