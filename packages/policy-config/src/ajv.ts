import addFormats from "ajv-formats";
import { Ajv2020, type Options, type ValidateFunction } from "ajv/dist/2020.js";

import { entriesOf, fieldOf } from "./json.ts";
import type { PolicyDocument } from "./schema/policy.ts";

/**
 * The ONE Ajv set-up: JSON Schema 2020-12 with ajv-formats, used for the
 * meta-schema, for validating answers to the policies' forms on the server,
 * and (through rjsf's `customizeValidator`, in packages/forms) in the browser,
 * so the two never disagree on what an answer means. The options are rjsf's
 * own defaults made explicit, so passing them to rjsf changes nothing there.
 */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  verbose: true,
  multipleOfPrecision: 8,
  discriminator: false,
} as const satisfies Options;

/** The Ajv class for JSON Schema 2020-12 (rjsf's `AjvClass`). */
export { Ajv2020 };

/** A new Ajv for JSON Schema 2020-12 with Steward's options and formats. */
export function createAjv(overrides: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...overrides });
  addFormats(ajv);
  return ajv;
}

// ---------------------------------------------------------------- a form's own schema

/** The dialect a form schema may name in `$schema` (or leave out). */
const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/** Keywords whose value is a map from names to subschemas. */
const SCHEMA_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]);
/** Keywords whose value is a subschema or a list of them. */
const SCHEMA_VALUES = new Set([
  "items",
  "prefixItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "additionalItems",
]);
/** Keywords that name or reach schemas by something other than a local JSON pointer. */
const REFUSED_KEYWORDS: Record<string, string> = {
  $id: 'A form\'s schema cannot give itself an id ($id): remove it; refer to its parts with "$ref": "#/$defs/…".',
  $anchor: 'A form\'s schema cannot use $anchor: refer to its parts with "$ref": "#/$defs/…".',
  $dynamicAnchor: 'A form\'s schema cannot use $dynamicAnchor: refer to its parts with "$ref": "#/$defs/…".',
  $dynamicRef: 'A form\'s schema cannot use $dynamicRef: use "$ref": "#/$defs/…".',
  $recursiveRef: 'A form\'s schema cannot use $recursiveRef: use "$ref": "#/$defs/…".',
  $recursiveAnchor: 'A form\'s schema cannot use $recursiveAnchor: use "$ref": "#/$defs/…".',
};

export interface FormSchemaProblem {
  /** Path from the form's schema to the offending keyword. */
  path: (string | number)[];
  message: string;
  code: string;
}

/** Resolves a `#/…` JSON pointer (URI fragment) inside `root`; undefined when it does not resolve. */
function resolveLocal(root: unknown, ref: string): unknown {
  if (ref === "#") return root;
  let segments: string[];
  try {
    segments = decodeURIComponent(ref.slice(2))
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  } catch {
    return undefined;
  }
  let node: unknown = root;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = fieldOf(node, segment);
  }
  return node;
}

/**
 * What makes a form's JSON Schema unsafe to compile once and reuse: an `$id`
 * anywhere (Ajv registers it globally, so the second compile fails), any other
 * way of naming a schema, a `$ref` that leaves the schema or does not resolve
 * inside it, or a `$schema` other than 2020-12. Walks the schema keywords only
 * (a field may be called "$id"; an enum may hold any value).
 */
export function checkFormSchema(schema: unknown): FormSchemaProblem[] {
  const problems: FormSchemaProblem[] = [];
  if (schema && typeof schema === "object" && "$schema" in schema && schema.$schema !== DIALECT) {
    problems.push({
      path: ["$schema"],
      message: `A form's schema is JSON Schema 2020-12: leave "$schema" out or make it "${DIALECT}".`,
      code: "form.schema.dialect",
    });
  }
  const walk = (node: unknown, path: (string | number)[]) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => walk(child, [...path, i]));
      return;
    }
    for (const [keyword, value] of entriesOf(node)) {
      const at = [...path, keyword];
      const refused = REFUSED_KEYWORDS[keyword];
      if (refused)
        problems.push({ path: at, message: refused, code: keyword === "$id" ? "form.schema.id" : "form.schema.ref" });
      else if (keyword === "$ref") {
        const ref = typeof value === "string" ? value : "";
        if (!(ref === "#" || ref.startsWith("#/"))) {
          problems.push({
            path: at,
            message: `"${ref}" points outside the form's schema: a $ref must point inside it, like "#/$defs/address".`,
            code: "form.schema.ref",
          });
        } else if (resolveLocal(schema, ref) === undefined) {
          problems.push({
            path: at,
            message: `"${ref}" does not point to anything in the form's schema: add it (under $defs) or correct the $ref.`,
            code: "form.schema.ref",
          });
        }
      } else if (SCHEMA_MAPS.has(keyword) && value && typeof value === "object" && !Array.isArray(value)) {
        for (const [name, sub] of entriesOf(value)) walk(sub, [...at, name]);
      } else if (SCHEMA_VALUES.has(keyword)) walk(value, at);
    }
  };
  walk(schema, []);
  return problems;
}

// ---------------------------------------------------------------- compiled once per policy version and form

/** A form schema that cannot be used (a policy stored before the validator refused it). */
export class FormSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormSchemaError";
  }
}

const formAjv = createAjv();
/**
 * Compiled validators, by policy document object and then form key. A policy
 * version that has left draft never changes (the database refuses it) and the
 * API keeps each loaded version's document as one object, so the object's
 * identity is the version's: a WeakMap frees the validators with the document,
 * and a new version (a new object) compiles afresh. A draft is never used to
 * record anything, so never compiled here.
 */
const compiled = new WeakMap<PolicyDocument, Map<string, ValidateFunction>>();

/** Compiles a policy's own schema once per policy version and key, or says why it cannot be used. */
function compileOnce(
  cache: WeakMap<PolicyDocument, Map<string, ValidateFunction>>,
  policy: PolicyDocument,
  key: string,
  schema: object,
  what: string,
): ValidateFunction {
  let byKey = cache.get(policy);
  if (!byKey) cache.set(policy, (byKey = new Map<string, ValidateFunction>()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const [problem] = checkFormSchema(schema);
  if (problem) throw new FormSchemaError(`${what} cannot be checked: ${problem.message}`);
  let validate: ValidateFunction;
  try {
    validate = formAjv.compile(schema);
  } catch (error) {
    throw new FormSchemaError(
      `${what} cannot be checked: its schema does not compile (${error instanceof Error ? error.message : String(error)}).`,
    );
  } finally {
    // Ajv keeps every schema it compiles; this cache holds what is needed.
    formAjv.removeSchema(schema);
  }
  byKey.set(key, validate);
  return validate;
}

/**
 * The compiled validator for one of a policy's forms, compiled the first time
 * and reused. `undefined` when the policy has no such form. Throws
 * `FormSchemaError` (with a sentence) for a schema the policy validator
 * refuses ($id, a $ref that does not resolve inside it).
 */
export function getFormValidator(policy: PolicyDocument, formKey: string): ValidateFunction | undefined {
  const form = policy.forms.find((f) => f.key === formKey);
  if (!form) return undefined;
  return compileOnce(compiled, policy, formKey, form.schema, `The form "${form.title}"`);
}

const parameterValidators = new WeakMap<PolicyDocument, Map<string, ValidateFunction>>();

/**
 * The compiled validator for a letter type's parameters (what the drafting
 * officer fills in), compiled once per policy version and reused like a
 * form's. `undefined` when the policy has no such letter type or it has no
 * parameters. Throws `FormSchemaError` for a schema it cannot use.
 */
export function getLetterParametersValidator(
  policy: PolicyDocument,
  letterTypeKey: string,
): ValidateFunction | undefined {
  const letterType = policy.letterTypes.find((l) => l.key === letterTypeKey);
  if (!letterType?.parameters) return undefined;
  const what = `The parameters of a ${letterType.label}`;
  return compileOnce(parameterValidators, policy, letterTypeKey, letterType.parameters.schema, what);
}
