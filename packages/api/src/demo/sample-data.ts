type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
  format?: string;
  oneOf?: Schema[];
  anyOf?: Schema[];
  title?: string;
};

/**
 * Answers that meet a form's JSON Schema, for the demo's recorded visits and
 * for tests: every required field filled with the first allowed value, a
 * sentence, a date or a number at its minimum.
 */
export function sampleFromSchema(
  schema: Schema,
  context: { date: string; text?: (title: string) => string } = { date: "2026-01-01" },
  title = "Answer",
): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice) return sampleFromSchema(choice, context, title);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : "string")) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? [])
        out[key] = sampleFromSchema(schema.properties?.[key] ?? {}, context, schema.properties?.[key]?.title ?? key);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sampleFromSchema(schema.items ?? {}, context, title),
      );
    case "boolean":
      return true;
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    default: {
      if (schema.format === "date") return context.date;
      if (schema.format === "date-time") return `${context.date}T10:00:00Z`;
      if (schema.format === "time") return "10:00:00";
      if (schema.format === "email") return "office@school.example";
      const text = context.text?.(title) ?? `${title}: recorded during the visit.`;
      return text.length >= (schema.minLength ?? 0) ? text : text.padEnd(schema.minLength ?? 0, ".");
    }
  }
}
