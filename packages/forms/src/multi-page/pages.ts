import { getUiOptions, type RJSFSchema, type UiSchema } from "@rjsf/utils";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One page of a multi-page form: a heading, an optional lead paragraph, and the root fields it asks. */
export interface FormPage {
  title: string;
  description?: string;
  fields: string[];
}

/**
 * The pages of a form, from the root uiSchema's `"ui:options": { "pages": [{ "title", "description"?, "fields" }] }`.
 * A root field on no page is added to the last page, so nothing is left unasked. Undefined when the form has no pages.
 */
export function getPages(schema: RJSFSchema, uiSchema: UiSchema | undefined): FormPage[] | undefined {
  const pages: unknown = getUiOptions(uiSchema).pages;
  if (!Array.isArray(pages) || pages.length === 0) return undefined;
  const valid = pages.filter(
    (page): page is FormPage => isRecord(page) && typeof page.title === "string" && Array.isArray(page.fields),
  );
  if (valid.length === 0) return undefined;
  const listed = new Set(valid.flatMap((page) => page.fields));
  const conditional = getConditionalFields(schema);
  const unlisted = Object.keys(schema.properties ?? {}).filter((name) => !listed.has(name) && !conditional.has(name));
  if (unlisted.length === 0) return valid;
  const last = valid[valid.length - 1];
  if (!last) return valid;
  return [...valid.slice(0, -1), { ...last, fields: [...last.fields, ...unlisted] }];
}

/** Fields that only appear through `dependencies` or `if`/`then`: they travel with the field that reveals them. */
function getConditionalFields(schema: RJSFSchema): Set<string> {
  const names = new Set<string>();
  const addProperties = (candidate: unknown) => {
    if (typeof candidate !== "object" || candidate === null) return;
    const node = candidate as RJSFSchema;
    Object.keys(node.properties ?? {}).forEach((name) => names.add(name));
    for (const key of ["oneOf", "anyOf", "allOf"] as const) (node[key] ?? []).forEach(addProperties);
    addProperties(node.then);
    addProperties(node.else);
  };
  Object.values(schema.dependencies ?? {}).forEach(addProperties);
  (schema.allOf ?? []).forEach((entry) => {
    if (typeof entry === "object") {
      addProperties(entry.then);
      addProperties(entry.else);
    }
  });
  addProperties(schema.then);
  addProperties(schema.else);
  Object.keys(schema.properties ?? {}).forEach((name) => names.delete(name));
  return names;
}

function refersOnlyTo(condition: unknown, fields: Set<string>): boolean {
  if (typeof condition !== "object" || condition === null) return false;
  const node = condition as RJSFSchema;
  const referenced = [...Object.keys(node.properties ?? {}), ...(node.required ?? [])];
  return referenced.length > 0 && referenced.every((name) => fields.has(name));
}

/**
 * The schema of one page: the page's fields with their `required`, `dependencies` and `if`/`then` rules, so that
 * Continue validates only what the page asks. The page title becomes the schema title (the page's `<h1>`).
 */
export function getPageSchema(schema: RJSFSchema, page: FormPage): RJSFSchema {
  const fields = new Set(page.fields);
  const {
    properties = {},
    required,
    dependencies,
    allOf,
    if: condition,
    then,
    else: otherwise,
    title: _title,
    description: _description,
    ...rest
  } = schema;
  const pageSchema: RJSFSchema = {
    ...rest,
    type: "object",
    title: page.title,
    properties: Object.fromEntries(Object.entries(properties).filter(([name]) => fields.has(name))),
  };
  if (page.description) pageSchema.description = page.description;
  const pageRequired = (required ?? []).filter((name) => fields.has(name));
  if (pageRequired.length > 0) pageSchema.required = pageRequired;
  const pageDependencies = Object.fromEntries(Object.entries(dependencies ?? {}).filter(([name]) => fields.has(name)));
  if (Object.keys(pageDependencies).length > 0) pageSchema.dependencies = pageDependencies;
  const pageAllOf = (allOf ?? []).filter((entry) => typeof entry === "object" && refersOnlyTo(entry.if, fields));
  if (pageAllOf.length > 0) pageSchema.allOf = pageAllOf;
  if (condition !== undefined && refersOnlyTo(condition, fields))
    Object.assign(pageSchema, { if: condition, then, else: otherwise });
  return pageSchema;
}

/** The uiSchema of one page: the page's fields' entries, the root order narrowed to them, no `pages` option. */
export function getPageUiSchema(uiSchema: UiSchema | undefined, page: FormPage, caption?: string): UiSchema {
  const fields = new Set(page.fields);
  const pageUi: UiSchema = {};
  for (const [key, value] of Object.entries<unknown>(uiSchema ?? {})) {
    if (key === "ui:options") {
      const { pages: _pages, ...options } = isRecord(value) ? value : {};
      pageUi["ui:options"] = { ...options, ...(caption ? { caption } : {}) };
    } else if (key === "ui:order") {
      const order = Array.isArray(value) ? value.filter((name): name is string => typeof name === "string") : [];
      pageUi["ui:order"] = [
        ...order.filter((name) => name === "*" || fields.has(name)),
        ...(order.includes("*") ? [] : ["*"]),
      ];
    } else {
      pageUi[key] = value;
    }
  }
  if (caption && !pageUi["ui:options"]) pageUi["ui:options"] = { caption };
  return pageUi;
}
