/**
 * The ONE wording of Ajv's errors: a JSON pointer to the value concerned and a
 * sentence a policy administrator or a form's user can act on. The policy
 * validator, the form checks and the API's form submission all say an Ajv
 * error through `describeAjvError`, so the same mistake reads the same wherever
 * it is made.
 */
import type { ErrorObject } from "ajv/dist/2020.js";

/** An Ajv error as Steward says it. */
export interface AjvErrorDescription {
  /** JSON pointer to the value concerned (for a missing or unknown field, to that field). */
  pointer: string;
  /** One sentence, starting with a capital and ending with a full stop. */
  message: string;
}

/** A value quoted as JSON, cut short past 60 characters. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What kind of value this is, in words: text, a list, null. */
export function typeName(value: unknown): string {
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
        ? 'A rule has exactly one operator, for example {"==": [{"var": "case.stage"}, "strategy"]}.'
        : `Has the wrong number of fields.`;
    case "format":
      return params.format === "date"
        ? `Must be a date written YYYY-MM-DD, not ${shown(error.data)}.`
        : `Must be a valid ${String(params.format)}, not ${shown(error.data)}.`;
    case "pattern":
      return schema?.description
        ? `${schema.description} Not ${shown(error.data)}.`
        : `Is not in the expected form: ${shown(error.data)}.`;
    case "const":
      return `Must be ${shown(params.allowedValue)}, not ${shown(error.data)}.`;
    case "enum":
      return `Must be one of ${(params.allowedValues as unknown[]).map(shown).join(", ")}; not ${shown(error.data)}.`;
    default:
      return error.message ? `${error.message[0]?.toUpperCase()}${error.message.slice(1)}.` : "Is not valid.";
  }
}

/** Where the error is: for a missing or unknown field, the field itself rather than its object. */
function errorPointer(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") return `${error.instancePath}/${String(params.missingProperty)}`;
  if (error.keyword === "additionalProperties") return `${error.instancePath}/${String(params.additionalProperty)}`;
  return error.instancePath;
}

/** An Ajv error (from a validator compiled by `createAjv`, `verbose` on) as a pointer and a sentence. */
export function describeAjvError(error: ErrorObject): AjvErrorDescription {
  return { pointer: errorPointer(error), message: sentence(error) };
}

/**
 * A form's answers that fail its schema, as the API and the engine refuse them:
 * the first problem, at its place under `/data`, for example `The report is not
 * complete (summary): "summary" is missing: it is required here.`
 */
export function describeIncompleteAnswers(
  what: string,
  errors: readonly ErrorObject[] | null | undefined,
): AjvErrorDescription {
  const [first] = errors ?? [];
  const { pointer, message } = first ? describeAjvError(first) : { pointer: "", message: "Is not valid." };
  const where = pointer ? ` (${pointer.slice(1).replaceAll("/", " › ")})` : "";
  return { pointer: `/data${pointer}`, message: `The ${what} is not complete${where}: ${message}` };
}
