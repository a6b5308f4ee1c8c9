import type { RuleCondition, RuleFact, RuleGroup, RuleNode, TreeOperator, TreeValue } from "@steward/policy-config";

/** How the builder offers a fact's operators and value: by its type, a fact with listed values being a choice. */
type ValueKind = "choice" | "boolean" | "number" | "date" | "text";

export function kindOf(fact: RuleFact | undefined): ValueKind {
  if (fact?.values?.length) return "choice";
  switch (fact?.type) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "date":
      return "date";
    default:
      return "text";
  }
}

const IS: [TreeOperator, string][] = [
  ["==", "is"],
  ["!=", "is not"],
];
const LISTS: [TreeOperator, string][] = [
  ["in", "is one of"],
  ["not-in", "is none of"],
];

/** The operators offered for each kind of fact, in words. */
const OFFERED: Record<ValueKind, [TreeOperator, string][]> = {
  choice: [...IS, ...LISTS],
  text: [...IS, ...LISTS],
  boolean: [
    ["===", "is"],
    ["!==", "is not"],
  ],
  number: [...IS, ["<", "is less than"], ["<=", "is at most"], [">", "is more than"], [">=", "is at least"]],
  date: [
    ["==", "is on"],
    ["<", "is before"],
    ["<=", "is on or before"],
    [">", "is after"],
    [">=", "is on or after"],
  ],
};

/** What any operator reads as where its kind does not offer it (a rule written as JSON may use it). */
const OTHER_WORDS: Record<TreeOperator, string> = {
  "==": "is",
  "===": "is exactly",
  "!=": "is not",
  "!==": "is not exactly",
  "<": "is less than",
  "<=": "is at most",
  ">": "is more than",
  ">=": "is at least",
  in: "is one of",
  "not-in": "is none of",
};

/** The operators to offer for a condition: its kind's, and its own operator if that is not among them. */
export function operatorsFor(kind: ValueKind, current: TreeOperator): [TreeOperator, string][] {
  const offered = OFFERED[kind];
  return offered.some(([op]) => op === current) ? offered : [...offered, [current, OTHER_WORDS[current]]];
}

export const isListOperator = (operator: TreeOperator) => operator === "in" || operator === "not-in";

/** A value of the kind a fact takes, to start a condition with. */
function firstValue(fact: RuleFact | undefined): TreeValue {
  switch (kindOf(fact)) {
    case "choice":
      return fact?.values?.[0]?.value ?? "";
    case "boolean":
      return true;
    case "number":
      return 0;
    default:
      return "";
  }
}

/** A new condition on `fact`: its kind's first operator and a value of its type. */
export function newCondition(fact: RuleFact | undefined): RuleCondition {
  const [first] = OFFERED[kindOf(fact)];
  return { kind: "condition", fact: fact?.name ?? "", operator: first?.[0] ?? "==", value: firstValue(fact) };
}

/** The value kept when the operator changes between one value and a list of them. */
export function valueForOperator(value: TreeValue, operator: TreeOperator): TreeValue {
  if (isListOperator(operator)) {
    if (Array.isArray(value)) return value;
    return typeof value === "boolean" || value === "" ? [] : [value];
  }
  return Array.isArray(value) ? (value[0] ?? "") : value;
}

/** The facts a tree reads that `facts` does not offer (a measure's record fields, a dimension's level). */
export function unofferedFacts(node: RuleNode, facts: ReadonlyMap<string, RuleFact>): string[] {
  if (node.kind === "group") return node.children.flatMap((child) => unofferedFacts(child, facts));
  return facts.has(node.fact) ? [] : [node.fact];
}

/** A copy of a group with the node at `path` (indexes from the top) replaced by `next`, or removed when undefined. */
export function replaceAt(group: RuleGroup, path: readonly number[], next: RuleNode | undefined): RuleGroup {
  const [index, ...rest] = path;
  if (index === undefined) return next?.kind === "group" ? next : group;
  const children = group.children.flatMap((child, i): RuleNode[] => {
    if (i !== index) return [child];
    if (rest.length === 0) return next ? [next] : [];
    return child.kind === "group" ? [replaceAt(child, rest, next)] : [child];
  });
  return { ...group, children };
}
