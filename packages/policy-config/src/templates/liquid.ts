import { Liquid, type Template } from "liquidjs";

import { MERGE_FIELDS } from "../vocabulary.ts";

/**
 * The ONE Liquid set-up for letter templates, used by the policy validator
 * (parse only) and by the engine that renders letters, so a template the
 * validator accepts is exactly one the renderer runs, and one it refuses the
 * renderer refuses too (a policy stored before a rule was added).
 *
 * What bounds a template:
 * - no file system: `include`, `render` and `layout` are refused at parse time,
 *   and the engine is given an empty in-memory template map and a file system
 *   that reads nothing, so no path can ever reach the disk;
 * - `raw` is refused (it would let a template write unescaped `{{ }}` text into
 *   letters that other tools may process again);
 * - `parseLimit`: the length of template text parsed in one go;
 * - `renderLimit`: wall-clock time for one render (a loop of loops stops with
 *   a clear error, it never hangs the server);
 * - `memoryLimit`: characters and list items allocated by filters and ranges
 *   in one render (`(1..100000000)`, a string doubled by `append` in a loop);
 * - every merged value HTML-escaped, filters must exist, and only a value's own
 *   properties are read (no prototype walking).
 */
export const TEMPLATE_LIMITS = {
  /** Characters of template text (the meta-schema caps a letter's body well below this). */
  parseLength: 100_000,
  /** Milliseconds one render may take. Real letters render in well under 5. */
  renderMilliseconds: 500,
  /** Characters or items filters and ranges may allocate in one render. Real letters use a few thousand. */
  memory: 2_000_000,
} as const;

/** The tags a template may not use, and why, in the policy administrator's words. */
const REFUSED_TAGS: Record<string, string> = {
  include: "Templates cannot include other files: write the text in the template",
  render: "Templates cannot render other files: write the text in the template",
  layout: "Templates cannot use a layout file: write the text in the template",
  raw: "Templates cannot use raw: write the text without it",
};

/** A file system that holds nothing: the engine never touches the disk. */
const NO_FILES = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file: string): Promise<string> => Promise.reject(new Error(`Templates cannot read files (${file})`)),
  readFileSync: (file: string): string => {
    throw new Error(`Templates cannot read files (${file})`);
  },
  resolve: (_root: string, file: string) => file,
  contains: () => Promise.resolve(false),
  dirname: () => "",
  sep: "/",
};

/**
 * Makes a Liquid engine with Steward's limits (see above). `html` (the default) escapes every merged value, for
 * a letter's body; `text` merges values as they are, for plain text such as a subject line, which is only ever
 * shown as text (an "Aidan's" stays "Aidan's", never "Aidan&#39;s").
 */
export function createLiquid(output: "html" | "text" = "html"): Liquid {
  const liquid = new Liquid({
    ...(output === "html" ? { outputEscape: "escape" as const } : {}),
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    fs: NO_FILES,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    templates: {},
    cache: false,
    parseLimit: TEMPLATE_LIMITS.parseLength,
    renderLimit: TEMPLATE_LIMITS.renderMilliseconds,
    memoryLimit: TEMPLATE_LIMITS.memory,
  });
  for (const [name, reason] of Object.entries(REFUSED_TAGS)) {
    liquid.registerTag(name, {
      parse() {
        throw new Error(reason);
      },
      *render() {
        // never reached: parse always refuses
      },
    });
  }
  return liquid;
}

const liquid = createLiquid();
const textLiquid = createLiquid("text");

/** A template refused: the sentence says why, for the policy administrator or the officer. */
export class TemplateError extends Error {
  readonly code: string;
  constructor(message: string, code: string) {
    super(message);
    this.name = "TemplateError";
    this.code = code;
  }
}

/** Liquid's error text ends "…, line:1, col:4": turn it into a sentence. */
function liquidMessage(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  const match = /^(.*), line:(\d+), col:(\d+)$/.exec(first);
  const text = (match?.[1] ?? first).replace(/\.$/, "");
  const where = match ? ` (line ${match[2]}, column ${match[3]})` : "";
  if (/render limit exceeded/.test(text)) {
    return `it takes too long to render (more than ${TEMPLATE_LIMITS.renderMilliseconds} ms): make its loops smaller${where}.`;
  }
  if (/memory alloc limit exceeded/.test(text)) {
    return `it makes too much text (more than ${TEMPLATE_LIMITS.memory.toLocaleString("en-GB")} characters or items): check its loops, ranges and filters${where}.`;
  }
  if (/parse length limit exceeded/.test(text)) {
    return `it is too long (more than ${TEMPLATE_LIMITS.parseLength.toLocaleString("en-GB")} characters).`;
  }
  return `${text}${where}.`;
}

/** A merge field the vocabulary has, or a part of one (`school`), or a path under one (`indicators.first`). */
function isMergeField(name: string, fields: Record<string, string>): boolean {
  return Object.keys(fields).some(
    (field) => name === field || field.startsWith(`${name}.`) || name.startsWith(`${field}.`),
  );
}

/** What a template may merge beyond the vocabulary: the fields its letter type's parameters declare. */
export interface TemplateScope {
  /** The letter type's parameter fields (`parameters.<field>`); none when it has no parameters. */
  parameters?: readonly string[];
  /** The merge fields it may use instead of a letter's (a notification's: `NOTIFICATION_MERGE_FIELDS`). */
  fields?: Record<string, string>;
}

/** Why a variable is not one the template may merge, or undefined when it may. */
function unknownField(name: string, scope: TemplateScope): { message: string; code: string } | undefined {
  const [head, field] = name.split(".");
  if (head === "parameters" && scope.fields === undefined) {
    const declared = scope.parameters ?? [];
    if (field !== undefined && declared.includes(field)) return undefined;
    if (field === undefined && declared.length > 0) return undefined;
    return {
      message:
        declared.length > 0
          ? `The template uses "${name}", but the letter type's parameters declare no field "${field ?? ""}". Use one of: ${declared.map((d) => `parameters.${d}`).join(", ")}.`
          : `The template uses "${name}", but the letter type has no parameters: declare the field under its parameters' schema first.`,
      code: "template.parameter",
    };
  }
  const fields = scope.fields ?? MERGE_FIELDS;
  if (isMergeField(name, fields)) return undefined;
  return {
    message: `The template uses "${name}", which is not a merge field. Use one of: ${Object.keys(fields).join(", ")}.`,
    code: "template.field",
  };
}

type Checked = { template: Template[]; problems: { message: string; code: string }[] };

/**
 * Parses a template as the validator and the renderer both must: Liquid's own
 * syntax, the refused tags, and every variable a merge field of the vocabulary
 * (`parameters.<field>` only for a field the letter type's parameters declare).
 */
function parseChecked(source: string, scope: TemplateScope): Checked {
  let template: Template[];
  try {
    template = liquid.parse(source);
  } catch (error) {
    return {
      template: [],
      problems: [{ message: `The template does not parse: ${liquidMessage(error)}`, code: "template.syntax" }],
    };
  }
  let variables: string[][];
  try {
    variables = liquid.globalVariableSegmentsSync(template).map((segments) => segments.map(String));
  } catch (error) {
    return {
      template,
      problems: [{ message: `The template cannot be read: ${liquidMessage(error)}`, code: "template.syntax" }],
    };
  }
  const problems = variables
    .map((segments) => unknownField(segments.join("."), scope))
    .filter((problem) => problem !== undefined);
  return { template, problems };
}

/** Every problem a template has (for the validator): a syntax or refused-tag problem, or one per unknown merge field. */
export function checkTemplate(source: string, scope: TemplateScope = {}): { message: string; code: string }[] {
  return parseChecked(source, scope).problems;
}

/**
 * Renders a template with the given merge fields, within the limits. Refuses
 * (a `TemplateError`, nothing rendered) a template the validator would refuse,
 * and stops one that runs too long or makes too much text.
 */
export function renderTemplate(
  source: string,
  context: object,
  scope: TemplateScope = {},
  output: "html" | "text" = "html",
): string {
  const { problems } = parseChecked(source, scope);
  const [problem] = problems;
  if (problem) throw new TemplateError(problem.message, problem.code);
  try {
    const engine = output === "html" ? liquid : textLiquid;
    return engine.renderSync(engine.parse(source), context) as string;
  } catch (error) {
    throw new TemplateError(`The template cannot be rendered: ${liquidMessage(error)}`, "template.render");
  }
}
