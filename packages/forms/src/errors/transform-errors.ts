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
import { describeDateProblem } from "../theme/widgets/date-widget/date-parts.ts";

type Path = (string | number)[];

const CHOICE_WIDGETS = new Set([
  "radio",
  "select",
  "checkboxes",
  "yesNo",
  "YesNoWidget",
  "categorySelector",
  "CategorySelectorWidget",
  "ratingScale",
  "RatingScaleWidget",
  "bestFit",
  "BestFitWidget",
  "RadioWidget",
  "SelectWidget",
  "CheckboxesWidget",
]);

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

function getUiAt(uiSchema: UiSchema | undefined, path: Path): UiSchema | undefined {
  let current: unknown = uiSchema;
  for (const segment of path) {
    if (current === undefined || current === null || typeof current !== "object") return undefined;
    current =
      typeof segment === "number"
        ? (current as Record<string, unknown>).items
        : (current as Record<string, unknown>)[segment];
  }
  return current as UiSchema | undefined;
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

function isChoice(schema: RJSFSchema | undefined, ui: UiSchema | undefined): boolean {
  const widget = getUiOptions(ui).widget;
  if (typeof widget === "string" && CHOICE_WIDGETS.has(widget)) return true;
  if (!schema) return false;
  if (schema.enum || schema.oneOf || schema.anyOf || "const" in schema || schema.type === "boolean") return true;
  const items = schema.items as RJSFSchema | undefined;
  return schema.type === "array" && !!items && !Array.isArray(items) && !!(items.enum || items.oneOf || items.anyOf);
}

const QUESTION_STATEMENTS: [RegExp, string][] = [
  [/^are there (.*)$/i, "there are $1"],
  [/^is there (.*)$/i, "there is $1"],
  [/^are you (.*)$/i, "you are $1"],
  [/^do you (.*)$/i, "you $1"],
  [/^have you (.*)$/i, "you have $1"],
];

/** "Select yes if there are concerns about …" for a yes/no question GOV.UK's way, else naming the question. */
function getYesNoMessage(title: string): string {
  const question = title.trim().replace(/\?$/, "");
  for (const [pattern, statement] of QUESTION_STATEMENTS) {
    if (pattern.test(question)) return `Select yes if ${question.replace(pattern, statement)}`;
  }
  return `Select yes or no for ‘${title.trim()}’`;
}

const isQuestion = (title: string) => title.trim().endsWith("?");

function isYesNoChoice(schema: RJSFSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.type === "boolean") return true;
  const values = (
    schema.enum ?? (schema.oneOf ?? []).map((option) => (typeof option === "object" ? option.const : undefined))
  ).map((value) => String(value).toLowerCase());
  return values.length === 2 && values.includes("yes") && values.includes("no");
}

function listParts(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

interface FieldFacts {
  schema?: RJSFSchema;
  ui?: UiSchema;
  title: string;
  /** Words for an array item the field sits in: " for agreed next step 2". */
  itemSuffix: string;
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
  path.forEach((segment, index) => {
    if (typeof segment === "number") lastIndex = index;
  });
  if (lastIndex >= 0) {
    const arrayPath = path.slice(0, lastIndex);
    const arraySchema = findRawSchema(rootSchema, arrayPath);
    const noun = arraySchema
      ? getItemNoun(arraySchema as { title?: string; items?: unknown }, getUiAt(uiSchema, arrayPath))
      : "Item";
    const itemName = `${lowerFirst(noun)} ${(path[lastIndex] as number) + 1}`;
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

/** The GOV.UK message for one error, and the part of the field it is about (a date's month box). */
function describe(
  error: RJSFValidationError,
  facts: FieldFacts,
  value: unknown,
): { message: string; targetSuffix?: string } {
  const { schema, ui, itemSuffix } = facts;
  const title = facts.title;
  const lower = lowerFirst(title);
  const params = (error.params ?? {}) as Record<string, unknown>;
  const custom = getUiOptions(ui).errorMessages as Record<string, unknown> | undefined;
  const customMessage = custom?.[error.name ?? ""];
  if (typeof customMessage === "string") return { message: customMessage };
  const limit = params.limit;
  const isChoiceField = isChoice(schema, ui);
  const isObjectList = schema?.type === "array" && !isChoiceField;
  const noun = isObjectList && schema ? lowerFirst(getItemNoun(schema as { title?: string; items?: unknown }, ui)) : "";
  switch (error.name) {
    case "required":
    case "dependencies":
    case "dependentRequired":
      if (isYesNoChoice(schema)) return { message: getYesNoMessage(title) };
      if (isChoiceField)
        return {
          message: isQuestion(title) ? `Select an answer for ‘${title.trim()}’` : `Select ${lower}${itemSuffix}`,
        };
      if (schema?.format === "data-url" || getUiOptions(ui).widget === "file")
        return { message: `Select ${lower}${itemSuffix}` };
      if (isObjectList) return { message: `Add at least 1 ${noun}` };
      return { message: isQuestion(title) ? `Enter an answer for ‘${title.trim()}’` : `Enter ${lower}${itemSuffix}` };
    case "minLength":
      if (limit === 1 || value === "" || value === undefined) return { message: `Enter ${lower}${itemSuffix}` };
      return { message: `${title}${itemSuffix} must be ${String(limit)} characters or more` };
    case "maxLength":
      return { message: `${title}${itemSuffix} must be ${String(limit)} characters or less` };
    case "type":
      if (params.type === "integer") return { message: `${title}${itemSuffix} must be a whole number` };
      if (params.type === "number") return { message: `${title}${itemSuffix} must be a number` };
      return { message: isChoiceField ? `Select ${lower}${itemSuffix}` : `Enter ${lower}${itemSuffix}` };
    case "minimum":
      return { message: `${title}${itemSuffix} must be ${String(limit)} or more` };
    case "maximum":
      return { message: `${title}${itemSuffix} must be ${String(limit)} or less` };
    case "exclusiveMinimum":
      return { message: `${title}${itemSuffix} must be more than ${String(limit)}` };
    case "exclusiveMaximum":
      return { message: `${title}${itemSuffix} must be less than ${String(limit)}` };
    case "multipleOf":
      return { message: `${title}${itemSuffix} must be a multiple of ${String(params.multipleOf)}` };
    case "format":
      switch (params.format) {
        case "email":
          return { message: "Enter an email address in the correct format, like name@example.com" };
        case "date": {
          const problem = describeDateProblem(value);
          if (problem.kind === "missing") {
            const first = problem.parts[0];
            return {
              message: `${title}${itemSuffix} must include a ${listParts(problem.parts)}`,
              targetSuffix: first === "day" ? undefined : `-${first}`,
            };
          }
          if (problem.kind === "year-digits") return { message: "Year must include 4 numbers", targetSuffix: "-year" };
          return { message: `${title}${itemSuffix} must be a real date` };
        }
        case "date-time":
          return { message: `${title}${itemSuffix} must be a real date and time` };
        case "time":
          return { message: `${title}${itemSuffix} must be a real time, like 14:30` };
        case "uri":
        case "url":
          return { message: `Enter a web address in the correct format, like https://www.example.com` };
        default:
          return { message: `${title}${itemSuffix} must be in the correct format` };
      }
    case "pattern":
      return { message: `${title}${itemSuffix} must be in the correct format` };
    case "enum":
    case "const":
    case "oneOf":
    case "anyOf":
      return {
        message:
          isChoiceField || !schema
            ? `Select ${lower}${itemSuffix}`
            : `${title}${itemSuffix} must be one of the allowed answers`,
      };
    case "minItems":
      if (isChoiceField)
        return { message: limit === 1 ? `Select ${lower}` : `Select at least ${String(limit)} options for ${lower}` };
      return { message: `Add at least ${String(limit)} ${noun}${limit === 1 ? "" : "s"}` };
    case "maxItems":
      if (isChoiceField) return { message: `Select no more than ${String(limit)} options for ${lower}` };
      return { message: `${title} must have no more than ${String(limit)} ${noun}${limit === 1 ? "" : "s"}` };
    case "uniqueItems":
      return { message: `${title} must not have the same answer twice` };
    default:
      return { message: `${title}${itemSuffix}: ${error.message ?? "check your answer"}` };
  }
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
  for (let depth = 0; depth < path.length; depth++) {
    const segment = path[depth] as string | number;
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
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = (a[index] as number) - (b[index] as number);
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
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
        facts = getFieldFacts(schema, uiSchema as UiSchema | undefined, path, error.title);
        factsCache.set(key, facts);
      }
      const value = getByPath(formData, path);
      const { message, targetSuffix } = describe(error, facts, value);
      const transformed: RJSFValidationError = {
        ...error,
        message,
        stack: message,
        params: targetSuffix ? { ...(error.params as object), govukTargetSuffix: targetSuffix } : error.params,
      };
      const priority = getPriority(error.name);
      const existing = chosen.get(key);
      if (!existing || priority < existing.priority) {
        let position = positionCache.get(key);
        if (!position) {
          position = getFieldPosition(schema, uiSchema as UiSchema | undefined, path);
          positionCache.set(key, position);
        }
        chosen.set(key, { error: transformed, priority, position });
      }
    }
    return [...chosen.values()].sort((a, b) => comparePositions(a.position, b.position)).map(({ error }) => error);
  };
}
