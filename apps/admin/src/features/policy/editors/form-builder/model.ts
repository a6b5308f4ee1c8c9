/**
 * The form builder's pure model: a policy form's JSON Schema and uiSchema read as an ordered list of questions (and
 * pages), and written back as a schema and a uiSchema that always carries `ui:order`, so the order the administrator
 * set survives storage. Whatever the builder does not understand (a question of another kind, schema keywords,
 * uiSchema options) is kept as written.
 */

type Json = Record<string, unknown>;

/** The GOV.UK question types the builder writes; `other` is anything else, kept as written. */
export const QUESTION_TYPES = {
  text: "Short answer",
  textarea: "Long answer",
  number: "Number",
  date: "Date",
  radios: "One choice (radios)",
  checkboxes: "Several choices (checkboxes)",
  select: "One choice from a list (select)",
  yesNo: "Yes or no",
  list: "A list (add another)",
  file: "File upload",
} as const;

export type QuestionType = keyof typeof QUESTION_TYPES;
export type QuestionKind = QuestionType | "other";

export interface Question {
  /** The answer's key in the stored response. */
  name: string;
  kind: QuestionKind;
  required: boolean;
  /** Page index, for multi-page forms. */
  page?: number;
  /** The question's JSON Schema and uiSchema entry (title, hint and options live here). */
  schema: Json;
  ui: Json;
}

interface Page {
  title: string;
  description?: string;
}

export interface FormModel {
  questions: Question[];
  /** Empty: one page. */
  pages: Page[];
  /** The schema and uiSchema without their questions, kept as written. */
  schemaRest: Json;
  uiRest: Json;
}

export function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const WIDGET_KINDS: Record<string, QuestionType> = {
  textarea: "textarea",
  TextareaWidget: "textarea",
  radio: "radios",
  RadioWidget: "radios",
  checkboxes: "checkboxes",
  CheckboxesWidget: "checkboxes",
  yesNo: "yesNo",
  YesNoWidget: "yesNo",
  select: "select",
  SelectWidget: "select",
  date: "date",
  DateWidget: "date",
};

const hasChoices = (schema: Json) => Array.isArray(schema.oneOf) || Array.isArray(schema.enum);

/** The question type a field's schema and uiSchema draw, or `other`. */
function getKind(schema: Json, ui: Json): QuestionKind {
  const widget = typeof ui["ui:widget"] === "string" ? WIDGET_KINDS[ui["ui:widget"]] : undefined;
  const items = isJson(schema.items) ? schema.items : undefined;
  if (schema.type === "array" && items && hasChoices(items)) return "checkboxes";
  if (schema.type === "array" && items?.type === "string" && !hasChoices(items)) return "list";
  if (schema.type === "string" && schema.format === "data-url") return "file";
  if (schema.type === "boolean") return "yesNo";
  if (schema.type === "number" || schema.type === "integer") return "number";
  if (schema.type !== "string") return "other";
  if (schema.format === "date") return "date";
  if (hasChoices(schema)) return widget === "select" ? "select" : "radios";
  return widget === "textarea" ? "textarea" : "text";
}

const labelOf = (value: unknown) =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";

/** The choices of a radios, checkboxes or select question, as their labels. */
export function getOptions(question: Question): string[] {
  const node =
    question.kind === "checkboxes" && isJson(question.schema.items) ? question.schema.items : question.schema;
  if (Array.isArray(node.oneOf))
    return node.oneOf.filter(isJson).map((option) => labelOf(option.title ?? option.const));
  return Array.isArray(node.enum) ? node.enum.map(String) : [];
}

function readPages(uiRest: Json): { pages: Page[]; pageOf: Map<string, number> } {
  const options = isJson(uiRest["ui:options"]) ? uiRest["ui:options"] : {};
  const listed = Array.isArray(options.pages) ? options.pages.filter(isJson) : [];
  const pageOf = new Map<string, number>();
  const pages = listed.map((page, index) => {
    if (Array.isArray(page.fields)) for (const name of page.fields) pageOf.set(String(name), index);
    const title = typeof page.title === "string" ? page.title : `Page ${index + 1}`;
    return typeof page.description === "string" ? { title, description: page.description } : { title };
  });
  return { pages, pageOf };
}

/** Reads a form's schema and uiSchema as questions in the order the form asks them. */
export function readForm(schema: Json, uiSchema: Json | undefined): FormModel {
  const { properties, required, ...schemaRest } = schema;
  const fields = isJson(properties) ? properties : {};
  const ui = uiSchema ?? {};
  const uiRest = Object.fromEntries(Object.entries(ui).filter(([key]) => key.startsWith("ui:") || !(key in fields)));
  delete uiRest["ui:order"];
  const { pages, pageOf } = readPages(uiRest);
  const requiredSet = new Set(Array.isArray(required) ? required.map(String) : []);
  const order = Array.isArray(ui["ui:order"]) ? ui["ui:order"].map(String) : [];
  const names = Object.keys(fields);
  const star = order.indexOf("*");
  const listed = order.filter((name) => name in fields);
  const rest = names.filter((name) => !listed.includes(name));
  const ordered = star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
  const questions = [...new Set(ordered)].map((name): Question => {
    const fieldSchema = isJson(fields[name]) ? fields[name] : {};
    const fieldUi = isJson(ui[name]) ? ui[name] : {};
    const page = pageOf.get(name);
    return {
      name,
      kind: getKind(fieldSchema, fieldUi),
      required: requiredSet.has(name),
      ...(pages.length > 0 ? { page: page ?? pages.length - 1 } : {}),
      schema: fieldSchema,
      ui: fieldUi,
    };
  });
  return { questions, pages, schemaRest, uiRest };
}

/** Questions in page order (stable within a page): what the form asks, and in what order. */
function inPageOrder(model: FormModel): Question[] {
  if (model.pages.length === 0) return model.questions;
  return model.pages.flatMap((_, index) => model.questions.filter((q) => (q.page ?? 0) === index));
}

function writePages(model: FormModel, ui: Json): void {
  const options = isJson(model.uiRest["ui:options"]) ? { ...model.uiRest["ui:options"] } : {};
  delete options.pages;
  if (model.pages.length > 0)
    options.pages = model.pages.map((page, index) => ({
      ...page,
      fields: model.questions.filter((q) => (q.page ?? 0) === index).map((q) => q.name),
    }));
  if (Object.keys(options).length > 0) ui["ui:options"] = options;
  else delete ui["ui:options"];
}

/** Writes the model back as a schema and a uiSchema with `ui:order` naming every question. */
export function writeForm(model: FormModel): { schema: Json; uiSchema: Json } {
  const questions = inPageOrder(model);
  const required = questions.filter((q) => q.required).map((q) => q.name);
  const schema: Json = {
    ...model.schemaRest,
    type: "object",
    properties: Object.fromEntries(questions.map((q) => [q.name, q.schema])),
  };
  if (required.length > 0) schema.required = required;
  const ui: Json = { ...model.uiRest };
  for (const q of questions) if (Object.keys(q.ui).length > 0) ui[q.name] = q.ui;
  writePages(model, ui);
  ui["ui:order"] = questions.map((q) => q.name);
  return { schema, uiSchema: ui };
}
