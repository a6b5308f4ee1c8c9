/**
 * A JsonLogic rule as groups of conditions, the shape a rule builder edits:
 * "all of" / "any of" groups of "fact, operator, value" rows, nested. Parsing
 * and writing back are exact: an unedited rule writes back as the same
 * JsonLogic (`===` stays `===`, `{"!": {"in": ...}}` stays so). A rule with
 * anything else (arithmetic, `if`, a fact compared with a fact) is not a tree:
 * the parse says why, in a sentence.
 */
import { fieldOf } from "./json.ts";
import { operationOf, varOf } from "./rule-words.ts";

export const TREE_OPERATORS = ["==", "===", "!=", "!==", "<", "<=", ">", ">=", "in", "not-in"] as const;
export type TreeOperator = (typeof TREE_OPERATORS)[number];

export type TreeLiteral = string | number | boolean;
export type TreeValue = TreeLiteral | (string | number)[];

/** One row: a fact, an operator, a value (a list for `in` and `not-in`). */
export interface RuleCondition {
  kind: "condition";
  fact: string;
  operator: TreeOperator;
  value: TreeValue;
}

/** All of (`and`) or any of (`or`) its children. `bare`: the rule was its one condition, with no group around it. */
export interface RuleGroup {
  kind: "group";
  combinator: "and" | "or";
  children: RuleNode[];
  bare?: boolean;
}

export type RuleNode = RuleCondition | RuleGroup;

export type ParsedRule = { ok: true; tree: RuleGroup } | { ok: false; reason: string };

class NotATree extends Error {}

function isTreeOperator(operator: string): operator is TreeOperator {
  return (TREE_OPERATORS as readonly string[]).includes(operator) && operator !== "not-in";
}

function isLiteral(value: unknown): value is TreeLiteral {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isList(value: unknown): value is (string | number)[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" || typeof item === "number");
}

function parseCondition(operator: TreeOperator, args: unknown[], negated: boolean): RuleCondition {
  const [left, right, ...rest] = args;
  const fact = varOf(left);
  if (fact === undefined || rest.length > 0 || Array.isArray(fieldOf(left, "var")))
    throw new NotATree(`It compares something other than one fact with a value ("${operator}").`);
  if (operator === "in") {
    if (!isList(right)) throw new NotATree(`It asks whether ${fact} is in something other than a list of values.`);
    return { kind: "condition", fact, operator: negated ? "not-in" : "in", value: right };
  }
  if (!isLiteral(right)) throw new NotATree(`It compares ${fact} with something other than a value.`);
  return { kind: "condition", fact, operator, value: right };
}

function parseNode(node: unknown): RuleNode {
  const operation = operationOf(node);
  if (!operation) throw new NotATree("A part of it is a value on its own, not a condition.");
  const { operator, args } = operation;
  // Written as a list (`{"and": [...]}`) or as one argument (`{"!": {...}}`): kept as written.
  const listed = Array.isArray(fieldOf(node, operator));
  if (operator === "and" || operator === "or") {
    if (!listed) throw new NotATree(`Its "${operator}" is not given a list.`);
    return { kind: "group", combinator: operator, children: args.map(parseNode) };
  }
  if (operator === "!") {
    const inner = operationOf(args[0]);
    if (inner?.operator === "in" && !listed) return parseCondition("in", inner.args, true);
    throw new NotATree('It uses "not" ("!") around something other than one "is one of" condition.');
  }
  if (isTreeOperator(operator) && listed) return parseCondition(operator, args, false);
  throw new NotATree(`It uses "${operator}", which the builder does not offer.`);
}

/**
 * A rule as a tree the builder edits, or why it is not one. The top of the
 * tree is always a group; a rule that is one condition is a `bare` group.
 */
export function parseRuleTree(rule: unknown): ParsedRule {
  try {
    const node = parseNode(rule);
    const tree: RuleGroup =
      node.kind === "group" ? node : { kind: "group", combinator: "and", children: [node], bare: true };
    return { ok: true, tree };
  } catch (error) {
    if (error instanceof NotATree) return { ok: false, reason: error.message };
    throw error;
  }
}

function formatNode(node: RuleNode): unknown {
  if (node.kind === "group") return { [node.combinator]: node.children.map(formatNode) };
  const fact = { var: node.fact };
  if (node.operator === "not-in") return { "!": { in: [fact, node.value] } };
  return { [node.operator]: [fact, node.value] };
}

/** The JsonLogic of a tree: the rule it was parsed from when it has not been edited. */
export function formatRuleTree(tree: RuleGroup): unknown {
  const [only] = tree.children;
  if (tree.bare && tree.children.length === 1 && only) return formatNode(only);
  return formatNode(tree);
}
