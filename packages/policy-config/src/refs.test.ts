import { describe, expect, it } from "vitest";

import cambridgeshire from "../tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "../tenants/lincolnshire/policy.json" with { type: "json" };
import { policyMetaSchema } from "./meta-schema.ts";
import { getRefTargets, isRefCollection, type RefCollection } from "./refs.ts";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every `x-steward-ref` in the meta-schema, by where it is. */
function findAnnotations(node: unknown, path = ""): { path: string; collection: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((child, i) => findAnnotations(child, `${path}/${i}`));
  if (!isNode(node)) return [];
  const own = "x-steward-ref" in node ? [{ path, collection: node["x-steward-ref"] }] : [];
  return [...own, ...Object.entries(node).flatMap(([key, child]) => findAnnotations(child, `${path}/${key}`))];
}

/** True when a value can be of a union's branch: its constant, its type, and its objects' constant fields. */
function fits(branch: Node, value: unknown): boolean {
  if ("const" in branch) return branch.const === value;
  if (branch.type === "array") return Array.isArray(value);
  if (branch.type === "string") return typeof value === "string";
  if (branch.type !== "object" || !isNode(value)) return branch.type === undefined;
  const properties = isNode(branch.properties) ? branch.properties : {};
  return Object.entries(properties).every(
    ([key, child]) => !isNode(child) || !("const" in child) || child.const === value[key],
  );
}

interface Reference {
  pointer: string;
  collection: RefCollection;
  key: string;
}

/** Each reference in a document (the value at an annotated place), with its pointer. */
function findReferences(schema: unknown, value: unknown, pointer = ""): Reference[] {
  if (!isNode(schema)) return [];
  const found: Reference[] = [];
  const ref = schema["x-steward-ref"];
  if (isRefCollection(ref) && typeof value === "string") found.push({ pointer, collection: ref, key: value });
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.filter(isNode);
    const constant = branches.find((branch) => "const" in branch && branch.const === value);
    for (const branch of constant ? [] : branches.filter((b) => fits(b, value)))
      found.push(...findReferences(branch, value, pointer));
  }
  if (Array.isArray(value))
    value.forEach((item, i) => found.push(...findReferences(schema.items, item, `${pointer}/${i}`)));
  if (isNode(value)) {
    const properties = isNode(schema.properties) ? schema.properties : {};
    const patterned = isNode(schema.patternProperties) ? Object.values(schema.patternProperties)[0] : undefined;
    for (const [key, child] of Object.entries(value))
      found.push(...findReferences(properties[key] ?? patterned, child, `${pointer}/${key}`));
  }
  return found;
}

describe("references between the parts of a policy", () => {
  it("are annotated in the meta-schema, each naming a collection the studio knows", () => {
    const annotations = findAnnotations(policyMetaSchema);
    expect(annotations.length).toBeGreaterThan(40);
    expect(annotations.filter((a) => !isRefCollection(a.collection))).toEqual([]);
  });

  it.each([
    ["Cambridgeshire", cambridgeshire],
    ["Lincolnshire", lincolnshire],
  ])("in %s's policy each name an item that exists, offered by its label", (_, document) => {
    const references = findReferences(policyMetaSchema, document);
    expect(new Set(references.map((r) => r.collection)).size).toBeGreaterThan(5);
    const unresolved = references.filter(
      (r) => !getRefTargets(document, r.collection).some((target) => target.key === r.key),
    );
    expect(unresolved).toEqual([]);
  });

  it("offers a collection's items by label, each key once, from a half-written draft too", () => {
    const draft = {
      escalation: { stages: [{ key: "monitoring", label: "Monitoring" }, { key: "monitoring" }, { label: "No key" }] },
      forms: [{ key: "action-plan", title: "Action plan" }],
      calendar: "not yet a calendar",
    };
    expect(getRefTargets(draft, "stages")).toEqual([{ key: "monitoring", label: "Monitoring" }]);
    expect(getRefTargets(draft, "forms")).toEqual([{ key: "action-plan", label: "Action plan" }]);
    expect(getRefTargets(draft, "terms")).toEqual([]);
  });
});
