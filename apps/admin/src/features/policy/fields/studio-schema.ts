import { getChoiceLabel, toChoiceSchema } from "@steward/forms";
import { getRefTargets, isRefCollection, policyMetaSchema, type RefTarget } from "@steward/policy-config";

export type Schema = Record<string, unknown>;

export const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The meta-schema as the studio draws it: every union of constants a choice named in words. */
const STUDIO_META_SCHEMA: unknown = toChoiceSchema(policyMetaSchema);

/** The studio's schema for one top-level section of the document. */
export function getStudioSectionSchema(section: string): Schema {
  const properties = isSchema(STUDIO_META_SCHEMA) ? STUDIO_META_SCHEMA.properties : undefined;
  const schema = isSchema(properties) ? properties[section] : undefined;
  return isSchema(schema) ? schema : { type: "object" };
}

/** What a collection holds in the draft now, by collection (`roles`, `stages`, ...). */
export type RefTargets = Partial<Record<string, RefTarget[]>>;

/** The targets of every collection the schema refers to, read from the draft. */
export function collectRefTargets(schema: unknown, doc: unknown, into: RefTargets = {}): RefTargets {
  if (Array.isArray(schema)) for (const child of schema) collectRefTargets(child, doc, into);
  if (!isSchema(schema)) return into;
  const collection = schema["x-steward-ref"];
  if (isRefCollection(collection) && !into[collection]) into[collection] = getRefTargets(doc, collection);
  for (const child of Object.values(schema)) collectRefTargets(child, doc, into);
  return into;
}

/** A constant a reference may also be ("*", "any"), named in words. */
const choiceTitle = (value: unknown) => (value === "*" ? "Any" : getChoiceLabel(String(value)));

/**
 * The schema with each reference a choice of what exists in the draft (`oneOf` of `{const: key, title: label}`),
 * and each list of references a set of checkboxes. A key that names nothing stays in the data, and the draft's
 * problems say so.
 */
export function withRefChoices(schema: unknown, targets: RefTargets): unknown {
  if (Array.isArray(schema)) return schema.map((child) => withRefChoices(child, targets));
  if (!isSchema(schema)) return schema;
  const walked = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, withRefChoices(v, targets)]));
  const collection = schema["x-steward-ref"];
  if (typeof collection === "string") {
    const extra = Array.isArray(schema["x-steward-choices"]) ? schema["x-steward-choices"] : [];
    const options = [
      ...extra.map((value: unknown) => ({ const: value, title: choiceTitle(value) })),
      ...(targets[collection] ?? []).map((target) => ({ const: target.key, title: target.label })),
    ];
    // A choice needs one option at least: with nothing to offer, the key is typed.
    if (options.length > 0) return { ...walked, oneOf: options };
  }
  if (walked.type === "array" && isSchema(walked.items) && Array.isArray(walked.items.oneOf) && isRefList(schema))
    return { ...walked, uniqueItems: true };
  return walked;
}

const isRefList = (schema: Schema) => isSchema(schema.items) && typeof schema.items["x-steward-ref"] === "string";
