/**
 * The policies' own forms: a size cap, a schema Steward can compile once and
 * reuse (no $id, every $ref inside it), a valid JSON Schema object, and a
 * uiSchema that names only the form's fields, orders all of them (or says "*"
 * for the rest) and draws them with widgets the theme has.
 */
import { describeAjvError } from "../../ajv-errors.ts";
import { checkFormSchema, createAjv } from "../../ajv.ts";
import { SIZE_LIMITS } from "../../schema/common.ts";
import type { FormDefinition, PolicyDocument } from "../../schema/policy.ts";
import { FORM_THEME_WIDGETS, FORM_WIDGET_ALIASES } from "../../vocabulary.ts";
import type { Path, SemanticsContext } from "./context.ts";

/** One validator for the policies' own forms, reused across calls. */
const formsAjv = createAjv();

type JsonObject = Record<string, unknown>;

/** A JSON object (or list) read by name: schemas and uiSchemas are free-form JSON. */
function asObject(value: unknown): JsonObject | undefined {
  return value !== null && typeof value === "object" ? (value as JsonObject) : undefined;
}

/** Whether the form's schema or uiSchema is over the size cap (reported). */
function tooLarge(form: FormDefinition, f: number, ctx: SemanticsContext): boolean {
  for (const part of ["schema", "uiSchema"] as const) {
    const size = JSON.stringify(form[part] ?? {}).length;
    if (size > SIZE_LIMITS.jsonCharacters) {
      ctx.report(
        ["forms", f, part],
        `The form's ${part} is ${size.toLocaleString("en-GB")} characters long: it may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
        "form.size",
      );
      return true;
    }
  }
  return false;
}

/**
 * Checks a policy's JSON Schema (a form's, or a register entry's): one Steward
 * can compile once and reuse (no $id, every $ref inside it), valid JSON Schema.
 */
export function checkPolicySchema(
  schema: JsonObject,
  path: Path,
  ctx: SemanticsContext,
  { code, owner }: { code: string; owner: string },
): void {
  // Compiled once per policy version and reused (getFormValidator): no $id, every $ref inside the schema.
  for (const problem of checkFormSchema(schema)) ctx.report([...path, ...problem.path], problem.message, problem.code);
  if (!formsAjv.validateSchema(schema)) {
    const [first] = formsAjv.errors ?? [];
    const { pointer, message } = first
      ? describeAjvError(first)
      : { pointer: "", message: "It does not follow JSON Schema." };
    ctx.report(path, `The ${owner} JSON Schema is not valid${pointer ? ` at ${pointer}` : ""}: ${message}`, code);
  }
}

function checkUiOrder(ui: JsonObject, properties: JsonObject, path: Path, ctx: SemanticsContext, code: string): void {
  const order = ui["ui:order"];
  if (!Array.isArray(order)) return;
  order.forEach((name: unknown, i) => {
    if (name !== "*" && !(String(name) in properties))
      ctx.report([...path, "ui:order", i], `"${String(name)}" in ui:order is not a field of the form.`, code);
  });
  const wildcards = order.filter((name) => name === "*").length;
  if (wildcards > 1)
    ctx.report([...path, "ui:order"], `ui:order has "*" ${wildcards} times: it may have it once at most.`, code);
  if (wildcards > 0) return;
  // Without "*", the form cannot draw a field its order leaves out: it fails for everyone who opens it.
  const listed = new Set(order.map(String));
  const missing = Object.keys(properties).filter((name) => !listed.has(name));
  if (missing.length > 0) {
    const names = missing.map((name) => `"${name}"`).join(", ");
    ctx.report(
      [...path, "ui:order"],
      `ui:order leaves out ${names}: list every field of the form in the order to ask them, or add "*" for the rest.`,
      code,
    );
  }
}

const KNOWN_WIDGETS: ReadonlySet<string> = new Set([...FORM_THEME_WIDGETS, ...FORM_WIDGET_ALIASES]);

function checkUiWidget(ui: JsonObject, path: Path, ctx: SemanticsContext, code: string): void {
  const widget = ui["ui:widget"];
  // A component (not a name) cannot be written in JSON; only names are checked.
  if (typeof widget !== "string" || KNOWN_WIDGETS.has(widget)) return;
  ctx.report(
    [...path, "ui:widget"],
    `"${widget}" is not a widget Steward's forms have. Widgets: ${[...FORM_WIDGET_ALIASES, "yesNo", "ratingScale", "categorySelector", "bestFit"].join(", ")}.`,
    code,
  );
}

/** Checks that a uiSchema names only fields of its schema. */
export function checkUiSchema(
  ui: JsonObject,
  schema: JsonObject,
  path: Path,
  ctx: SemanticsContext,
  code = "form.uiSchema",
): void {
  const properties = asObject(schema.properties) ?? {};
  checkUiWidget(ui, path, ctx, code);
  for (const [name, value] of Object.entries(ui)) {
    if (name.startsWith("ui:")) continue;
    const nested = asObject(value);
    if (name === "items" && schema.type === "array" && schema.items && nested) {
      checkUiSchema(nested, asObject(schema.items) ?? {}, [...path, name], ctx, code);
      continue;
    }
    const field = properties[name];
    if (!field) {
      const known = Object.keys(properties);
      ctx.report(
        [...path, name],
        `The uiSchema names "${name}", which is not a field of the form.${known.length ? ` Fields: ${known.join(", ")}.` : ""}`,
        code,
      );
      continue;
    }
    if (nested) checkUiSchema(nested, asObject(field) ?? {}, [...path, name], ctx, code);
  }
  checkUiOrder(ui, properties, path, ctx, code);
}

export function checkForms(policy: PolicyDocument, ctx: SemanticsContext): void {
  policy.forms.forEach((form, f) => {
    if (tooLarge(form, f, ctx)) return;
    checkPolicySchema(form.schema, ["forms", f, "schema"], ctx, { code: "form.schema", owner: "form's" });
    if (form.uiSchema) checkUiSchema(form.uiSchema, form.schema, ["forms", f, "uiSchema"], ctx);
    if (asObject(form.schema)?.type !== "object") {
      ctx.report(
        ["forms", f, "schema", "type"],
        'A form\'s schema must be an object schema ("type": "object").',
        "form.schema",
      );
    }
  });
}
