/**
 * Unions of constants as choices rjsf can draw. TypeBox writes `Type.Union([Type.Literal("week"), ...])` as
 * `anyOf: [{const: "week", type: "string"}, ...]` with no `type` of its own, which rjsf cannot show ("Unknown field
 * type undefined"). `toChoiceSchema` rewrites every such union, anywhere in a schema, as rjsf's own choice shape:
 * `{type, oneOf: [{const, title, description}]}`: each option named in words, with its meaning as a hint where the
 * union's description has `value: meaning` parts ("minimum: at least this often; typical: about this often").
 */
import { upperFirst } from "../theme/shared/text.ts";

type Schema = Record<string, unknown>;
type Constant = string | number | boolean;

const isSchema = (value: unknown): value is Schema =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isConstant = (value: unknown): value is Constant =>
  typeof value === "string" || typeof value === "number" || typeof value === "boolean";

/** The constants of a union whose every branch is one, else undefined. */
function getConstants(branches: unknown[]): Constant[] | undefined {
  const values = branches.map((branch) => (isSchema(branch) ? branch.const : undefined));
  return values.length > 0 && values.every(isConstant) ? values : undefined;
}

/** An option's name in words: "half-term" -> "Half term", "la" -> "LA". */
export function getChoiceLabel(value: Constant): string {
  const text = String(value);
  if (/^[a-z]{1,2}$/.test(text)) return text.toUpperCase();
  return upperFirst(
    text
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replaceAll("-", " ")
      .toLowerCase(),
  );
}

/**
 * The `value: meaning` parts of a description, by value, when every value has one ("la: local authority staff;
 * school: staff or governors of one school."). Undefined when the description is not written that way.
 */
export function getChoiceHints(description: unknown, values: Constant[]): Record<string, string> | undefined {
  if (typeof description !== "string") return undefined;
  const hints: Record<string, string> = {};
  for (const part of description.split(/;\s+/)) {
    const match = /^\s*([^:\s]+):\s+(.+?)\.?\s*$/s.exec(part);
    if (match?.[1] && match[2]) hints[match[1]] = upperFirst(match[2]);
  }
  return values.every((value) => String(value) in hints) ? hints : undefined;
}

function toChoice(schema: Schema, values: Constant[]): Schema {
  const { anyOf: _anyOf, oneOf: _oneOf, description, ...rest } = schema;
  const hints = getChoiceHints(description, values);
  const types = new Set(values.map((value) => typeof value));
  const [type] = types;
  return {
    ...rest,
    // The description's parts become the options' hints; it is not said twice.
    ...(hints || description === undefined ? {} : { description }),
    ...(types.size === 1 && type ? { type } : {}),
    oneOf: values.map((value) => ({
      const: value,
      title: getChoiceLabel(value),
      ...(hints?.[String(value)] ? { description: hints[String(value)] } : {}),
    })),
  };
}

/**
 * A union of one free string (a key) and constants ("a term's key, or any"): a string, its constants kept as
 * `x-steward-choices` for an editor that offers them.
 */
function toStringWithChoices(schema: Schema, branches: unknown[]): Schema | undefined {
  const free = branches.filter((branch) => isSchema(branch) && !("const" in branch));
  const [only] = free;
  if (free.length !== 1 || !isSchema(only) || only.type !== "string") return undefined;
  const constants = getConstants(branches.filter((branch) => branch !== only));
  if (!constants) return undefined;
  const { anyOf: _anyOf, ...rest } = schema;
  return { ...only, ...rest, "x-steward-choices": constants };
}

/** The schema with every union of constants, at any depth, as a choice rjsf draws as radios or a select. */
export function toChoiceSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toChoiceSchema);
  if (!isSchema(schema)) return schema;
  const walked = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, toChoiceSchema(value)]));
  const branches = walked.anyOf;
  if (!Array.isArray(branches) || "type" in walked) return walked;
  const constants = getConstants(branches);
  if (constants) return toChoice(walked, constants);
  return toStringWithChoices(walked, branches) ?? walked;
}
