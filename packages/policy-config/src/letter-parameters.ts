/**
 * A letter type's parameters (what the drafting officer fills in) as the
 * validator, the renderer and the engine read them: the fields its JSON Schema
 * declares, and each field's own schema.
 */
import { entriesOf, fieldOf } from "./json.ts";
import type { LetterType } from "./schema/policy.ts";

/** The fields a letter type's parameters declare (`parameters.schema.properties`), in order; none without parameters. */
export function letterParameterFields(letterType: Pick<LetterType, "parameters">): string[] {
  const properties = fieldOf(letterType.parameters?.schema, "properties");
  return properties !== null && typeof properties === "object" ? entriesOf(properties).map(([name]) => name) : [];
}

/** The schema of one parameter field, or undefined when the letter type declares no such field. */
export function letterParameterSchema(
  letterType: Pick<LetterType, "parameters">,
  field: string,
): Record<string, unknown> | undefined {
  const properties = fieldOf(letterType.parameters?.schema, "properties");
  if (properties === null || typeof properties !== "object" || !Object.hasOwn(properties, field)) return undefined;
  const schema = fieldOf(properties, field);
  return schema !== null && typeof schema === "object" && !Array.isArray(schema)
    ? Object.fromEntries(entriesOf(schema))
    : undefined;
}
