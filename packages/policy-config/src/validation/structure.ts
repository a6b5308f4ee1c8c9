import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { policyMetaSchema } from "../meta-schema.ts";
import { describePointer, type Problem } from "./problem.ts";

/** One Ajv instance for JSON Schema 2020-12, shared by the meta-schema and the policies' own forms. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
  addFormats.default(ajv);
  return ajv;
}

const ajv = createAjv();
const validateStructure = ajv.compile(policyMetaSchema);

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "text";
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object",
  array: "a list",
  null: "null",
};

/** The one sentence for an Ajv error. */
function sentence(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as { description?: string; title?: string } | undefined;
  switch (error.keyword) {
    case "required":
      return `"${String(params.missingProperty)}" is missing: it is required here.`;
    case "additionalProperties":
      return `"${String(params.additionalProperty)}" is not a field here: check its spelling, or remove it.`;
    case "type":
      return `Must be ${TYPE_WORDS[String(params.type)] ?? String(params.type)}, not ${typeName(error.data)}.`;
    case "minLength":
      return params.limit === 1 ? "Must not be empty." : `Must be at least ${String(params.limit)} characters.`;
    case "maxLength":
      return `Must be at most ${String(params.limit)} characters (it has ${String((error.data as string).length)}).`;
    case "minItems":
      return `Needs at least ${String(params.limit)} ${params.limit === 1 ? "item" : "items"}.`;
    case "maxItems":
      return `Has more than ${String(params.limit)} items.`;
    case "minimum":
      return `Must be ${String(params.limit)} or more (it is ${shown(error.data)}).`;
    case "maximum":
      return `Must be ${String(params.limit)} or less (it is ${shown(error.data)}).`;
    case "uniqueItems":
      return `Items ${Number(params.j) + 1} and ${Number(params.i) + 1} are the same: each may appear once.`;
    case "minProperties":
    case "maxProperties":
      return schema?.title === "Rule"
        ? "A rule has exactly one operator, for example {\"==\": [{\"var\": \"case.stage\"}, \"strategy\"]}."
        : `Has the wrong number of fields.`;
    case "format":
      return params.format === "date"
        ? `Must be a date written YYYY-MM-DD, not ${shown(error.data)}.`
        : `Must be a valid ${String(params.format)}, not ${shown(error.data)}.`;
    case "pattern":
      return schema?.description ? `${schema.description} Not ${shown(error.data)}.` : `Is not in the expected form: ${shown(error.data)}.`;
    case "const":
      return `Must be ${shown(params.allowedValue)}, not ${shown(error.data)}.`;
    case "enum":
      return `Must be one of ${(params.allowedValues as unknown[]).map(shown).join(", ")}; not ${shown(error.data)}.`;
    default:
      return error.message ? `${error.message[0]?.toUpperCase()}${error.message.slice(1)}.` : "Is not valid.";
  }
}

/**
 * A union of literals fails as one `anyOf` error plus one `const` error per
 * branch: say it once, listing the choices. Other unions keep the branch
 * errors that got furthest.
 */
function collapseUnions(errors: ErrorObject[]): { error: ErrorObject; message?: string }[] {
  const out: { error: ErrorObject; message?: string }[] = [];
  const unions = errors.filter((e) => e.keyword === "anyOf");
  const swallowed = new Set<ErrorObject>();
  for (const union of unions) {
    const branches = errors.filter(
      (e) => e !== union && e.instancePath === union.instancePath && e.schemaPath.startsWith(union.schemaPath.replace(/\/anyOf$/, "/anyOf/")),
    );
    const options = (union.schema as { const?: unknown; anyOf?: unknown }[]).map((branch) => branch.const);
    if (options.every((o) => o !== undefined)) {
      for (const b of branches) swallowed.add(b);
      const list = options.map((o) => shown(o)).join(", ");
      out.push({ error: union, message: `Must be one of ${list}; not ${shown(union.data)}.` });
    } else {
      // Keep the branch errors (they say what is wrong inside); drop the bare anyOf.
      swallowed.add(union);
      const deeper = errors.filter((e) => e.instancePath.startsWith(`${union.instancePath}/`));
      if (branches.length > 0 && deeper.length === 0) {
        for (const b of branches) swallowed.add(b);
        out.push({ error: union, message: `Is not in any allowed form (${typeName(union.data)} given).` });
      }
    }
  }
  for (const error of errors) {
    if (error.keyword === "anyOf" || swallowed.has(error)) continue;
    out.push({ error });
  }
  return out;
}

/** Checks a document against the meta-schema, returning every problem at once. */
export function checkStructure(document: unknown): Problem[] {
  if (validateStructure(document)) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const { error, message } of collapseUnions(validateStructure.errors ?? [])) {
    const params = error.params as Record<string, unknown>;
    const pointer =
      error.keyword === "required"
        ? `${error.instancePath}/${String(params.missingProperty)}`
        : error.keyword === "additionalProperties"
          ? `${error.instancePath}/${String(params.additionalProperty)}`
          : error.instancePath;
    const text = message ?? sentence(error);
    const id = `${pointer}|${text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({ pointer, where: describePointer(document, pointer), message: text, severity: "error", code: `schema.${error.keyword}` });
  }
  return problems.sort((a, b) => a.pointer.localeCompare(b.pointer));
}
