import type { FieldProps } from "@rjsf/utils";

import { ChoiceGroup, ChoiceItem } from "@steward/forms/govuk";

import { isSchema, type Schema } from "./studio-schema.ts";

interface Choice {
  value: string;
  title: string;
}

const readChoices = (schema: unknown): Choice[] =>
  isSchema(schema) && Array.isArray(schema.oneOf)
    ? schema.oneOf
        .filter(isSchema)
        .flatMap((option) =>
          typeof option.const === "string"
            ? [{ value: option.const, title: typeof option.title === "string" ? option.title : option.const }]
            : [],
        )
    : [];

/**
 * A union of one choice and a list of the same choices (a permission rule's action: "read", or ["read", "update"]):
 * the branches' choices, when both have the same ones. Undefined for any other schema.
 */
export function getOneOrManyChoices(schema: Schema): Choice[] | undefined {
  const branches: unknown[] = Array.isArray(schema.anyOf) ? schema.anyOf : [];
  if (branches.length !== 2) return undefined;
  const single = branches.find((branch) => isSchema(branch) && branch.type !== "array");
  const list = branches.find((branch) => isSchema(branch) && branch.type === "array");
  const choices = readChoices(single);
  const listed = isSchema(list) ? readChoices(list.items) : [];
  const same = choices.length > 0 && listed.map((c) => c.value).join() === choices.map((c) => c.value).join();
  return same ? choices : undefined;
}

const toSelected = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v) => typeof v === "string") : [];

/** Checkboxes that write one choice as a string and several as a list, in the options' order. */
export function OneOrManyField(props: FieldProps<unknown>) {
  const { fieldPathId, formData, onChange, disabled, readonly, schema } = props;
  const choices = isSchema(schema) ? (getOneOrManyChoices(schema) ?? []) : [];
  const selected = toSelected(formData);
  const id = fieldPathId.$id;
  const toggle = (value: string, checked: boolean) => {
    const next = choices.map((c) => c.value).filter((v) => (v === value ? checked : selected.includes(v)));
    onChange(next.length === 0 ? undefined : next.length === 1 ? next[0] : next, fieldPathId.path);
  };
  return (
    <ChoiceGroup kind="checkboxes" small>
      {choices.map((choice, index) => (
        <ChoiceItem
          key={choice.value}
          kind="checkboxes"
          id={index === 0 ? id : `${id}-${index}`}
          name={id}
          value={choice.value}
          label={choice.title}
          checked={selected.includes(choice.value)}
          disabled={disabled || readonly}
          onChange={(event) => toggle(choice.value, event.target.checked)}
        />
      ))}
    </ChoiceGroup>
  );
}
// The theme draws a fieldset with the field's title as its legend around these checkboxes.
OneOrManyField.govukChrome = "fieldset" as const;
