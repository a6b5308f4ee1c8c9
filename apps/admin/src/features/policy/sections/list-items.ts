import { isSchema, type RefTargets, type Schema } from "../fields/studio-schema.ts";
import { getLabelProperty } from "../meta-form.tsx";

/**
 * How a list item reads in the studio's list: its label (or title, or text); for an item with none, the labels of
 * what it refers to ("Leadership – High support" for a criteria set of an area and a category); else its key.
 */
export function getItemLabel(item: unknown, itemSchema: Schema, targets: RefTargets): string | undefined {
  if (!isSchema(item)) return undefined;
  const properties = isSchema(itemSchema.properties) ? itemSchema.properties : {};
  const labelName = getLabelProperty(properties);
  const label = labelName ? item[labelName] : undefined;
  if (typeof label === "string" && label.trim()) return label;
  const referred = Object.entries(properties).flatMap(([name, child]) => {
    const collection = isSchema(child) ? child["x-steward-ref"] : undefined;
    const key = item[name];
    if (typeof collection !== "string" || typeof key !== "string") return [];
    return [targets[collection]?.find((target) => target.key === key)?.label ?? key];
  });
  if (referred.length > 0) return referred.join(" – ");
  return typeof item.key === "string" && item.key ? item.key : undefined;
}

/** True when an item's label or key contains every word of the search. */
export function matchesSearch(label: string, item: unknown, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const key = isSchema(item) && typeof item.key === "string" ? item.key : "";
  const text = `${label} ${key}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

const KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** An identifier from a label: "Termly support visit" -> "termly-support-visit", unique among `taken`. */
function toIdentifier(label: string, taken: ReadonlySet<string>): string {
  const base = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 56)
    .replace(/-+$/, "");
  if (!KEY_PATTERN.test(base)) return "";
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/**
 * A new item's change: its key follows its label (as an identifier) until someone types a key of their own.
 * Returns the item to keep.
 */
export function followLabel(before: unknown, after: unknown, labelName: string, taken: ReadonlySet<string>): unknown {
  if (!isSchema(before) || !isSchema(after)) return after;
  const oldLabel = typeof before[labelName] === "string" ? before[labelName] : "";
  const newLabel = typeof after[labelName] === "string" ? after[labelName] : "";
  const oldKey = typeof before.key === "string" ? before.key : "";
  const keyWasGenerated = oldKey === "" || oldKey === toIdentifier(oldLabel, taken);
  if (newLabel === oldLabel || !keyWasGenerated || after.key !== before.key) return after;
  const key = toIdentifier(newLabel, taken);
  if (key) return { ...after, key };
  const { key: _key, ...rest } = after;
  return rest;
}
