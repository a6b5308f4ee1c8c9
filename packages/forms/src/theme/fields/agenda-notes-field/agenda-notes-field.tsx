import {
  descriptionId,
  errorId,
  getUiOptions,
  type FieldProps,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
} from "@rjsf/utils";

import { cx } from "../../../govuk/class-names.ts";
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

function getItemMaxLength(schema: StrictRJSFSchema, key: string): number | undefined {
  const property = schema.properties?.[key];
  if (typeof property === "object" && typeof property.maxLength === "number") return property.maxLength;
  const additional = schema.additionalProperties;
  return typeof additional === "object" && typeof additional.maxLength === "number" ? additional.maxLength : undefined;
}

/**
 * Notes against each item of the term's agenda (`ui:field: agendaNotes`): one GOV.UK textarea per item, titled with
 * the item and hinted with its prompts, with a character count when the schema sets a `maxLength`. Pass the items in
 * `ui:options.items` (or the whole agenda in `ui:options.agenda`). Value: `Record<itemKey, string>`.
 */
export default function AgendaNotesField<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: FieldProps<T, S, F>) {
  const {
    fieldPathId,
    formData,
    errorSchema,
    uiSchema,
    registry,
    schema,
    onChange,
    onBlur,
    onFocus,
    readonly,
    disabled,
  } = props;
  const options = getUiOptions<T, S, F>(uiSchema, registry.globalUiOptions);
  const items = getAgendaItems(options);
  const notes = (formData ?? {}) as Record<string, string | undefined>;
  const { idSeparator } = registry.globalFormOptions;
  const rows = typeof options.rows === "number" ? options.rows : 4;
  const update = (key: string, text: unknown) => {
    const next: Record<string, string> = {};
    for (const [itemKey, note] of Object.entries(notes))
      if (itemKey !== key && typeof note === "string") next[itemKey] = note;
    if (typeof text === "string" && text !== "") next[key] = text;
    onChange((Object.keys(next).length > 0 ? next : undefined) as T | undefined, fieldPathId.path);
  };
  return (
    <div className="steward-agenda-notes">
      {items.map((item) => {
        const id = `${fieldPathId.$id}${idSeparator}${item.key}`;
        const errors =
          (errorSchema as Record<string, { __errors?: string[] } | undefined> | undefined)?.[item.key]?.__errors ?? [];
        const prompts = item.prompts ?? [];
        const maxLength = getItemMaxLength(schema, item.key);
        return (
          <div key={item.key} className={cx("govuk-form-group", errors.length > 0 && "govuk-form-group--error")}>
            <label className="govuk-label govuk-label--s" htmlFor={id}>
              {item.title}
            </label>
            {prompts.length > 0 && (
              <div id={descriptionId(id)} className="govuk-hint">
                <ul className="govuk-list govuk-list--bullet govuk-hint govuk-!-margin-bottom-0">
                  {prompts.map((prompt) => (
                    <li key={prompt}>{prompt}</li>
                  ))}
                </ul>
              </div>
            )}
            {errors.length > 0 && (
              <p id={errorId(id)} className="govuk-error-message">
                <span className="govuk-visually-hidden">Error:</span> {errors[0]}
              </p>
            )}
            <TextareaWidget<T, S, F>
              id={id}
              name={item.key}
              label={item.title}
              value={notes[item.key] ?? ""}
              schema={
                {
                  type: "string",
                  ...(maxLength ? { maxLength } : {}),
                  ...(prompts.length > 0 ? { description: prompts.join(" ") } : {}),
                } as S
              }
              options={{ rows }}
              registry={registry}
              readonly={readonly}
              disabled={disabled}
              rawErrors={errors}
              onChange={(text: unknown) => update(item.key, text)}
              onBlur={onBlur}
              onFocus={onFocus}
            />
          </div>
        );
      })}
    </div>
  );
}
AgendaNotesField.govukChrome = "fieldset" as const;
AgendaNotesField.govukLabelSize = "m" as const;
