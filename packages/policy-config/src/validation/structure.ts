import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";

import { describeAjvError, shown, typeName, unknownFieldSentence } from "../ajv-errors.ts";
import { createAjv } from "../ajv.ts";
import { policyMetaSchema } from "../meta-schema.ts";
import type { PolicyDocument } from "../schema/policy.ts";
import { conceptHint } from "./concepts.ts";
import { describePointer, type Problem } from "./problem.ts";

/**
 * The meta-schema's two validators, compiled on first use rather than at import: compiling costs about
 * a second of CPU, which every process that imports this package (the server at start, the CLI, each
 * worker thread) would otherwise pay whether or not it ever checks a document.
 */
const validators: {
  /** Every error, for a document of ordinary size: each problem at its place. */
  all?: ValidateFunction;
  /** Stops at the first error: whether a document is valid at all, and the one problem of a huge one. */
  first?: ValidateFunction<PolicyDocument>;
} = {};

function validateStructure(document: unknown): ValidateFunction {
  validators.all ??= createAjv().compile(policyMetaSchema);
  validators.all(document);
  return validators.all;
}

function validateFirst(document: unknown): document is PolicyDocument {
  validators.first ??= createAjv({ allErrors: false }).compile<PolicyDocument>(policyMetaSchema);
  return validators.first(document);
}

/**
 * Past this many values (JSON nodes) a document is checked only up to its
 * first problem: listing every problem of a document many times the size of
 * any real policy (about 4,500 values each) would cost the server seconds.
 */
export const HUGE_DOCUMENT_VALUES = 100_000;

/** Counts a document's values, stopping once past `limit`. */
function countValues(document: unknown, limit: number): number {
  const stack = [document];
  let count = 0;
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop();
    count++;
    if (node !== null && typeof node === "object") for (const child of Object.values(node)) stack.push(child);
  }
  return count;
}

/**
 * A union of literals fails as one `anyOf` error plus one `const` error per
 * branch: say it once, listing the choices. Other unions keep the branch
 * errors that got furthest. Linear in the number of errors (they are grouped
 * by place first), so a document with thousands of problems stays cheap.
 */
function collapseUnions(errors: ErrorObject[]): { error: ErrorObject; message?: string }[] {
  const out: { error: ErrorObject; message?: string }[] = [];
  const atPlace = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = atPlace.get(e.instancePath);
    if (list) list.push(e);
    else atPlace.set(e.instancePath, [e]);
  }
  // Places that have errors deeper down: each place and its ancestors.
  const hasDeeper = new Set<string>();
  for (const place of atPlace.keys()) {
    for (let i = place.lastIndexOf("/"); i >= 0; i = place.lastIndexOf("/", i - 1)) {
      const parent = place.slice(0, i);
      if (hasDeeper.has(parent)) break;
      hasDeeper.add(parent);
      if (i === 0) break;
    }
  }
  const swallowed = new Set<ErrorObject>();
  for (const union of errors) {
    if (union.keyword !== "anyOf") continue;
    const prefix = union.schemaPath.replace(/\/anyOf$/, "/anyOf/");
    const branches = (atPlace.get(union.instancePath) ?? []).filter(
      (e) => e !== union && e.schemaPath.startsWith(prefix),
    );
    const options = (union.schema as { const?: unknown; anyOf?: unknown }[]).map((branch) => branch.const);
    if (options.every((o) => o !== undefined)) {
      for (const b of branches) swallowed.add(b);
      const list = options.map((o) => shown(o)).join(", ");
      out.push({ error: union, message: `Must be one of ${list}; not ${shown(union.data)}.` });
    } else {
      // Keep the branch errors (they say what is wrong inside); drop the bare anyOf.
      swallowed.add(union);
      if (branches.length > 0 && !hasDeeper.has(union.instancePath)) {
        for (const b of branches) swallowed.add(b);
        out.push({ error: union, message: `Is not in any allowed form (${typeName(union.data)} given).` });
      }
    }
  }
  for (const error of errors) {
    if (error.keyword === "anyOf" || swallowed.has(error)) continue;
    out.push({ error });
  }
  return out;
}

/**
 * The most Ajv errors turned into problems. A document past its size caps can
 * fail in tens of thousands of places; only the first are worth reading, and
 * `validatePolicy` returns at most `MAX_PROBLEMS` anyway.
 */
const MAX_STRUCTURE_ERRORS = 2000;
const SIZE_KEYWORDS = new Set(["maxItems", "maxLength", "maxProperties"]);

/** An unknown field that names a concept the format has under another name: the sentence saying so. */
function withConceptHint(error: ErrorObject): string | undefined {
  if (error.keyword !== "additionalProperties") return undefined;
  const field = String((error.params as { additionalProperty?: unknown }).additionalProperty);
  const hint = conceptHint(error.instancePath, field);
  return hint ? unknownFieldSentence(field, error.parentSchema, hint) : undefined;
}

/** Checks a document against the meta-schema, returning every problem at once. */
export function checkStructure(document: unknown): Problem[] {
  return collectStructure(document).problems;
}

/**
 * `checkStructure`, saying whether Ajv's errors were cut at
 * `MAX_STRUCTURE_ERRORS` (`truncated`: more problems exist than are listed),
 * and whether the document was too big to check past its first problem (`huge`).
 */
export function collectStructure(document: unknown): {
  problems: Problem[];
  truncated: boolean;
  huge: boolean;
  /** The document, typed, when it has the meta-schema's shape. */
  policy?: PolicyDocument;
} {
  if (validateFirst(document)) return { problems: [], truncated: false, huge: false, policy: document };
  const huge = countValues(document, HUGE_DOCUMENT_VALUES) > HUGE_DOCUMENT_VALUES;
  const all = (huge ? validators.first?.errors : validateStructure(document).errors) ?? [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  // Past the cap, keep the first errors and every size-cap error (a list that
  // is too long says more than its ten thousand bad items).
  const errors =
    all.length <= MAX_STRUCTURE_ERRORS
      ? all
      : all.filter((e, i) => i < MAX_STRUCTURE_ERRORS || SIZE_KEYWORDS.has(e.keyword));
  for (const { error, message } of collapseUnions(errors)) {
    const described = describeAjvError(error);
    const pointer = described.pointer;
    const text = message ?? withConceptHint(error) ?? described.message;
    const id = `${pointer}|${text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    problems.push({
      pointer,
      where: describePointer(document, pointer),
      message: text,
      severity: "error",
      code: `schema.${error.keyword}`,
    });
  }
  return {
    problems: problems.sort((a, b) => a.pointer.localeCompare(b.pointer)),
    truncated: errors.length < all.length,
    huge,
  };
}
