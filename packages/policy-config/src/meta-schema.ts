import { PolicyDocument } from "./schema/policy.ts";

/** The JSON Schema dialect of the meta-schema. */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * The policy meta-schema as plain JSON Schema 2020-12: the same object the
 * TypeScript types are derived from, without TypeBox's symbols.
 */
export const policyMetaSchema: Record<string, unknown> = {
  $schema: JSON_SCHEMA_DIALECT,
  ...(JSON.parse(JSON.stringify(PolicyDocument)) as Record<string, unknown>),
};
