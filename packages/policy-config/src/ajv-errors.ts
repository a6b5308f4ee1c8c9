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

/** Edit distance between two names (optimal string alignment: a swapped pair of letters counts once). */
function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const d = Array.from({ length: (a.length + 1) * width }, (_, n) => (n < width ? n : n % width === 0 ? n / width : 0));
  const at = (i: number, j: number) => d[i * width + j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * width + j] = best;
    }
  }
  return at(a.length, b.length);
}

/** The known field a name is most likely a misspelling of, if it is close to one. */
function closestField(name: string, known: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  const allowed = wanted.length <= 4 ? 1 : 2;
  let best: { field: string; distance: number } | undefined;
  for (const field of known) {
    const distance = editDistance(wanted, field.toLowerCase());
    if (distance <= allowed && (!best || distance < best.distance)) best = { field, distance };
  }
  return best?.field;
}

/** "Recipient" -> "a recipient", "Indicator" -> "an indicator", "LA code" stays. */
function aNoun(title: string): string {
  const noun = /^[A-Z][a-z]/.test(title) ? `${title.charAt(0).toLowerCase()}${title.slice(1)}` : title;
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}

/**
 * The sentence for a field an object does not have. Close to a field it has: a
 * misspelling ("check its spelling"). Close to none: what the object has, and,
 * when the caller knows one (`hint`), what offers that need instead.
 */
export function unknownFieldSentence(name: string, parentSchema: unknown, hint?: string): string {
  const schema = parentSchema !== null && typeof parentSchema === "object" ? parentSchema : {};
  const properties: unknown = Reflect.get(schema, "properties");
  const titled: unknown = Reflect.get(schema, "title");
  const known = properties !== null && typeof properties === "object" ? Object.keys(properties) : [];
  const near = hint ? undefined : closestField(name, known);
  if (near) return `"${name}" is not a field here: check its spelling (did you mean "${near}"?), or remove it.`;
  if (known.length === 0) return `"${name}" is not a field here: remove it.`;
  const noun = typeof titled === "string" && titled !== "" ? aNoun(titled) : undefined;
  const offer = hint ? `: ${hint}` : "";
  const has = `${noun ? `${noun.charAt(0).toUpperCase()}${noun.slice(1)}` : "This object"} has: ${known.join(", ")}.`;
  return `"${name}" is not a field ${noun ? `of ${noun}` : "here"}${offer}. ${has}`;
}

/** The one sentence for an Ajv error. */
function sentence(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const schema = error.parentSchema as { description?: string; title?: string } | undefined;
  switch (error.keyword) {
    case "required":
      return `"${String(params.missingProperty)}" is missing: it is required here.`;
    case "additionalProperties":
      return unknownFieldSentence(String(params.additionalProperty), error.parentSchema);
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
