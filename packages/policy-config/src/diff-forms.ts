/**
 * A form's changes as its questions: added, removed, reworded (word by word),
 * moved, now or no longer required, and their answers' settings or their
 * display changed. A question is a property of the form's JSON Schema, at any
 * depth (a section's questions, a list's item's questions).
 */
import { diffArrays } from "diff";
import { create } from "jsondiffpatch";

import { diffText, type TextPart } from "./diff-words.ts";
import { entriesOf, fieldOf } from "./json.ts";
import { toPointer } from "./validation/problem.ts";

/** One change of one form, in words. */
export interface FormChange {
  form: string;
  formTitle: string;
  kind: "added" | "removed" | "changed" | "moved";
  /** Where, as a JSON pointer into the new version (the old one for what is gone). */
  pointer: string;
  /** The change, without the form's name: "question 'Strengths' added". */
  what: string;
  text?: TextPart[];
}

interface FormLike {
  index: number;
  key: string;
  title: string;
  schema: unknown;
  ui: unknown;
}

interface Question {
  name: string;
  title: string;
  description: string | undefined;
  required: boolean;
  settings: Record<string, unknown>;
  display: Record<string, unknown>;
  path: (string | number)[];
}

interface Questions {
  questions: Map<string, Question>;
  /** Each group's question ids in the order they are asked (the group's ui:order, else the schema's). */
  orders: Map<string, { name: string; ids: string[] }>;
}

const compare = create({});

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

function humanise(name: string): string {
  return name
    .replace(/^ui:/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase();
}

/** The keys in the order the form shows them: rjsf's ui:order, where "*" stands for the rest. */
function orderedKeys(keys: string[], order: unknown): string[] {
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((k): k is string => typeof k === "string" && keys.includes(k));
  const rest = keys.filter((k) => !listed.includes(k));
  const star = order.indexOf("*");
  return star < 0 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

/** A node's own settings: what it asks and accepts, without its title, hint and nested questions. */
function settingsOf(node: unknown): Record<string, unknown> {
  const own = entriesOf(node !== null && typeof node === "object" ? node : {}).filter(
    ([k]) => !["title", "description", "properties", "required"].includes(k),
  );
  return Object.fromEntries(own.map(([k, v]) => [k, k === "items" && fieldOf(v, "properties") ? settingsOf(v) : v]));
}

/** A node's own display options (ui:widget, ui:help, ...), without its nested questions' or ui:order. */
function displayOf(ui: unknown): Record<string, unknown> {
  const own = entriesOf(ui !== null && typeof ui === "object" ? ui : {});
  return Object.fromEntries(own.filter(([k]) => k.startsWith("ui:") && k !== "ui:order"));
}

interface Group {
  id: string;
  name: string;
  path: (string | number)[];
}

function collect(node: unknown, ui: unknown, group: Group, out: Questions): void {
  const properties = fieldOf(node, "properties");
  if (properties === null || typeof properties !== "object" || Array.isArray(properties)) return;
  const required = fieldOf(node, "required");
  const keys = orderedKeys(Object.keys(properties), fieldOf(ui, "ui:order"));
  out.orders.set(group.id, { name: group.name, ids: keys.map((k) => `${group.id}/${k}`) });
  for (const key of keys) {
    const child = fieldOf(properties, key);
    const childUi = fieldOf(ui, key);
    const id = `${group.id}/${key}`;
    const title = text(fieldOf(child, "title")) ?? humanise(key);
    const name = group.name ? `${group.name} › ${title}` : title;
    const path = [...group.path, "properties", key];
    out.questions.set(id, {
      name,
      title,
      description: text(fieldOf(child, "description")),
      required: Array.isArray(required) && required.includes(key),
      settings: settingsOf(child),
      display: displayOf(childUi),
      path,
    });
    collect(child, childUi, { id, name, path }, out);
    const items = fieldOf(child, "items");
    collect(items, fieldOf(childUi, "items"), { id: `${id}[]`, name, path: [...path, "items"] }, out);
  }
}

function questionsOf(form: FormLike): Questions {
  const out: Questions = { questions: new Map(), orders: new Map() };
  collect(form.schema, form.ui, { id: "", name: "", path: ["forms", form.index, "schema"] }, out);
  return out;
}

function formsOf(doc: unknown): FormLike[] {
  const forms = fieldOf(doc, "forms");
  if (!Array.isArray(forms)) return [];
  return forms.flatMap((form: unknown, index) => {
    const key = text(fieldOf(form, "key"));
    if (!key) return [];
    const title = text(fieldOf(form, "title")) ?? key;
    return [{ index, key, title, schema: fieldOf(form, "schema"), ui: fieldOf(form, "uiSchema") }];
  });
}

/** What changed in a question asked in both versions. */
function questionChanges(was: Question, now: Question): Omit<FormChange, "form" | "formTitle">[] {
  const pointer = toPointer(now.path);
  const at = `question '${now.name}'`;
  const changes: Omit<FormChange, "form" | "formTitle">[] = [];
  if (was.title !== now.title)
    changes.push({
      kind: "changed",
      pointer,
      what: `question reworded from '${was.name}' to '${now.name}'`,
      text: diffText(was.title, now.title),
    });
  if (was.description !== now.description)
    changes.push({
      kind: "changed",
      pointer,
      what: `${at}: its hint ${now.description === undefined ? "removed" : was.description === undefined ? "added" : "reworded"}`,
      text: diffText(was.description ?? "", now.description ?? ""),
    });
  if (was.required !== now.required)
    changes.push({ kind: "changed", pointer, what: `${at} is ${now.required ? "now" : "no longer"} required` });
  for (const [part, words] of [
    ["settings", "its answer's settings"],
    ["display", "how it is shown"],
  ] as const) {
    const delta = compare.diff(was[part], now[part]);
    if (delta)
      changes.push({
        kind: "changed",
        pointer,
        what: `${at}: ${words} changed (${Object.keys(delta).map(humanise).join(", ")})`,
      });
  }
  return changes;
}

/** Questions asked in a different order: each one that moved, and where it now is. */
function moves(was: Questions, now: Questions): Omit<FormChange, "form" | "formTitle">[] {
  return [...now.orders].flatMap(([group, { ids }]) => {
    const before = was.orders.get(group)?.ids.filter((id) => ids.includes(id)) ?? [];
    const after = ids.filter((id) => before.includes(id));
    const moved = diffArrays(before, after).flatMap((part) => (part.added ? part.value : []));
    return moved.flatMap((id) => {
      const question = now.questions.get(id);
      if (!question) return [];
      const previous = now.questions.get(after[after.indexOf(id) - 1] ?? "");
      const where = previous ? `now after '${previous.title}'` : "now first";
      return [
        {
          kind: "moved" as const,
          pointer: toPointer(question.path),
          what: `question '${question.name}' moved: ${where}`,
        },
      ];
    });
  });
}

function diffForm(before: FormLike, after: FormLike): FormChange[] {
  const was = questionsOf(before);
  const now = questionsOf(after);
  const changes: Omit<FormChange, "form" | "formTitle">[] = [];
  for (const [id, question] of was.questions)
    if (!now.questions.has(id))
      changes.push({ kind: "removed", pointer: toPointer(question.path), what: `question '${question.name}' removed` });
  for (const [id, question] of now.questions) {
    const old = was.questions.get(id);
    if (!old)
      changes.push({ kind: "added", pointer: toPointer(question.path), what: `question '${question.name}' added` });
    else changes.push(...questionChanges(old, question));
  }
  changes.push(...moves(was, now));
  const settings = compare.diff(settingsOf(before.schema), settingsOf(after.schema));
  if (settings)
    changes.push({
      kind: "changed",
      pointer: toPointer(["forms", after.index, "schema"]),
      what: `its settings changed (${Object.keys(settings).map(humanise).join(", ")})`,
    });
  return changes.map((change) => ({ ...change, form: after.key, formTitle: after.title }));
}

/**
 * The changes of every form in both versions, question by question, and each
 * form the new version no longer has ("the form is removed"). A form only in
 * the new version has no changes: it is new.
 */
export function diffForms(before: unknown, after: unknown): FormChange[] {
  const newForms = formsOf(after);
  return formsOf(before).flatMap((old) => {
    const now = newForms.find((f) => f.key === old.key);
    if (now) return diffForm(old, now);
    return [
      {
        form: old.key,
        formTitle: old.title,
        kind: "removed" as const,
        pointer: toPointer(["forms", old.index]),
        what: "the form is removed",
      },
    ];
  });
}
