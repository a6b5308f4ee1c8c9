import type { FieldProps, UiSchema } from "@rjsf/utils";
import { useEffect, useState } from "react";

import { humanise } from "@steward/ui";

import { FIELD_EDITORS } from "./editors/registry.ts";
import { getOneOrManyChoices, OneOrManyField } from "./fields/one-or-many-field.tsx";
import { isSchema, type Schema } from "./fields/studio-schema.ts";

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

/** A choice of constants (a union of literals, or a reference to what exists): its number of options. */
const countChoices = (schema: unknown): number =>
  isSchema(schema) && schema.type !== "object" && Array.isArray(schema.oneOf)
    ? schema.oneOf.filter((option) => isSchema(option) && "const" in option).length
    : 0;

/** The property that names a list item in words, shown before its identifier. */
export const getLabelProperty = (properties: Record<string, unknown>): string | undefined =>
  ["label", "title", "text"].find((name) => name in properties);

const IDENTIFIER_HINT =
  "Made from the label when you add an item: lower-case letters and digits, words joined by hyphens. Other parts of the policy refer to it, so change it only with them.";

function buildObjectUiSchema(properties: Record<string, Schema>): UiSchema {
  const ui: UiSchema = {};
  for (const [name, child] of Object.entries(properties)) {
    const childUi = buildUiSchema(child);
    // A field without a title of its own (or a reference titled only "Key") is named by its key, in words.
    const untitled = !child.title || (child.title === "Key" && name !== "key");
    const ref = child["x-steward-ref"];
    // A reference titled only "Key" carries the key's own hint (how to write one): say what it chooses from instead.
    const refHint =
      untitled && typeof ref === "string"
        ? { "ui:description": `One of the policy's ${humanise(ref).toLowerCase()}.` }
        : {};
    ui[name] = untitled ? { ...childUi, "ui:title": humanise(name), ...refHint } : childUi;
  }
  const label = getLabelProperty(properties);
  if ("key" in properties) {
    const keyUi: UiSchema = isSchema(ui.key) ? ui.key : {};
    ui.key = { ...keyUi, "ui:title": "Identifier", "ui:description": IDENTIFIER_HINT };
    if (label) ui["ui:order"] = [label, "key", "*"];
  }
  return ui;
}

/**
 * A uiSchema for a part of the studio's meta-schema (unions of constants already choices, see studio-schema.ts):
 * long texts as text areas, free-form JSON as JSON text, a few choices as radios and more as a select, lists of
 * choices as checkboxes, lists as GOV.UK "add another". Generated, so a new field in the meta-schema needs no change.
 */
export function buildUiSchema(schema: Schema): UiSchema {
  const editor = schema["x-steward-editor"];
  if (typeof editor === "string" && editor in FIELD_EDITORS) return { "ui:field": editor };
  if (isFreeForm(schema)) return { "ui:field": "jsonValue" };
  if (getOneOrManyChoices(schema)) return { "ui:field": "oneOrMany", "ui:fieldReplacesAnyOrOneOf": true };
  if (schema.type === "object" && isSchema(schema.properties))
    return buildObjectUiSchema(schema.properties as Record<string, Schema>);
  if (schema.type === "array" && isSchema(schema.items)) {
    if (schema.uniqueItems === true && countChoices(schema.items) > 0) return { "ui:widget": "checkboxes" };
    return { items: buildUiSchema(schema.items), "ui:options": { orderable: false } };
  }
  const choices = countChoices(schema);
  if (choices > 0) return choices <= 6 && !schema["x-steward-ref"] ? { "ui:widget": "radio" } : {};
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

export const META_FIELDS = { jsonValue: JsonValueField, oneOrMany: OneOrManyField, ...FIELD_EDITORS };

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
