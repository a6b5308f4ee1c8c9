/**
 * References between the parts of a policy, read from the meta-schema's `"x-steward-ref"` annotations (`RefTo` in
 * schema/common.ts): what each collection holds in a document, and where the meta-schema refers to one.
 */
import { REF_COLLECTIONS, type RefCollection } from "./schema/common.ts";

export { REF_COLLECTIONS, type RefCollection };

/** One item a reference may name: its key and its label in words. */
export interface RefTarget {
  key: string;
  label: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const listAt = (value: unknown, ...path: string[]): Json[] => {
  let node = value;
  for (const step of path) node = isObject(node) ? node[step] : undefined;
  return Array.isArray(node) ? node.filter(isObject) : [];
};

/** Where each collection's items are in a document. */
const COLLECTION_ITEMS: Record<RefCollection, (doc: unknown) => Json[]> = {
  areas: (doc) => listAt(doc, "areas"),
  categories: (doc) => listAt(doc, "categories"),
  visitTypes: (doc) => listAt(doc, "visitTypes"),
  meetingTypes: (doc) => listAt(doc, "meetingTypes"),
  letterTypes: (doc) => listAt(doc, "letterTypes"),
  stages: (doc) => listAt(doc, "escalation", "stages"),
  transitions: (doc) => listAt(doc, "escalation", "transitions"),
  forms: (doc) => listAt(doc, "forms"),
  roles: (doc) => listAt(doc, "roles"),
  terms: (doc) => listAt(doc, "calendar", "years").flatMap((year) => listAt(year, "terms")),
  indicators: (doc) => listAt(doc, "indicators"),
  registers: (doc) => listAt(doc, "registers"),
  measures: (doc) => listAt(doc, "measures"),
  followUps: (doc) => listAt(doc, "escalation", "stages").flatMap((stage) => listAt(stage, "followUps")),
};

/** True when `name` is a collection a reference may name. */
export function isRefCollection(name: unknown): name is RefCollection {
  return typeof name === "string" && (REF_COLLECTIONS as readonly string[]).includes(name);
}

/** The items of a collection in a document (of any shape: a draft may be half written), each key once. */
export function getRefTargets(doc: unknown, collection: RefCollection): RefTarget[] {
  const seen = new Set<string>();
  const targets: RefTarget[] = [];
  for (const item of COLLECTION_ITEMS[collection](doc)) {
    const { key } = item;
    if (typeof key !== "string" || key === "" || seen.has(key)) continue;
    seen.add(key);
    const named = [item.label, item.title, item.text].find((v): v is string => typeof v === "string" && v !== "");
    targets.push({ key, label: named ?? key });
  }
  return targets;
}
