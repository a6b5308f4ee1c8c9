import { useState, type FormEvent } from "react";

import { DateInput, Select, TextInput } from "./fields.tsx";
import { SubmitButton } from "./submit-button.tsx";

/** One filter of a list: a text box, a choice from a list, or a date. */
export type FilterField =
  | { kind: "text"; name: string; label: string; hint?: string; search?: boolean }
  | { kind: "select"; name: string; label: string; placeholder: string; options: { value: string; label: string }[] }
  | { kind: "date"; name: string; label: string };

/**
 * A list's filters as one GOV.UK form: the text boxes and lists side by side,
 * dates below them. Applying hands on only the filters with a value (text
 * trimmed), ready for the page's search parameters.
 */
export function FilterForm({
  fields,
  initial,
  onApply,
  submitLabel = "Search",
}: {
  fields: readonly FilterField[];
  initial: Readonly<Record<string, string | number | undefined>>;
  onApply: (params: Record<string, string>) => void;
  submitLabel?: string;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, String(initial[f.name] ?? "")])),
  );
  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const entries = Object.entries(values).map(([name, value]) => [name, value.trim()] as const);
    onApply(Object.fromEntries(entries.filter(([, value]) => value)));
  };
  const field = (f: FilterField) => {
    const value = values[f.name] ?? "";
    switch (f.kind) {
      case "text":
        return (
          <TextInput
            key={f.name}
            id={f.name}
            label={f.label}
            hint={f.hint}
            value={value}
            onChange={set(f.name)}
            inputMode={f.search ? "search" : undefined}
          />
        );
      case "select":
        return (
          <Select
            key={f.name}
            id={f.name}
            label={f.label}
            value={value}
            onChange={set(f.name)}
            placeholder={f.placeholder}
            options={f.options}
          />
        );
      case "date":
        return <DateInput key={f.name} id={f.name} label={f.label} value={value} onChange={set(f.name)} />;
    }
  };
  const dates = fields.filter((f) => f.kind === "date");
  const submit = <SubmitButton>{submitLabel}</SubmitButton>;
  return (
    <form noValidate onSubmit={apply}>
      <div className="steward-inline-filters">
        {fields.filter((f) => f.kind !== "date").map(field)}
        {dates.length === 0 && submit}
      </div>
      {dates.map(field)}
      {dates.length > 0 && submit}
    </form>
  );
}
