// Every GOV.UK message the forms give for an Ajv error, in one table keyed by the Ajv keyword: "Enter …" for a
// missing answer, "Select …" for a choice, "… must be 6000 characters or less" for a limit. The transformer in
// transform-errors.ts works out which field an error is about; this module only words it.
import { getUiOptions, type RJSFSchema, type RJSFValidationError, type UiSchema } from "@rjsf/utils";

import { getItemNoun } from "../theme/shared/array-context.ts";
import { lowerFirst } from "../theme/shared/text.ts";
import { describeDateProblem } from "../theme/widgets/date-widget/date-parts.ts";

/** What the wording needs to know about the field an error is on. */
export interface FieldFacts {
  schema?: RJSFSchema;
  ui?: UiSchema;
  title: string;
  /** Words for an array item the field sits in: " for agreed next step 2". */
  itemSuffix: string;
}

/** A message, and the part of the field it is about (a date's month box) when not the whole field. */
export interface Described {
  message: string;
  targetSuffix?: string | undefined;
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isChoice(schema: RJSFSchema | undefined, ui: UiSchema | undefined): boolean {
  const widget = getUiOptions(ui).widget;
  if (typeof widget === "string" && CHOICE_WIDGETS.has(widget)) return true;
  if (!schema) return false;
  if (schema.enum || schema.oneOf || schema.anyOf || "const" in schema || schema.type === "boolean") return true;
  const items = schema.items;
  return schema.type === "array" && isRecord(items) && Boolean(items.enum || items.oneOf || items.anyOf);
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
  ).map((value) => (typeof value === "string" ? value.toLowerCase() : value));
  return values.length === 2 && values.includes("yes") && values.includes("no");
}

function listParts(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/** A limit or step from Ajv's params as written ("6000", "0.5"). */
function formatNumber(value: unknown): string {
  return typeof value === "number" || typeof value === "string" ? String(value) : "";
}

/** A table's own entry for a key (never one inherited from Object). */
function lookUp<V>(table: Record<string, V>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Everything a keyword's wording may use. */
interface Wording {
  params: Record<string, unknown>;
  /** `params.limit` as written ("6000"). */
  limit: string;
  value: unknown;
  schema: RJSFSchema | undefined;
  ui: UiSchema | undefined;
  title: string;
  lower: string;
  itemSuffix: string;
  isChoiceField: boolean;
  /** What one item of a list of objects is called ("action"), for list-length messages. */
  noun: string;
}

function wordMissing(w: Wording): string {
  const { schema, ui, title, lower, itemSuffix } = w;
  if (isYesNoChoice(schema)) return getYesNoMessage(title);
  if (w.isChoiceField)
    return isQuestion(title) ? `Select an answer for ‘${title.trim()}’` : `Select ${lower}${itemSuffix}`;
  if (schema?.format === "data-url" || getUiOptions(ui).widget === "file") return `Select ${lower}${itemSuffix}`;
  if (schema?.type === "array") return `Add at least 1 ${w.noun}`;
  return isQuestion(title) ? `Enter an answer for ‘${title.trim()}’` : `Enter ${lower}${itemSuffix}`;
}

function wordDate(w: Wording): Described {
  const problem = describeDateProblem(w.value);
  if (problem.kind === "missing") {
    const first = problem.parts[0];
    return {
      message: `${w.title}${w.itemSuffix} must include a ${listParts(problem.parts)}`,
      targetSuffix: first === "day" ? undefined : `-${first}`,
    };
  }
  if (problem.kind === "year-digits") return { message: "Year must include 4 numbers", targetSuffix: "-year" };
  return { message: `${w.title}${w.itemSuffix} must be a real date` };
}

/** Messages for a value not in its format, by format name. */
const FORMAT_WORDING: Record<string, (w: Wording) => string | Described> = {
  email: () => "Enter an email address in the correct format, like name@example.com",
  date: wordDate,
  "date-time": (w) => `${w.title}${w.itemSuffix} must be a real date and time`,
  time: (w) => `${w.title}${w.itemSuffix} must be a real time, like 14:30`,
  uri: () => "Enter a web address in the correct format, like https://www.example.com",
  url: () => "Enter a web address in the correct format, like https://www.example.com",
};

const plural = (w: Wording) => (w.params.limit === 1 ? "" : "s");
const field = (w: Wording) => `${w.title}${w.itemSuffix}`;

/** The message for each Ajv keyword. A keyword not listed gets "<title>: <Ajv's message>". */
const KEYWORD_WORDING: Record<string, (w: Wording) => string | Described> = {
  required: wordMissing,
  dependencies: wordMissing,
  dependentRequired: wordMissing,
  minLength: (w) =>
    w.params.limit === 1 || w.value === "" || w.value === undefined
      ? `Enter ${w.lower}${w.itemSuffix}`
      : `${field(w)} must be ${w.limit} characters or more`,
  maxLength: (w) => `${field(w)} must be ${w.limit} characters or less`,
  type: (w) => {
    if (w.params.type === "integer") return `${field(w)} must be a whole number`;
    if (w.params.type === "number") return `${field(w)} must be a number`;
    return w.isChoiceField ? `Select ${w.lower}${w.itemSuffix}` : `Enter ${w.lower}${w.itemSuffix}`;
  },
  minimum: (w) => `${field(w)} must be ${w.limit} or more`,
  maximum: (w) => `${field(w)} must be ${w.limit} or less`,
  exclusiveMinimum: (w) => `${field(w)} must be more than ${w.limit}`,
  exclusiveMaximum: (w) => `${field(w)} must be less than ${w.limit}`,
  multipleOf: (w) => `${field(w)} must be a multiple of ${formatNumber(w.params.multipleOf)}`,
  format: (w) => {
    const format = typeof w.params.format === "string" ? lookUp(FORMAT_WORDING, w.params.format) : undefined;
    return format ? format(w) : `${field(w)} must be in the correct format`;
  },
  pattern: (w) => `${field(w)} must be in the correct format`,
  enum: wordNotAllowed,
  const: wordNotAllowed,
  oneOf: wordNotAllowed,
  anyOf: wordNotAllowed,
  minItems: (w) => {
    if (!w.isChoiceField) return `Add at least ${w.limit} ${w.noun}${plural(w)}`;
    return w.params.limit === 1 ? `Select ${w.lower}` : `Select at least ${w.limit} options for ${w.lower}`;
  },
  maxItems: (w) =>
    w.isChoiceField
      ? `Select no more than ${w.limit} options for ${w.lower}`
      : `${w.title} must have no more than ${w.limit} ${w.noun}${plural(w)}`,
  uniqueItems: (w) => `${w.title} must not have the same answer twice`,
};

function wordNotAllowed(w: Wording): string {
  return w.isChoiceField || !w.schema
    ? `Select ${w.lower}${w.itemSuffix}`
    : `${field(w)} must be one of the allowed answers`;
}

/** The GOV.UK message for one error, and the part of the field it is about (a date's month box). */
export function describe(error: RJSFValidationError, facts: FieldFacts, value: unknown): Described {
  const { schema, ui, title, itemSuffix } = facts;
  const custom: unknown = getUiOptions(ui).errorMessages;
  const customMessage = isRecord(custom) ? custom[error.name ?? ""] : undefined;
  if (typeof customMessage === "string") return { message: customMessage };
  const params: unknown = error.params;
  const paramsRecord = isRecord(params) ? params : {};
  const isChoiceField = isChoice(schema, ui);
  const isObjectList = schema?.type === "array" && !isChoiceField;
  const wording: Wording = {
    params: paramsRecord,
    limit: formatNumber(paramsRecord.limit),
    value,
    schema,
    ui,
    title,
    lower: lowerFirst(title),
    itemSuffix,
    isChoiceField,
    noun: isObjectList && schema ? lowerFirst(getItemNoun(schema, ui)) : "",
  };
  const word = lookUp(KEYWORD_WORDING, error.name ?? "");
  if (!word) return { message: `${title}${itemSuffix}: ${error.message ?? "check your answer"}` };
  const described = word(wording);
  return typeof described === "string" ? { message: described } : described;
}
