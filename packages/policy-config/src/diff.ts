import { create, type Delta } from "jsondiffpatch";
import { format as formatJsonPatch, type Op } from "jsondiffpatch/formatters/jsonpatch";

import { diffForms } from "./diff-forms.ts";
import { diffPermissions } from "./diff-permissions.ts";
import { diffText, isLongTextChange, type TextPart } from "./diff-words.ts";
import { fieldOf } from "./json.ts";
import type { Cadence, Frequency } from "./schema/policy.ts";
import { toPointer } from "./validation/problem.ts";

/** One change between two policy versions, in words. */
export interface DiffEntry {
  kind: "added" | "removed" | "changed" | "moved";
  /** Where, as a JSON pointer: into the new version (into the old one for a removal). */
  pointer: string;
  /** The top-level section: categories, letterTypes, ... */
  section: string;
  message: string;
  before?: unknown;
  after?: unknown;
  /** A long text's change word by word (a letter's template, a question's wording), nothing cut. */
  text?: TextPart[];
}

export interface PolicyDiff {
  entries: DiffEntry[];
  /** The same change as an RFC 6902 JSON Patch from the old version to the new. */
  patch: Op[];
}

/**
 * Items of keyed lists are matched by key (so a reordered or renamed item is
 * not read as a removal and an addition); agendas by term; criteria by area and
 * category; plain text items by their text.
 */
const differ = create({
  objectHash(item: object, index?: number) {
    const record = item as Record<string, unknown>;
    if (typeof record.key === "string") return `key:${record.key}`;
    if (typeof record.term === "string" && Array.isArray(record.items)) return `term:${record.term}`;
    if (typeof record.area === "string" && typeof record.category === "string")
      return `criteria:${record.area}|${record.category}`;
    if (typeof record.visitType === "string") return `visit:${record.visitType}`;
    if (typeof record.meetingType === "string") return `meeting:${record.meetingType}`;
    if (typeof record.role === "string") return `role:${record.role}`;
    if (typeof record.label === "string") return `label:${record.label}`;
    return `index:${index ?? 0}:${JSON.stringify(item)}`;
  },
  arrays: { detectMove: true, includeValueOnMove: false },
  cloneDiffValues: true,
});

const SECTION_NOUNS: Record<string, string> = {
  areas: "Judgement area",
  categories: "Category",
  criteria: "Criteria",
  triggers: "Trigger",
  visitTypes: "Visit type",
  meetingTypes: "Meeting",
  letterTypes: "Letter",
  forms: "Form",
  roles: "Role",
  offers: "Offer",
  years: "Year",
  terms: "Term",
  halfTerms: "Half term",
  holidays: "Holiday",
  stages: "Stage",
  transitions: "Transition",
  priorities: "Priority",
};

const ITEM_NOUNS: Record<string, string> = {
  indicators: "indicator",
  descriptors: "descriptor",
  agendas: "agenda",
  items: "agenda item",
  support: "support item",
  rules: "rule",
  cadence: "visit",
  requiredMeetings: "required meeting",
  recipients: "recipient",
  attendees: "attendee",
  activities: "activity",
  sharing: "sharing",
  progressJudgements: "progress judgement",
  actions: "action",
  evidenceSources: "evidence source",
  prompts: "prompt",
  with: "recipient of shared content",
  draft: "drafting role",
  approve: "approving role",
  issue: "issuing role",
  ledBy: "leading role",
  from: "from stage",
  visits: "visit",
  fallbackVisits: "fallback visit",
  governance: "governance type",
  phases: "phase",
};

function humanise(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

const NUMBER_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/** A frequency in words: monthly, every four weeks, termly, half-termly, annually. */
export function describeFrequency(frequency: Frequency): string {
  const { every, times, unit } = frequency;
  if (times !== undefined) {
    const per = { week: "a week", month: "a month", "half-term": "a half term", term: "a term", year: "a year" }[unit];
    return `${times === 1 ? "once" : times === 2 ? "twice" : `${NUMBER_WORDS[times] ?? times} times`} ${per}`;
  }
  if (every === undefined || every === 1)
    return { week: "weekly", month: "monthly", "half-term": "half-termly", term: "termly", year: "annually" }[unit];
  const count = NUMBER_WORDS[every] ?? String(every);
  return `every ${count} ${unit}s`;
}

/** A cadence in words: at least monthly, about every four weeks, termly. */
export function describeCadence(cadence: Cadence): string {
  const prefix = { minimum: "at least ", typical: "about ", exact: "" }[cadence.basis];
  return `${prefix}${describeFrequency(cadence.frequency)}`;
}

function isCadence(value: unknown): value is Cadence {
  return Boolean(
    typeof fieldOf(value, "visitType") === "string" && fieldOf(value, "frequency") && fieldOf(value, "basis"),
  );
}

function nameOf(item: unknown): string | undefined {
  if (typeof item === "string") return item.length <= 120 ? item : `${item.slice(0, 117)}…`;
  if (!item || typeof item !== "object") return undefined;
  const record = item as Record<string, unknown>;
  for (const field of ["label", "title", "text", "key", "role", "visitType", "meetingType"]) {
    const value = record[field];
    if (typeof value === "string") return value;
  }
  if (typeof record.area === "string" && typeof record.category === "string")
    return `${record.area} / ${record.category}`;
  return undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return `'${value.length <= 120 ? value : `${value.slice(0, 117)}…`}'`;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (isCadence(value)) return describeCadence(value);
  const name = nameOf(value);
  if (name) return `'${name}'`;
  return JSON.stringify(value).length <= 80 ? JSON.stringify(value) : "(a new value)";
}

function get(node: unknown, segment: string | number): unknown {
  return fieldOf(node, segment);
}

interface Frame {
  path: (string | number)[];
  context: string[];
  before: unknown;
  after: unknown;
}

/** What one comparison collects into, and the new version it names things from. */
interface DiffState {
  entries: DiffEntry[];
  after: unknown;
}

function add(state: DiffState, entry: Omit<DiffEntry, "section" | "pointer"> & { path: (string | number)[] }): void {
  const { path, ...rest } = entry;
  state.entries.push({ ...rest, pointer: toPointer(path), section: String(path[0] ?? "") });
}

function contextText(context: string[]): string {
  return context.length > 0 ? `${context.join(" › ")}: ` : "";
}

/** Names the visit type only when the list holds more than one cadence. */
function cadenceQualifier(state: DiffState, frame: Frame, cadence: Cadence): string {
  const siblings = frame.path.slice(0, -1).reduce<unknown>((node, segment) => get(node, segment), state.after);
  if (!Array.isArray(siblings) || siblings.length <= 1) return "";
  const visitTypes = get(state.after, "visitTypes");
  const visitType: unknown = Array.isArray(visitTypes)
    ? visitTypes.find((v: unknown) => get(v, "key") === cadence.visitType)
    : undefined;
  const label = get(visitType, "label");
  return ` (${typeof label === "string" ? label : cadence.visitType})`;
}

function walk(state: DiffState, node: Delta, frame: Frame): void {
  if (node === undefined) return;
  if (Array.isArray(node)) {
    describeLeaf(state, node, frame);
    return;
  }
  if (node._t === "a") {
    walkArray(state, node as Record<string, Delta>, frame);
    return;
  }
  // A change anywhere inside a cadence is said once, as the whole cadence.
  if (isCadence(frame.before) && isCadence(frame.after)) {
    add(state, {
      kind: "changed",
      path: frame.path,
      message: `${contextText(frame.context)}visits${cadenceQualifier(state, frame, frame.after)} changed from ${describeCadence(frame.before)} to ${describeCadence(frame.after)}`,
      before: frame.before,
      after: frame.after,
    });
    return;
  }
  for (const [field, child] of Object.entries(node as Record<string, Delta>)) {
    walk(state, child, {
      path: [...frame.path, field],
      context: frame.context,
      before: get(frame.before, field),
      after: get(frame.after, field),
    });
  }
}

/** A long text set or removed whole: every word of it, added or removed. */
function wholeText(value: unknown, kind: "added" | "removed"): { text?: TextPart[] } {
  return isLongTextChange(value, "") ? { text: [{ kind, text: value }] } : {};
}

/** A value added, changed or removed (jsondiffpatch's [new], [old, new], [old, 0, 0]). */
function describeLeaf(state: DiffState, change: unknown[], frame: Frame): void {
  const field = frame.path.at(-1);
  const label = typeof field === "string" ? humanise(field) : "value";
  const where = contextText(frame.context);
  const [first, second, kind] = change;
  if (change.length === 1) {
    const words = wholeText(first, "added");
    const message = words.text ? `${where}${label} set` : `${where}${label} set to ${shown(first)}`;
    add(state, { kind: "added", path: frame.path, message, after: first, ...words });
  } else if (change.length === 2) {
    const long = isLongTextChange(first, second) && typeof second === "string";
    add(state, {
      kind: "changed",
      path: frame.path,
      message: long ? `${where}${label} reworded` : `${where}${label} changed from ${shown(first)} to ${shown(second)}`,
      before: first,
      after: second,
      ...(long ? { text: diffText(first, second) } : {}),
    });
  } else if (kind === 0) {
    const words = wholeText(first, "removed");
    const message = words.text ? `${where}${label} removed` : `${where}${label} removed (was ${shown(first)})`;
    add(state, { kind: "removed", path: frame.path, message, before: first, ...words });
  }
}

/** How a list's items are named: by their section's noun (Category 'High') or the list's item noun. */
function listNouns(frame: Frame): {
  section: string | undefined;
  itemNoun: string;
  itemLabel: (item: unknown) => string;
} {
  const listName = String(frame.path.at(-1) ?? "");
  const section = SECTION_NOUNS[listName];
  const itemNoun = ITEM_NOUNS[listName] ?? "item";
  const itemLabel = (item: unknown) => (section ? `${section} ${shown(item)}` : `${itemNoun} ${shown(item)}`);
  return { section, itemNoun, itemLabel };
}

/** A whole item added, removed, moved or replaced (a list delta's leaf). */
function describeItemChange(state: DiffState, index: string, change: unknown[], frame: Frame): void {
  const { itemNoun, itemLabel } = listNouns(frame);
  const where = contextText(frame.context);
  const removed = index.startsWith("_");
  const position = Number(removed ? index.slice(1) : index);
  const [first, second, kind] = change;
  const path = [...frame.path, position];
  if (removed && kind === 0) {
    add(state, { kind: "removed", path, message: `${where}${itemLabel(first)} removed`, before: first });
  } else if (removed && kind === 3) {
    const item = get(frame.before, position);
    add(state, {
      kind: "moved",
      path: [...frame.path, Number(second)],
      message: `${where}${itemLabel(item)} moved from position ${position + 1} to ${Number(second) + 1}`,
      after: item,
    });
  } else if (change.length === 1) {
    add(state, { kind: "added", path, message: `${where}${itemLabel(first)} added`, after: first });
  } else if (change.length === 2) {
    const long = isLongTextChange(first, second) && typeof second === "string";
    add(state, {
      kind: "changed",
      path,
      message: long
        ? `${where}${itemNoun} ${position + 1} reworded`
        : `${where}${itemNoun} ${position + 1} changed from ${shown(first)} to ${shown(second)}`,
      before: first,
      after: second,
      ...(long ? { text: diffText(first, second) } : {}),
    });
  }
}

function walkArray(state: DiffState, node: Record<string, Delta>, frame: Frame): void {
  const { section, itemNoun } = listNouns(frame);
  for (const [index, change] of Object.entries(node)) {
    if (index === "_t") continue;
    if (Array.isArray(change)) {
      describeItemChange(state, index, change, frame);
      continue;
    }
    // A modified item: its new index; find the old item by the same identity.
    const position = Number(index);
    const afterItem = get(frame.after, position);
    const beforeItem = findSame(frame.before, afterItem) ?? get(frame.before, position);
    const name = nameOf(afterItem) ?? `${itemNoun} ${position + 1}`;
    // A cadence is described whole (see walk), so it adds no context of its own.
    const context = isCadence(afterItem)
      ? frame.context
      : section
        ? [...frame.context, `${section} '${name}'`]
        : [...frame.context, `${itemNoun} '${name}'`];
    walk(state, change, { path: [...frame.path, position], context, before: beforeItem, after: afterItem });
  }
}

/** Where the generic walk is replaced by words of its own: a role's rules, a form's questions. */
const SAID_OTHERWISE = /^\/(roles\/\d+\/rules|forms\/\d+\/(schema|uiSchema))(\/|$)/;

/** A role's gains and losses and a form's question changes, as diff entries (a role or form added or removed whole is said once, by the walk). */
function describedOtherwise(before: unknown, after: unknown): DiffEntry[] {
  const keysOf = (doc: unknown, list: string) => {
    const items = get(doc, list);
    return new Set(Array.isArray(items) ? items.map((item: unknown) => get(item, "key")) : []);
  };
  const oldRoles = keysOf(before, "roles");
  const permissions = diffPermissions(before, after)
    .filter((p) => oldRoles.has(p.role) && keysOf(after, "roles").has(p.role))
    .map((p): DiffEntry => ({
      kind: p.change === "gained" ? "added" : "removed",
      pointer: toPointer(["roles", p.roleIndex, "rules"]),
      section: "roles",
      message: p.sentence,
    }));
  const forms = diffForms(before, after)
    .filter((f) => keysOf(after, "forms").has(f.form))
    .map((f): DiffEntry => ({
      kind: f.kind,
      pointer: f.pointer,
      section: "forms",
      message: `Form '${f.formTitle}': ${f.what}`,
      ...(f.text ? { text: f.text } : {}),
    }));
  return [...permissions, ...forms];
}

/** Compares two policy documents: every change in words, and as a JSON Patch. */
export function diffPolicies(before: unknown, after: unknown): PolicyDiff {
  const delta = differ.diff(before, after);
  if (!delta) return { entries: [], patch: [] };
  const state: DiffState = { entries: [], after };
  walk(state, delta, { path: [], context: [], before, after });
  const entries = [
    ...state.entries.filter((e) => !SAID_OTHERWISE.test(e.pointer)),
    ...describedOtherwise(before, after),
  ];
  return { entries, patch: formatJsonPatch(delta) };
}

function findSame(list: unknown, item: unknown): unknown {
  if (!Array.isArray(list) || !item || typeof item !== "object") return undefined;
  const key = fieldOf(item, "key");
  return key === undefined ? undefined : list.find((candidate: unknown) => fieldOf(candidate, "key") === key);
}

export type { Op as JsonPatchOperation };
