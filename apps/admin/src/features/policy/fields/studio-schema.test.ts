import { createSchemaUtils, type RJSFSchema } from "@rjsf/utils";
import { describe, expect, it } from "vitest";

import { defaultValidator } from "@steward/forms";
import cambridgeshire from "@steward/policy-config/tenants/cambridgeshire/policy.json" with { type: "json" };
import lincolnshire from "@steward/policy-config/tenants/lincolnshire/policy.json" with { type: "json" };

import { STUDIO_DEFAULTS } from "../sections/schema-form.tsx";
import { collectRefTargets, getStudioSectionSchema, isSchema, withRefChoices } from "./studio-schema.ts";

const SECTIONS = Object.keys(cambridgeshire).filter((key) => key !== "$schema" && key !== "formatVersion");

/** The schema the studio gives rjsf for a section of a document: unions as choices, references offered. */
function getSchema(section: string, doc: Record<string, unknown>): RJSFSchema {
  const base = getStudioSectionSchema(section);
  const schema = withRefChoices(base, collectRefTargets(base, doc));
  if (!isSchema(schema)) throw new Error(`No schema for ${section}`);
  return schema;
}

/** What rjsf makes of a value when a form opens on it: the form state every later change is made to. */
function loadThroughForm(schema: RJSFSchema, value: unknown): unknown {
  const utils = createSchemaUtils(defaultValidator, schema, STUDIO_DEFAULTS);
  return utils.getDefaultFormState(schema, value);
}

describe.each([
  ["Cambridgeshire", cambridgeshire],
  ["Lincolnshire", lincolnshire],
])("%s's policy loaded and saved through the studio's forms", (_, doc: Record<string, unknown>) => {
  it.each(SECTIONS)("keeps %s exactly as it was, key order included", (section) => {
    const schema = getSchema(section, doc);
    const value = doc[section];
    expect(JSON.stringify(loadThroughForm(schema, value))).toBe(JSON.stringify(value));
    // A list section opens one item at a time, each as a form of its own.
    if (Array.isArray(value) && isSchema(schema.items)) {
      const itemSchema = schema.items;
      for (const item of value) expect(JSON.stringify(loadThroughForm(itemSchema, item))).toBe(JSON.stringify(item));
    }
  });
});

describe("the studio's schema", () => {
  it("offers a reference's targets by label, and a list of references as a set to tick", () => {
    const cadence = getSchema("categories", cambridgeshire);
    const items = isSchema(cadence.items) ? cadence.items : {};
    const properties = isSchema(items.properties) ? items.properties : {};
    const cadenceItems =
      isSchema(properties.cadence) && isSchema(properties.cadence.items) ? properties.cadence.items : {};
    const visitType = isSchema(cadenceItems.properties) ? cadenceItems.properties.visitType : undefined;
    const visitTypes = cambridgeshire.visitTypes.map((v) => ({ const: v.key, title: v.label }));
    expect(isSchema(visitType) && visitType.oneOf).toEqual(visitTypes);

    const visitTypeSchema = getSchema("visitTypes", cambridgeshire);
    const visitItem = isSchema(visitTypeSchema.items) ? visitTypeSchema.items : {};
    const ledBy = isSchema(visitItem.properties) ? visitItem.properties.ledBy : undefined;
    expect(isSchema(ledBy) && ledBy.uniqueItems).toBe(true);
  });
});
