import {
  getUiOptions,
  optionsList,
  type FieldPathList,
  type RJSFSchema,
  type SchemaUtilsType,
  type UiSchema,
} from "@rjsf/utils";

import type { AreaJudgement } from "../steward/best-fit.ts";
import { getTagClassName } from "../steward/tag-colour.ts";
import { getAgendaItems } from "../theme/fields/agenda-notes-field/agenda-notes-field.tsx";
import { getItemNoun } from "../theme/shared/array-context.ts";
import { formatDate, formatDateTime, getDataUrlFileName } from "../theme/shared/text.ts";
import { getBestFitData } from "../theme/widgets/best-fit-widget/best-fit-widget.tsx";
import { getCategories } from "../theme/widgets/category-selector-widget/category-selector-widget.tsx";

/** An answer as the summary shows it. */
export type SummaryValue =
  | { kind: "text"; text: string; tagClassName?: string }
  | { kind: "list"; items: string[] }
  | { kind: "paragraphs"; paragraphs: string[] };

/** One answered question. */
export interface SummaryRow {
  kind: "row";
  path: FieldPathList;
  label: string;
  value: SummaryValue;
}

/** A section (nested object) or list item, with its own answers. */
export interface SummaryGroup {
  kind: "group";
  path: FieldPathList;
  title: string;
  entries: SummaryEntry[];
}

export type SummaryEntry = SummaryRow | SummaryGroup;

interface Context {
  schemaUtils: SchemaUtilsType;
  formContext: unknown;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function getOrderedKeys(schema: RJSFSchema, ui: UiSchema | undefined): string[] {
  const keys = Object.keys(schema.properties ?? {});
  const order = getUiOptions(ui).order;
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => typeof key === "string" && keys.includes(key));
  return [...listed, ...keys.filter((key) => !listed.includes(key))];
}

function getLabelFor(schema: RJSFSchema, ui: UiSchema | undefined, value: unknown): string {
  const options = optionsList(schema, ui);
  const match = options?.find((option) => option.value === value);
  if (match) return match.label;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  return formatScalar(schema, ui, value);
}

function formatScalar(schema: RJSFSchema, ui: UiSchema | undefined, value: unknown): string {
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string") {
    const widget = getUiOptions(ui).widget;
    if (schema.format === "date" || widget === "date" || widget === "alt-date") return formatDate(value);
    if (schema.format === "date-time" || widget === "date-time" || widget === "alt-datetime")
      return formatDateTime(value);
    if (schema.format === "data-url" || value.startsWith("data:")) return getDataUrlFileName(value) ?? "File attached";
    return value;
  }
  return String(value);
}

/** Text with line breaks becomes paragraphs, so a letter or report keeps the writer's breaks. */
function toValue(text: string): SummaryValue {
  if (!text.includes("\n")) return { kind: "text", text };
  return {
    kind: "paragraphs",
    paragraphs: text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

function getTitle(schema: RJSFSchema, ui: UiSchema | undefined, fallback: string): string {
  const uiTitle = getUiOptions(ui).title;
  return (typeof uiTitle === "string" && uiTitle) || schema.title || fallback;
}

function summariseField(
  schema: RJSFSchema,
  ui: UiSchema | undefined,
  value: unknown,
  path: FieldPathList,
  label: string,
  context: Context,
): SummaryEntry[] {
  const uiOptions = getUiOptions(ui);
  const widget = uiOptions.widget;
  const field = uiOptions.field;
  if (widget === "hidden" || isEmpty(value)) return [];
  if (field === "agendaNotes" || field === "AgendaNotesField") {
    const items = getAgendaItems(uiOptions);
    const notes = value as Record<string, string>;
    const rows: SummaryEntry[] = items
      .filter((item) => !isEmpty(notes[item.key]))
      .map((item) => ({
        kind: "row",
        path: [...path, item.key],
        label: item.title,
        value: toValue(String(notes[item.key])),
      }));
    return [{ kind: "group", path, title: label, entries: rows }];
  }
  if (widget === "bestFit" || widget === "BestFitWidget") {
    const data = getBestFitData(uiOptions, context.formContext);
    const rows: SummaryEntry[] = (value as AreaJudgement[]).map((judgement) => {
      const area = data.areas.find((candidate) => candidate.key === judgement.area);
      const items = judgement.descriptors.map((selection) => {
        const category = data.categories.find((candidate) => candidate.key === selection.category);
        const descriptor = data.criteria
          .find((set) => set.area === judgement.area && set.category === selection.category)
          ?.descriptors.find((candidate) => candidate.key === selection.descriptor);
        return `${category?.label ?? selection.category}: ${descriptor?.text ?? selection.descriptor}`;
      });
      if (judgement.evidence) items.push(`Evidence: ${judgement.evidence}`);
      return { kind: "row", path, label: area?.label ?? judgement.area, value: { kind: "list", items } };
    });
    return [{ kind: "group", path, title: label, entries: rows }];
  }
  if (widget === "categorySelector" || widget === "CategorySelectorWidget") {
    const category = getCategories(uiOptions, context.formContext).find((candidate) => candidate.key === value);
    const text = category?.label ?? getLabelFor(schema, ui, value);
    return [
      {
        kind: "row",
        path,
        label,
        value: { kind: "text", text, tagClassName: category ? getTagClassName(category.colour) : undefined },
      },
    ];
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const options = (schema.oneOf ?? schema.anyOf ?? []).filter(
    (option): option is RJSFSchema => typeof option === "object",
  );
  if (
    options.length > 0 &&
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !schema.properties
  ) {
    // An object chosen from several shapes (oneOf/anyOf): summarise it by the option it matches.
    const index = context.schemaUtils.getClosestMatchingOption(value, options, 0);
    const option = context.schemaUtils.retrieveSchema(options[index] ?? {}, value);
    const entries = summariseObject(option, ui, value as Record<string, unknown>, path, context);
    return entries.length > 0 ? [{ kind: "group", path, title: label, entries }] : [];
  }
  if (type === "object" || (schema.properties && type === undefined)) {
    const entries = summariseObject(schema, ui, value as Record<string, unknown>, path, context);
    return entries.length > 0 ? [{ kind: "group", path, title: label, entries }] : [];
  }
  if (type === "array") {
    const list = value as unknown[];
    const itemsSchema = (
      typeof schema.items === "object" && !Array.isArray(schema.items) ? schema.items : {}
    ) as RJSFSchema;
    if (context.schemaUtils.isMultiSelect(schema)) {
      const resolvedItems = context.schemaUtils.retrieveSchema(itemsSchema);
      return [
        {
          kind: "row",
          path,
          label,
          value: { kind: "list", items: list.map((item) => getLabelFor(resolvedItems, ui, item)) },
        },
      ];
    }
    const itemUi = ui?.items as UiSchema | undefined;
    const noun = getItemNoun(schema as { title?: string; items?: unknown }, ui);
    const resolvedItems = context.schemaUtils.retrieveSchema(itemsSchema);
    const itemType = Array.isArray(resolvedItems.type) ? resolvedItems.type[0] : resolvedItems.type;
    if (itemType !== "object") {
      const items = list.filter((item) => !isEmpty(item)).map((item) => getLabelFor(resolvedItems, itemUi, item));
      return items.length > 0 ? [{ kind: "row", path, label, value: { kind: "list", items } }] : [];
    }
    const groups: SummaryEntry[] = list.flatMap((item, index) => {
      const itemSchema = context.schemaUtils.retrieveSchema(itemsSchema, item);
      const entries = summariseObject(itemSchema, itemUi, item as Record<string, unknown>, [...path, index], context);
      return entries.length > 0
        ? [{ kind: "group" as const, path: [...path, index], title: `${noun} ${index + 1}`, entries }]
        : [];
    });
    return groups.length > 0 ? [{ kind: "group", path, title: label, entries: groups }] : [];
  }
  if (schema.enum || schema.oneOf || schema.anyOf || type === "boolean")
    return [{ kind: "row", path, label, value: { kind: "text", text: getLabelFor(schema, ui, value) } }];
  if (widget === "ratingScale" || widget === "RatingScaleWidget") {
    const labels = uiOptions.labels as Record<string, string> | string[] | undefined;
    const words = Array.isArray(labels)
      ? labels[Number(value) - (typeof schema.minimum === "number" ? schema.minimum : 1)]
      : labels?.[String(value)];
    return [
      { kind: "row", path, label, value: { kind: "text", text: words ? `${String(value)} ${words}` : String(value) } },
    ];
  }
  const text = formatScalar(schema, ui, value);
  return [
    {
      kind: "row",
      path,
      label,
      value: typeof value === "string" && !(schema.format === "date") ? toValue(text) : { kind: "text", text },
    },
  ];
}

function summariseObject(
  schema: RJSFSchema,
  ui: UiSchema | undefined,
  data: Record<string, unknown> | undefined,
  path: FieldPathList,
  context: Context,
): SummaryEntry[] {
  const resolved = context.schemaUtils.retrieveSchema(schema, data);
  return getOrderedKeys(resolved, ui).flatMap((key) => {
    const property = resolved.properties?.[key];
    if (typeof property !== "object") return [];
    const value = data?.[key];
    const propertySchema = context.schemaUtils.retrieveSchema(property, value);
    const propertyUi = ui?.[key] as UiSchema | undefined;
    return summariseField(
      propertySchema,
      propertyUi,
      value,
      [...path, key],
      getTitle(propertySchema, propertyUi, key),
      context,
    );
  });
}

/**
 * Every answered question of a form, in the form's order, with the schema's titles and answers in words: option
 * labels, "Yes"/"No", dates as "5 September 2021", file names, lists. Sections and list items become groups.
 */
export function summariseAnswers(
  schema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  formData: unknown,
  schemaUtils: SchemaUtilsType,
  formContext?: unknown,
): SummaryEntry[] {
  return summariseObject(schema, uiSchema, formData as Record<string, unknown> | undefined, [], {
    schemaUtils,
    formContext,
  });
}
