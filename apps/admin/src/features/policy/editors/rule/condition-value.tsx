import type { RuleFact, TreeOperator, TreeValue } from "@steward/policy-config";
import { Checkboxes, Select, TextInput } from "@steward/ui";

import { isListOperator, kindOf } from "./operators.ts";

interface ConditionValueProps {
  id: string;
  fact: RuleFact | undefined;
  operator: TreeOperator;
  value: TreeValue;
  onChange: (value: TreeValue) => void;
}

/** A number as typed: a number once it reads as one, else the text (the validator then says what is wrong). */
function readNumber(text: string): string | number {
  const number = Number(text);
  return text.trim() !== "" && Number.isFinite(number) ? number : text;
}

/** The list of values of `in` and `not-in`: ticked from the fact's values, or written separated by commas. */
function ListValue(props: ConditionValueProps & { values: (string | number)[] }) {
  const { id, fact, values, onChange } = props;
  if (fact?.values?.length)
    return (
      <Checkboxes
        id={id}
        label="Values"
        small
        options={fact.values.map((v) => ({ value: v.value, label: v.label }))}
        values={values.map(String)}
        onChange={onChange}
      />
    );
  const number = kindOf(fact) === "number";
  return (
    <TextInput
      id={id}
      label="Values"
      hint="Separated by commas"
      value={values.join(", ")}
      onChange={(text) =>
        onChange(
          text
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean)
            .map((part) => (number ? readNumber(part) : part)),
        )
      }
    />
  );
}

/** The value of a condition (inside the condition's fieldset, which names it), by the fact's type: a choice of its values, yes or no, a number, a date or text. */
export function ConditionValue(props: ConditionValueProps) {
  const { id, fact, operator, value, onChange } = props;
  if (isListOperator(operator)) return <ListValue {...props} values={Array.isArray(value) ? value : []} />;
  const label = "Value";
  const single = Array.isArray(value) ? "" : value;
  switch (kindOf(fact)) {
    case "choice":
      return (
        <Select
          id={id}
          label={label}
          value={String(single)}
          options={(fact?.values ?? []).map((v) => ({ value: v.value, label: v.label }))}
          onChange={onChange}
        />
      );
    case "boolean":
      return (
        <Select
          id={id}
          label={label}
          value={String(single)}
          options={[
            { value: "true", label: "Yes" },
            { value: "false", label: "No" },
          ]}
          onChange={(text) => onChange(text === "true")}
        />
      );
    case "number":
      return <TextInput id={id} label={label} value={String(single)} onChange={(text) => onChange(readNumber(text))} />;
    case "date":
      return (
        <TextInput id={id} label={label} hint="For example 2025-09-01" value={String(single)} onChange={onChange} />
      );
    case "text":
      return <TextInput id={id} label={label} value={String(single)} onChange={onChange} />;
  }
}
