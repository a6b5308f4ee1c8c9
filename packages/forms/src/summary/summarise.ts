import {
  getUiOptions,
  optionsList,
  type FieldPathList,
  type RJSFSchema,
  type SchemaUtilsType,
  type UiSchema,
} from "@rjsf/utils";

import { isAreaJudgement } from "../steward/best-fit.ts";
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

/** One field to summarise: its schema, uiSchema and answer, where it is, and what it is called. */
interface Field {
  schema: RJSFSchema;
  ui: UiSchema | undefined;
  uiOptions: ReturnType<typeof getUiOptions>;
  value: unknown;
  path: FieldPathList;
  label: string;
  context: Context;
}

const group = (field: Field, entries: SummaryEntry[]): SummaryEntry[] =>
  entries.length > 0 ? [{ kind: "group", path: field.path, title: field.label, entries }] : [];

const row = (field: Field, value: SummaryValue): SummaryEntry[] => [
  { kind: "row", path: field.path, label: field.label, value },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A stored answer as text: strings as they are, anything else as JSON. */
function toText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Agenda-item notes: one row per item with a note. */
function summariseAgendaNotes(field: Field): SummaryEntry[] {
  const notes = isRecord(field.value) ? field.value : {};
  const rows: SummaryEntry[] = getAgendaItems(field.uiOptions)
    .filter((item) => !isEmpty(notes[item.key]))
    .map((item) => ({
      kind: "row",
      path: [...field.path, item.key],
      label: item.title,
      value: toValue(toText(notes[item.key])),
    }));
  return [{ kind: "group", path: field.path, title: field.label, entries: rows }];
}

/** The best-fit grid: one row per area, listing each ticked descriptor with its category, and the evidence. */
function summariseBestFit(field: Field): SummaryEntry[] {
  const data = getBestFitData(field.uiOptions, field.context.formContext);
  const judgements = Array.isArray(field.value) ? field.value.filter(isAreaJudgement) : [];
  const rows: SummaryEntry[] = judgements.map((judgement) => {
    const area = data.areas.find((candidate) => candidate.key === judgement.area);
    const items = judgement.descriptors.map((selection) => {
      const category = data.categories.find((candidate) => candidate.key === selection.category);
      const descriptor = data.criteria
        .find((set) => set.area === judgement.area && set.category === selection.category)
        ?.descriptors.find((candidate) => candidate.key === selection.descriptor);
      return `${category?.label ?? selection.category}: ${descriptor?.text ?? selection.descriptor}`;
    });
    if (judgement.evidence) items.push(`Evidence: ${judgement.evidence}`);
    return { kind: "row", path: field.path, label: area?.label ?? judgement.area, value: { kind: "list", items } };
  });
  return [{ kind: "group", path: field.path, title: field.label, entries: rows }];
}

/** A chosen category, as its tag. */
function summariseCategory(field: Field): SummaryEntry[] {
  const { uiOptions, context, schema, ui, value } = field;
  const category = getCategories(uiOptions, context.formContext).find((candidate) => candidate.key === value);
  const text = category?.label ?? getLabelFor(schema, ui, value);
  return row(field, { kind: "text", text, tagClassName: category ? getTagClassName(category.colour) : undefined });
}

/** A list: the chosen options, a bullet list of simple answers, or one sub-section per item ("Action 2"). */
function summariseArray(field: Field, list: unknown[]): SummaryEntry[] {
  const { schema, ui, path, context } = field;
  const itemsSchema: RJSFSchema = isRecord(schema.items) ? schema.items : {};
  const resolvedItems = context.schemaUtils.retrieveSchema(itemsSchema);
  if (context.schemaUtils.isMultiSelect(schema))
    return row(field, { kind: "list", items: list.map((item) => getLabelFor(resolvedItems, ui, item)) });
  const itemUi: unknown = ui?.items;
  const itemUiSchema = isRecord(itemUi) ? itemUi : undefined;
  const itemType = Array.isArray(resolvedItems.type) ? resolvedItems.type[0] : resolvedItems.type;
  if (itemType !== "object") {
    const items = list.filter((item) => !isEmpty(item)).map((item) => getLabelFor(resolvedItems, itemUiSchema, item));
    return items.length > 0 ? row(field, { kind: "list", items }) : [];
  }
  const noun = getItemNoun(schema, ui);
  const groups: SummaryEntry[] = list.flatMap((item, index) => {
    const itemSchema = context.schemaUtils.retrieveSchema(itemsSchema, item);
    const entries = summariseObject(
      itemSchema,
      itemUiSchema,
      isRecord(item) ? item : undefined,
      [...path, index],
      context,
    );
    return entries.length > 0
      ? [{ kind: "group" as const, path: [...path, index], title: `${noun} ${index + 1}`, entries }]
      : [];
  });
  return group(field, groups);
}

/** A rating: the number and, when the scale names it, its words ("4 Embedded"). */
function summariseRating(field: Field): SummaryEntry[] {
  const { schema, value } = field;
  const labels: unknown = field.uiOptions.labels;
  const minimum = typeof schema.minimum === "number" ? schema.minimum : 1;
  const words: unknown = Array.isArray(labels)
    ? labels[Number(value) - minimum]
    : isRecord(labels)
      ? labels[String(value)]
      : undefined;
  const number = String(value);
  return row(field, { kind: "text", text: typeof words === "string" && words ? `${number} ${words}` : number });
}

/** An object chosen from several shapes (oneOf/anyOf), summarised by the option it matches. */
function summariseChosenShape(field: Field, options: RJSFSchema[], value: Record<string, unknown>): SummaryEntry[] {
  const { context, ui, path } = field;
  const index = context.schemaUtils.getClosestMatchingOption(value, options, 0);
  const option = context.schemaUtils.retrieveSchema(options[index] ?? {}, value);
  return group(field, summariseObject(option, ui, value, path, context));
}

/** Summarises any field by what it is: a Steward widget, a section, a list, a choice, or a plain answer. */
function summariseField(
  schema: RJSFSchema,
  ui: UiSchema | undefined,
  value: unknown,
  path: FieldPathList,
  label: string,
  context: Context,
): SummaryEntry[] {
  const uiOptions = getUiOptions(ui);
  const { widget, field: fieldName } = uiOptions;
  if (widget === "hidden" || isEmpty(value)) return [];
  const field: Field = { schema, ui, uiOptions, value, path, label, context };
  if (fieldName === "agendaNotes" || fieldName === "AgendaNotesField") return summariseAgendaNotes(field);
  if (widget === "bestFit" || widget === "BestFitWidget") return summariseBestFit(field);
  if (widget === "categorySelector" || widget === "CategorySelectorWidget") return summariseCategory(field);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const options = (schema.oneOf ?? schema.anyOf ?? []).filter((option): option is RJSFSchema => isRecord(option));
  if (options.length > 0 && isRecord(value) && !schema.properties) return summariseChosenShape(field, options, value);
  if (type === "object" || (schema.properties && type === undefined))
    return group(field, summariseObject(schema, ui, isRecord(value) ? value : undefined, path, context));
  if (type === "array") return summariseArray(field, Array.isArray(value) ? value : []);
  if (schema.enum || schema.oneOf || schema.anyOf || type === "boolean")
    return row(field, { kind: "text", text: getLabelFor(schema, ui, value) });
  if (widget === "ratingScale" || widget === "RatingScaleWidget") return summariseRating(field);
  const text = formatScalar(schema, ui, value);
  return row(field, typeof value === "string" && !(schema.format === "date") ? toValue(text) : { kind: "text", text });
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
    const candidateUi: unknown = ui?.[key];
    const propertyUi = isRecord(candidateUi) ? candidateUi : undefined;
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
