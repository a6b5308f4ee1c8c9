import {
  descriptionId,
  errorId,
  getUiOptions,
  type FieldProps,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

import { ErrorMessage, LabelledField } from "../../../govuk/frame.tsx";
import TextareaWidget from "../../widgets/textarea-widget/textarea-widget.tsx";

/** One item of a visit's agenda, as the policy defines it. */
export interface AgendaItemOption {
  key: string;
  title: string;
  prompts?: string[];
}

/** The agenda items: `ui:options.items`, or `ui:options.agenda.items` (a policy agenda as it is). */
export function getAgendaItems(options: Record<string, unknown>): AgendaItemOption[] {
  if (Array.isArray(options.items)) return options.items as AgendaItemOption[];
  const agenda = options.agenda as { items?: unknown } | undefined;
  return Array.isArray(agenda?.items) ? (agenda.items as AgendaItemOption[]) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The error messages rjsf holds for one item's note. */
function getItemErrors(errorSchema: unknown, key: string): string[] {
  const item = isRecord(errorSchema) ? errorSchema[key] : undefined;
  const errors = isRecord(item) ? item.__errors : undefined;
  return Array.isArray(errors) ? errors.filter((error): error is string => typeof error === "string") : [];
}

function getItemMaxLength(schema: StrictRJSFSchema, key: string): number | undefined {
  const property = schema.properties?.[key];
  if (typeof property === "object" && typeof property.maxLength === "number") return property.maxLength;
  const additional = schema.additionalProperties;
  return typeof additional === "object" && typeof additional.maxLength === "number" ? additional.maxLength : undefined;
}

interface AgendaItemNotesProps {
  props: FieldProps;
  item: AgendaItemOption;
  note: string;
  rows: number;
  onChange: (text: unknown) => void;
}

/** One agenda item's notes: its title as the label, its prompts as the hint, a textarea (with a count). */
function AgendaItemNotes({ props, item, note, rows, onChange }: AgendaItemNotesProps) {
  const { fieldPathId, errorSchema, registry, schema, onBlur, onFocus, readonly, disabled } = props;
  const id = `${fieldPathId.$id}${registry.globalFormOptions.idSeparator}${item.key}`;
  const errors = getItemErrors(errorSchema, item.key);
  const prompts = item.prompts ?? [];
  const maxLength = getItemMaxLength(schema, item.key);
  const hint = prompts.length > 0 && (
    <div id={descriptionId(id)} className="govuk-hint">
      <ul className="govuk-list govuk-list--bullet govuk-hint govuk-!-margin-bottom-0">
        {prompts.map((prompt) => (
          <li key={prompt}>{prompt}</li>
        ))}
      </ul>
    </div>
  );
  const itemSchema: RJSFSchema = {
    type: "string",
    ...(maxLength ? { maxLength } : {}),
    ...(prompts.length > 0 ? { description: prompts.join(" ") } : {}),
  };
  return (
    <LabelledField
      id={id}
      label={item.title}
      labelClassName="govuk-label--s"
      hasError={errors.length > 0}
      hint={hint}
      error={errors.length > 0 && <ErrorMessage id={errorId(id)}>{errors[0]}</ErrorMessage>}
    >
      <TextareaWidget
        id={id}
        name={item.key}
        label={item.title}
        value={note}
        schema={itemSchema}
        options={{ rows }}
        registry={registry}
        readonly={readonly}
        disabled={disabled}
        rawErrors={errors}
        onChange={onChange}
        onBlur={onBlur}
        onFocus={onFocus}
      />
    </LabelledField>
  );
}

/** The notes after one item's text changes: an emptied note is dropped, and no notes at all is no answer. */
function updateNotes(notes: Record<string, unknown>, key: string, text: unknown): Record<string, string> | undefined {
  const next: Record<string, string> = {};
  for (const [itemKey, note] of Object.entries(notes))
    if (itemKey !== key && typeof note === "string") next[itemKey] = note;
  if (typeof text === "string" && text !== "") next[key] = text;
  return Object.keys(next).length > 0 ? next : undefined;
}

/**
 * Notes against each item of the term's agenda (`ui:field: agendaNotes`): one GOV.UK textarea per item, titled with
 * the item and hinted with its prompts, with a character count when the schema sets a `maxLength`. Pass the items in
 * `ui:options.items` (or the whole agenda in `ui:options.agenda`). Value: `Record<itemKey, string>`.
 */
export default function AgendaNotesField(props: FieldProps) {
  const { fieldPathId, uiSchema, registry, onChange } = props;
  // The theme draws any data: rjsf types it as `any`, read here as unknown.
  const formData: unknown = props.formData;
  const options = getUiOptions(uiSchema, registry.globalUiOptions);
  const notes: Record<string, unknown> = isRecord(formData) ? formData : {};
  const rows = typeof options.rows === "number" ? options.rows : 4;
  return (
    <div className="steward-agenda-notes">
      {getAgendaItems(options).map((item) => {
        const note = notes[item.key];
        return (
          <AgendaItemNotes
            key={item.key}
            props={props}
            item={item}
            note={typeof note === "string" ? note : ""}
            rows={rows}
            // rjsf's onChange takes the field's data type; this field's data is the notes object.
            onChange={(text) => onChange(updateNotes(notes, item.key, text), fieldPathId.path)}
          />
        );
      })}
    </div>
  );
}
AgendaNotesField.govukChrome = "fieldset" as const;
AgendaNotesField.govukLabelSize = "m" as const;
