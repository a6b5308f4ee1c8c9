/**
 * What the administrator does to a form in the builder, as pure functions from model to model: add, move, edit and
 * remove questions, and add, rename and remove pages. Every result keeps questions grouped by page, in order.
 */
import { getOptions, isJson, type FormModel, type Question, type QuestionKind, type QuestionType } from "./model.ts";

type Json = Record<string, unknown>;

/** A key for an answer from its question's words: `"How many pupils?"` -> `howManyPupils`, unique in the form. */
export function toFieldName(title: string, taken: Iterable<string>): string {
  const words = title
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9 ]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  const camel = words
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join("");
  const base = /^[a-z]/.test(camel) ? camel : `question${camel}`;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

const slug = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "option";

/** Choices as `oneOf` consts, keeping the value of any choice whose label is unchanged. */
function toChoices(labels: string[], previous: Json[]): Json[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const kept = previous.find((option) => option.title === label);
    let value = typeof kept?.const === "string" ? kept.const : slug(label);
    for (let n = 2; used.has(value); n += 1) value = `${slug(label)}-${n}`;
    used.add(value);
    return { const: value, title: label };
  });
}

function previousChoices(question: Question): Json[] {
  const node = isJson(question.schema.items) ? question.schema.items : question.schema;
  return Array.isArray(node.oneOf) ? node.oneOf.filter(isJson) : [];
}

/** The schema and uiSchema a question of a type starts with, keeping its words and choices. */
function shapeFor(kind: QuestionType, words: Json, choices: Json[]): { schema: Json; ui: Json } {
  switch (kind) {
    case "text":
      return { schema: { type: "string", ...words, maxLength: 500 }, ui: {} };
    case "textarea":
      return { schema: { type: "string", ...words, maxLength: 5000 }, ui: { "ui:widget": "textarea" } };
    case "number":
      return { schema: { type: "number", ...words }, ui: {} };
    case "date":
      return { schema: { type: "string", format: "date", ...words }, ui: { "ui:widget": "date" } };
    case "radios":
      return { schema: { type: "string", ...words, oneOf: choices }, ui: { "ui:widget": "radio" } };
    case "select":
      return { schema: { type: "string", ...words, oneOf: choices }, ui: { "ui:widget": "select" } };
    case "checkboxes":
      return {
        schema: { type: "array", ...words, uniqueItems: true, items: { type: "string", oneOf: choices } },
        ui: { "ui:widget": "checkboxes" },
      };
    case "yesNo":
      return { schema: { type: "boolean", ...words }, ui: { "ui:widget": "yesNo" } };
    case "list":
      return { schema: { type: "array", ...words, items: { type: "string", title: "Item", maxLength: 500 } }, ui: {} };
    case "file":
      return { schema: { type: "string", format: "data-url", ...words }, ui: {} };
  }
}

function wordsOf(schema: Json): Json {
  const words: Json = { title: typeof schema.title === "string" ? schema.title : "" };
  if (typeof schema.description === "string" && schema.description) words.description = schema.description;
  return words;
}

/** Questions grouped by page, each page's questions in their order. */
function grouped(model: FormModel, questions: Question[]): FormModel {
  if (model.pages.length === 0) return { ...model, questions };
  const last = model.pages.length - 1;
  const paged = questions.map((q) => ({ ...q, page: Math.min(Math.max(q.page ?? last, 0), last) }));
  return { ...model, questions: model.pages.flatMap((_, index) => paged.filter((q) => q.page === index)) };
}

/** Adds a question of a type at a position (its page is that of the question before it). */
export function addQuestion(model: FormModel, at: number, kind: QuestionType, title: string): FormModel {
  const name = toFieldName(
    title,
    model.questions.map((q) => q.name),
  );
  const choices = toChoices(["Option 1", "Option 2"], []);
  const before = model.questions[at - 1] ?? model.questions[at];
  const question: Question = { name, kind, required: false, ...shapeFor(kind, { title }, choices) };
  if (model.pages.length > 0) question.page = before?.page ?? 0;
  const questions = [...model.questions];
  questions.splice(Math.max(0, Math.min(at, questions.length)), 0, question);
  return grouped(model, questions);
}

/** Moves a question one place up (-1) or down (+1); past its page's edge it moves to the next page. */
export function moveQuestion(model: FormModel, index: number, delta: -1 | 1): FormModel {
  const question = model.questions[index];
  const neighbour = model.questions[index + delta];
  if (!question) return model;
  if (model.pages.length > 0 && (!neighbour || neighbour.page !== question.page)) {
    const page = (question.page ?? 0) + delta;
    if (page < 0 || page >= model.pages.length) return model;
    const questions = model.questions.filter((_, i) => i !== index);
    const moved = { ...question, page };
    const firstOfPage = questions.findIndex((q) => (q.page ?? 0) >= page);
    const at = delta > 0 ? (firstOfPage < 0 ? questions.length : firstOfPage) : lastIndexOfPage(questions, page) + 1;
    questions.splice(at, 0, moved);
    return grouped(model, questions);
  }
  if (!neighbour) return model;
  const questions = [...model.questions];
  questions[index] = neighbour;
  questions[index + delta] = question;
  return grouped(model, questions);
}

function lastIndexOfPage(questions: Question[], page: number): number {
  let last = -1;
  questions.forEach((q, i) => {
    if ((q.page ?? 0) <= page) last = i;
  });
  return last;
}

export function removeQuestion(model: FormModel, index: number): FormModel {
  return { ...model, questions: model.questions.filter((_, i) => i !== index) };
}

export interface QuestionChange {
  title?: string;
  hint?: string;
  required?: boolean;
  kind?: QuestionType;
  options?: string[];
  name?: string;
  page?: number;
}

function withWords(question: Question, change: QuestionChange): Question {
  const schema = { ...question.schema };
  if (change.title !== undefined) schema.title = change.title;
  if (change.hint !== undefined) {
    if (change.hint) schema.description = change.hint;
    else delete schema.description;
  }
  return { ...question, schema };
}

/** Changes a question's words, requiredness, type, choices, key or page. */
export function updateQuestion(model: FormModel, index: number, change: QuestionChange): FormModel {
  const current = model.questions[index];
  if (!current) return model;
  let question = withWords(current, change);
  if (change.required !== undefined) question.required = change.required;
  if (change.name !== undefined) question.name = change.name;
  if (change.page !== undefined) question.page = change.page;
  const kind: QuestionKind = change.kind ?? question.kind;
  if (kind !== "other" && (change.kind !== undefined || change.options !== undefined)) {
    const labels = change.options ?? getOptions(question);
    const choices = toChoices(labels.length > 0 ? labels : ["Option 1", "Option 2"], previousChoices(question));
    question = { ...question, kind, ...shapeFor(kind, wordsOf(question.schema), choices) };
  }
  const questions = model.questions.map((q, i) => (i === index ? question : q));
  return grouped(model, questions);
}

/** Adds a page at the end; a form that had none gets two (all its questions on the first). */
export function addPage(model: FormModel, title: string): FormModel {
  const pages = model.pages.length === 0 ? [{ title: "Page 1" }, { title }] : [...model.pages, { title }];
  const questions = model.questions.map((q) => ({ ...q, page: q.page ?? 0 }));
  return grouped({ ...model, pages }, questions);
}

export function renamePage(model: FormModel, index: number, title: string): FormModel {
  return { ...model, pages: model.pages.map((page, i) => (i === index ? { ...page, title } : page)) };
}

/** Removes a page; its questions join the page before it (or the next, for the first). */
export function removePage(model: FormModel, index: number): FormModel {
  const pages = model.pages.filter((_, i) => i !== index);
  if (pages.length <= 1) return { ...model, pages: [], questions: model.questions.map(({ page: _page, ...q }) => q) };
  const questions = model.questions.map((q) => {
    const page = q.page ?? 0;
    return { ...q, page: page > index || (page === index && index > 0) ? page - 1 : page };
  });
  return grouped({ ...model, pages }, questions);
}
