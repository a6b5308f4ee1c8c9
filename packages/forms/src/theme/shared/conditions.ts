import { findSchemaDefinition, type RJSFSchema } from "@rjsf/utils";

type SchemaNode = RJSFSchema;

function isSchema(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolveRef(schema: SchemaNode, rootSchema: SchemaNode): SchemaNode {
  let current = schema;
  for (let guard = 0; typeof current.$ref === "string" && guard < 20; guard++) {
    try {
      current = {
        ...findSchemaDefinition(current.$ref, rootSchema),
        ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== "$ref")),
      };
    } catch {
      return current;
    }
  }
  return current;
}

/** Every sub-schema that may contribute properties to an object: itself, dependency branches, allOf/if-then-else. */
function getPropertySources(schema: SchemaNode): SchemaNode[] {
  const sources: SchemaNode[] = [schema];
  const add = (candidate: unknown) => {
    if (isSchema(candidate)) {
      sources.push(candidate);
      for (const key of ["oneOf", "anyOf", "allOf"] as const) {
        const branches = candidate[key];
        if (Array.isArray(branches)) branches.filter(isSchema).forEach((branch) => add(branch));
      }
      add(candidate.then);
      add(candidate.else);
    }
  };
  if (isSchema(schema.dependencies)) Object.values(schema.dependencies).forEach(add);
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) branches.forEach(add);
  }
  add(schema.then);
  add(schema.else);
  return sources;
}

/**
 * Finds the schema a field was written with (before rjsf resolved its conditions), following the field's path from
 * the root schema through properties, items, `$ref`s, dependency branches and if/then/else.
 */
export function findRawSchema(rootSchema: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let current: SchemaNode | undefined = rootSchema;
  for (const segment of path) {
    if (!current) return undefined;
    current = resolveRef(current, rootSchema);
    if (typeof segment === "number") {
      const items: unknown = current.items;
      current = Array.isArray(items)
        ? isSchema(items[segment])
          ? items[segment]
          : isSchema(current.additionalItems)
            ? current.additionalItems
            : undefined
        : isSchema(items)
          ? items
          : undefined;
      continue;
    }
    let found: SchemaNode | undefined;
    for (const source of getPropertySources(current)) {
      const candidate: unknown = source.properties?.[segment];
      if (isSchema(candidate)) {
        found = candidate;
        break;
      }
    }
    current = found ?? (isSchema(current.additionalProperties) ? current.additionalProperties : undefined);
  }
  return current ? resolveRef(current, rootSchema) : undefined;
}

/** Follow-up questions that appear when a controlling field takes one of some values (or any value). */
export interface Condition {
  controller: string;
  /** The values that reveal the fields; undefined means any answer does. */
  values?: unknown[];
  fields: string[];
}

function getControllingValues(schema: unknown): unknown[] | undefined {
  if (!isSchema(schema)) return undefined;
  if ("const" in schema) return [schema.const];
  if (Array.isArray(schema.enum)) return schema.enum;
  return undefined;
}

const cache = new WeakMap<SchemaNode, Condition[]>();

/**
 * Reads the conditional questions of an object schema: JSON Schema `dependencies` (with `oneOf` branches keyed on
 * the controlling field's value, or a plain schema dependency) and `if`/`then` on one field's `const` or `enum`.
 */
export function getConditions(objectSchema: SchemaNode): Condition[] {
  const cached = cache.get(objectSchema);
  if (cached) return cached;
  const conditions: Condition[] = [];
  if (isSchema(objectSchema.dependencies)) {
    for (const [controller, dependency] of Object.entries(objectSchema.dependencies)) {
      if (!isSchema(dependency)) continue;
      const branches = [
        ...(Array.isArray(dependency.oneOf) ? dependency.oneOf : []),
        ...(Array.isArray(dependency.anyOf) ? dependency.anyOf : []),
      ].filter(isSchema);
      for (const branch of branches) {
        const values = getControllingValues(branch.properties?.[controller]);
        const fields = Object.keys(branch.properties ?? {}).filter((name) => name !== controller);
        if (values && fields.length > 0) conditions.push({ controller, values, fields });
      }
      if (branches.length === 0 && dependency.properties) {
        const fields = Object.keys(dependency.properties).filter((name) => name !== controller);
        if (fields.length > 0) conditions.push({ controller, fields });
      }
    }
  }
  const ifThens = [objectSchema, ...(Array.isArray(objectSchema.allOf) ? objectSchema.allOf.filter(isSchema) : [])];
  for (const candidate of ifThens) {
    if (!isSchema(candidate.if) || !isSchema(candidate.then)) continue;
    const ifProperties = Object.entries(candidate.if.properties ?? {});
    if (ifProperties.length !== 1) continue;
    const [controller, controllerSchema] = ifProperties[0] as [string, unknown];
    const values = getControllingValues(controllerSchema);
    const fields = Object.keys(candidate.then.properties ?? {}).filter((name) => name !== controller);
    if (values && fields.length > 0) conditions.push({ controller, values, fields });
  }
  cache.set(objectSchema, conditions);
  return conditions;
}
