import {
  getByPath,
  getUiOptions,
  toPath,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
} from "@rjsf/utils";

import { getItemNoun } from "../theme/shared/array-context.ts";
import { findRawSchema } from "../theme/shared/conditions.ts";
import { lowerFirst, upperFirst } from "../theme/shared/text.ts";
import { describe, type FieldFacts } from "./wording.ts";

type Path = (string | number)[];

/** Which keyword's message wins when a field has several errors: GOV.UK shows one message per field. */
const PRIORITY = [
  "required",
  "dependencies",
  "dependentRequired",
  "type",
  "format",
  "enum",
  "const",
  "oneOf",
  "anyOf",
  "minItems",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
];

function getPriority(name: string | undefined): number {
  const index = PRIORITY.indexOf(name ?? "");
  return index === -1 ? PRIORITY.length : index;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The uiSchema of the field at a path (an array's items share `items`). */
function getUiAt(uiSchema: UiSchema | undefined, path: Path): UiSchema | undefined {
  let current: unknown = uiSchema;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = typeof segment === "number" ? current.items : current[segment];
  }
  return isRecord(current) ? current : undefined;
}

function toSegments(property: string | undefined): Path {
  return toPath(property ?? "")
    .filter((segment) => segment !== "")
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_]+/g, " ")
    .trim();
  return upperFirst(words.toLowerCase());
}

function getFieldFacts(
  rootSchema: RJSFSchema,
  uiSchema: UiSchema | undefined,
  path: Path,
  fallbackTitle?: string,
): FieldFacts {
  const schema = findRawSchema(rootSchema, path);
  const ui = getUiAt(uiSchema, path);
  const last = path[path.length - 1];
  let itemSuffix = "";
  let lastIndex = -1;
  let itemIndex = 0;
  path.forEach((segment, index) => {
    if (typeof segment === "number") [lastIndex, itemIndex] = [index, segment];
  });
  if (lastIndex >= 0) {
    const arrayPath = path.slice(0, lastIndex);
    const arraySchema = findRawSchema(rootSchema, arrayPath);
    const noun = arraySchema ? getItemNoun(arraySchema, getUiAt(uiSchema, arrayPath)) : "Item";
    const itemName = `${lowerFirst(noun)} ${itemIndex + 1}`;
    if (lastIndex === path.length - 1) {
      const ownTitle = getUiOptions(ui).title ?? schema?.title;
      return {
        schema,
        ui,
        title: typeof ownTitle === "string" && ownTitle ? ownTitle : upperFirst(itemName),
        itemSuffix: "",
      };
    }
    itemSuffix = ` for ${itemName}`;
  }
  const uiTitle = getUiOptions(ui).title;
  const title =
    (typeof uiTitle === "string" && uiTitle) ||
    (typeof schema?.title === "string" && schema.title) ||
    fallbackTitle ||
    (last === undefined ? "This question" : humanise(String(last)));
  return { schema, ui, title, itemSuffix };
}

function getOrderedKeys(schema: RJSFSchema | undefined, ui: UiSchema | undefined): string[] {
  const keys = Object.keys(schema?.properties ?? {});
  const order = getUiOptions(ui).order;
  if (!Array.isArray(order)) return keys;
  const listed = order.filter((key): key is string => typeof key === "string" && key !== "*");
  const rest = keys.filter((key) => !listed.includes(key));
  const star = order.indexOf("*");
  return star === -1 ? [...listed, ...rest] : [...listed.slice(0, star), ...rest, ...listed.slice(star)];
}

/** Where a field comes in the form, as a list of positions, so the error summary follows the page's order. */
function getFieldPosition(rootSchema: RJSFSchema, uiSchema: UiSchema | undefined, path: Path): number[] {
  const position: number[] = [];
  for (const [depth, segment] of path.entries()) {
    if (typeof segment === "number") {
      position.push(segment);
      continue;
    }
    const parentPath = path.slice(0, depth);
    const keys = getOrderedKeys(findRawSchema(rootSchema, parentPath), getUiAt(uiSchema, parentPath));
    const index = keys.indexOf(segment);
    position.push(index === -1 ? Number.MAX_SAFE_INTEGER : index);
  }
  return position;
}

function comparePositions(a: number[], b: number[]): number {
  for (const [index, position] of a.entries()) {
    const other = b[index];
    if (other === undefined) break;
    if (position !== other) return position - other;
  }
  return a.length - b.length;
}

/** The error param naming the part of a field an error is about (a date's `-month` box). */
const TARGET_SUFFIX = "govukTargetSuffix";

/** The part of its field an error is about, as an id suffix (`-month`), when it is not the whole field. */
export function getErrorTargetSuffix(error: Pick<RJSFValidationError, "params">): string | undefined {
  const params: unknown = error.params;
  const suffix = isRecord(params) ? params[TARGET_SUFFIX] : undefined;
  return typeof suffix === "string" ? suffix : undefined;
}

export interface GovukErrorOptions {
  /** Reads the form's current data, so date messages can say which part is missing. */
  getFormData?: () => unknown;
}

/** Keywords that only restate an error already reported on a field (`if`/`then`), or that a form cannot cause. */
const DROPPED = new Set(["if", "then", "else", "not"]);

/**
 * rjsf's `transformErrors` for GOV.UK wording: "Enter date of visit", "Select level of support", "Summary must be
 * 6000 characters or less", "Date of visit must include a month", "Enter an email address in the correct format, like
 * name@example.com". One message per field. `ui:options.errorMessages` overrides a message per keyword, for example
 * `{ "required": "Select yes if the school has a plan" }`.
 */
export function createGovukTransformErrors<T = unknown>(
  schema: RJSFSchema,
  options: GovukErrorOptions = {},
): ErrorTransformer<T> {
  // The schema is fixed for this transformer, so where each field is found, and where it comes, can be remembered.
  const factsCache = new Map<string, FieldFacts>();
  const positionCache = new Map<string, number[]>();
  let cachedUiSchema: unknown;
  return (errors, uiSchema) => {
    if (uiSchema !== cachedUiSchema) {
      factsCache.clear();
      positionCache.clear();
      cachedUiSchema = uiSchema;
    }
    const formData = options.getFormData?.();
    const chosen = new Map<string, { error: RJSFValidationError; priority: number; position: number[] }>();
    for (const error of errors) {
      if (DROPPED.has(error.name ?? "")) continue;
      const path = toSegments(error.property);
      // A `const` error inside a `oneOf` is one branch failing: the `oneOf` error speaks for the field.
      if (error.name === "const" && /\/oneOf\/\d+\//.test(error.schemaPath ?? "")) continue;
      // A conditional branch (`dependencies` with `oneOf`) failing on an object restates the errors of its questions.
      if ((error.name === "oneOf" || error.name === "anyOf") && /\/dependencies\//.test(error.schemaPath ?? ""))
        continue;
      const key = path.join(".");
      let facts = factsCache.get(key);
      if (!facts) {
        facts = getFieldFacts(schema, uiSchema, path, error.title);
        factsCache.set(key, facts);
      }
      const value = getByPath(formData, path);
      const { message, targetSuffix } = describe(error, facts, value);
      const params: unknown = error.params;
      const transformed: RJSFValidationError = {
        ...error,
        message,
        stack: message,
        params: targetSuffix ? { ...(isRecord(params) ? params : {}), [TARGET_SUFFIX]: targetSuffix } : params,
      };
      const priority = getPriority(error.name);
      const existing = chosen.get(key);
      if (!existing || priority < existing.priority) {
        let position = positionCache.get(key);
        if (!position) {
          position = getFieldPosition(schema, uiSchema, path);
          positionCache.set(key, position);
        }
        chosen.set(key, { error: transformed, priority, position });
      }
    }
    return [...chosen.values()].sort((a, b) => comparePositions(a.position, b.position)).map(({ error }) => error);
  };
}
