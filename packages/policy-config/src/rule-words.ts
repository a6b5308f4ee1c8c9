/**
 * A JsonLogic rule in plain English, for the people who write and check a
 * policy: `{"and": [{"==": [{"var": "ofsted.overallEffectiveness"}, "requires-improvement"]}, ...]}` reads
 * "Ofsted overall effectiveness is Requires improvement and the school's governance is Maintained". Facts are
 * named by their labels and values by theirs (`listRuleFacts`); anything else reads as what it does.
 */
import { entriesOf } from "./json.ts";
import { keyInWords, type RuleFact } from "./rule-facts.ts";

const COMPARISON_WORDS: Record<string, string> = {
  "==": "is",
  "===": "is",
  "!=": "is not",
  "!==": "is not",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
};

const DATE_WORDS: Record<string, string> = {
  "<": "is before",
  "<=": "is on or before",
  ">": "is after",
  ">=": "is on or after",
};

const ARITHMETIC_WORDS: Record<string, string> = {
  "+": "the sum of",
  "-": "the difference of",
  "*": "the product of",
  "/": "the quotient of",
  "%": "the remainder of",
  min: "the least of",
  max: "the greatest of",
  cat: "the text joining",
};

type Facts = ReadonlyMap<string, RuleFact>;

/** The one operator of a JsonLogic node and its arguments (always a list), or undefined for a literal. */
export function operationOf(node: unknown): { operator: string; args: unknown[] } | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const [entry, ...rest] = entriesOf(node);
  if (!entry || rest.length > 0) return undefined;
  const [operator, args] = entry;
  return { operator, args: Array.isArray(args) ? args : [args] };
}

/** The fact name a `{"var": name}` node reads, if it is one. */
export function varOf(node: unknown): string | undefined {
  const operation = operationOf(node);
  const name = operation?.operator === "var" ? operation.args[0] : undefined;
  return typeof name === "string" ? name : undefined;
}

/** A label inside a sentence: "The school's phase" reads "the school's phase" after "and". */
function inSentence(label: string): string {
  return label.replace(/^The /, "the ");
}

/** A list in words: `a, b or c`. */
function listWords(items: string[], last: string): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1) ?? ""}`;
}

/** A literal value as the fact it is compared with reads it: a value's label, yes or no, a number, "text". */
function valueWords(value: unknown, fact: RuleFact | undefined): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (value === null) return "not known";
  if (typeof value === "string") {
    const known = fact?.values?.find((v) => v.value === value);
    if (known) return known.label;
    return fact?.type === "date" || fact?.type === "number" ? value : `"${value}"`;
  }
  if (Array.isArray(value))
    return listWords(
      value.map((item: unknown) => valueWords(item, fact)),
      "or",
    );
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** A condition on one fact: `Ofsted overall effectiveness is Good or Outstanding`. */
function conditionWords(operator: string, name: string, value: unknown, facts: Facts, negated: boolean): string {
  const fact = facts.get(name);
  const label = inSentence(fact?.label ?? name);
  if (operator === "in") return `${label} ${negated ? "is not" : "is"} ${valueWords(value, fact)}`;
  if (typeof value === "boolean" && (operator.startsWith("==") || operator.startsWith("!=")))
    return `${label}: ${operator.startsWith("!=") ? "not " : ""}${valueWords(value, fact)}`;
  const words = (fact?.type === "date" ? DATE_WORDS[operator] : undefined) ?? COMPARISON_WORDS[operator] ?? operator;
  return `${label} ${words} ${valueWords(value, fact)}`;
}

/** A node that joins others reads in brackets inside another. */
function nested(node: unknown, facts: Facts): string {
  const operator = operationOf(node)?.operator;
  const words = describe(node, facts);
  return operator === "and" || operator === "or" ? `(${words})` : words;
}

/** `{"+": [{"if": [c, 1, 0]}, ...]}`: a count of the conditions that hold. */
function countWords(args: unknown[], facts: Facts): string | undefined {
  const conditions = args.map((arg) => {
    const operation = operationOf(arg);
    const [condition, then, otherwise] = operation?.args ?? [];
    return operation?.operator === "if" && then === 1 && otherwise === 0 ? condition : undefined;
  });
  if (conditions.length < 2 || conditions.some((c) => c === undefined)) return undefined;
  return `the number of these that hold (${conditions.map((c) => describe(c, facts)).join("; ")})`;
}

/** A comparison with a fact on one side and a value on the other, in either order. */
function comparisonWords(operator: string, args: unknown[], facts: Facts, negated = false): string | undefined {
  const [left, right] = args;
  const name = varOf(left);
  if (name !== undefined && operationOf(right) === undefined)
    return conditionWords(operator, name, right, facts, negated);
  return undefined;
}

function describe(node: unknown, facts: Facts): string {
  const operation = operationOf(node);
  if (!operation) return valueWords(node, undefined);
  const { operator, args } = operation;
  if (operator === "and" || operator === "or") return args.map((arg) => nested(arg, facts)).join(` ${operator} `);
  if (operator === "var") return inSentence(facts.get(String(args[0]))?.label ?? String(args[0]));
  if (operator === "!") {
    const inner = operationOf(args[0]);
    const negated = inner?.operator === "in" ? comparisonWords("in", inner.args, facts, true) : undefined;
    return negated ?? `not (${describe(args[0], facts)})`;
  }
  if (operator === "!!") return `${nested(args[0], facts)} holds`;
  if (COMPARISON_WORDS[operator] !== undefined || operator === "in") {
    const simple = comparisonWords(operator, args, facts);
    if (simple) return simple;
    const words = operator === "in" ? "is one of" : COMPARISON_WORDS[operator];
    return `${nested(args[0], facts)} ${words} ${nested(args[1], facts)}`;
  }
  if (operator === "if") return ifWords(args, facts);
  if (operator === "+") {
    const count = countWords(args, facts);
    if (count) return count;
  }
  const words = ARITHMETIC_WORDS[operator] ?? keyInWords(operator).toLowerCase();
  return `${words} (${args.map((arg) => describe(arg, facts)).join(", ")})`;
}

/** `{"if": [c1, a, c2, b, otherwise]}`: a if c1, b if c2, else otherwise. */
function ifWords(args: unknown[], facts: Facts): string {
  const parts: string[] = [];
  for (let i = 0; i + 1 < args.length; i += 2)
    parts.push(`${describe(args[i + 1], facts)} if ${describe(args[i], facts)}`);
  if (args.length % 2 === 1) parts.push(`otherwise ${describe(args.at(-1), facts)}`);
  return parts.join(", ");
}

/**
 * A rule in plain English, naming facts and values by their labels in `facts`
 * (from `listRuleFacts` on the same policy). Never throws: a part it cannot
 * word more plainly reads as what it does ("the sum of (...)").
 */
export function ruleInWords(rule: unknown, facts: readonly RuleFact[]): string {
  const words = describe(rule, new Map(facts.map((fact) => [fact.name, fact])));
  return words.charAt(0).toUpperCase() + words.slice(1);
}
