/**
 * JsonLogic rules (triggers' and transitions' `when`, and the rules of the
 * policy's indicators and measures): a size cap, one operator per node, known
 * operators only, `var` reading only what the rule's scope offers (a trigger:
 * Steward's facts, with a slot such as `letters.{letterType}.inForce` filled by
 * a key of the policy, and the policy's `indicators.<key>` and
 * `measures.<key>`), and a comparison of a var with a literal comparing like
 * with like (a number with a number, a listed value with one of its values).
 * Used by the sections that hold rules; triggers are checked here.
 */
import jsonLogic from "json-logic-js";

import { entriesOf } from "../../json.ts";
import { SIZE_LIMITS } from "../../schema/common.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { JSON_LOGIC_OPERATORS } from "../../vocabulary.ts";
import { mustExist, type Path, type SemanticsContext } from "./context.ts";
import { caseScope, isVarProblem, type RuleScope, type VarInfo, type VarProblem } from "./rule-scope.ts";

/** Operators whose arguments are evaluated per item: inside them, `var` reads the item, not the facts. */
const ITEM_SCOPED = new Set(["filter", "map", "reduce", "all", "none", "some"]);

/** Operators that compare their arguments: a var and a literal among them must be of one type. */
const COMPARISONS = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "in"]);

/** The name a `{"var": ...}` node reads, if it is one. */
function varName(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const entries = entriesOf(node);
  if (entries.length !== 1 || entries[0]?.[0] !== "var") return undefined;
  const args = entries[0][1];
  const name: unknown = Array.isArray(args) ? args[0] : args;
  return typeof name === "string" && name !== "" ? name : undefined;
}

function isLiteral(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/** Why `literal` cannot be compared with what `name` reads, or undefined when it can. */
function literalProblem(name: string, info: VarInfo, literal: string | number | boolean): VarProblem | undefined {
  const shown = JSON.stringify(literal);
  const wrongType = (noun: string, wanted: string): VarProblem => ({
    problem: `"${name}" is ${noun}: compare it with ${wanted}, not ${shown}.`,
    code: "rule.type",
  });
  switch (info.type) {
    case "number":
      return typeof literal === "number" ? undefined : wrongType("a number", "a number");
    case "boolean":
      return typeof literal === "boolean" ? undefined : wrongType("yes or no", "true or false");
    case "date":
      return typeof literal === "string" ? undefined : wrongType("a date", 'a date such as "2025-09-01"');
    case "string":
      if (typeof literal !== "string") return wrongType("text", "text");
      if (info.values && !info.values.includes(literal))
        return {
          problem: `${shown} is not a value "${name}" takes. Its values: ${info.values.join(", ")}.`,
          code: "rule.value",
        };
      return undefined;
    case "list":
    case "unknown":
      return undefined;
  }
}

/** Checks the literals a comparison holds against the type of the var it compares them with. */
function checkComparison(operator: string, args: unknown, path: Path, ctx: SemanticsContext, scope: RuleScope): void {
  if (!Array.isArray(args)) return;
  const at = (i: number): Path => [...path, operator, i];
  const check = (name: string, literal: unknown, where: Path) => {
    const info = scope(name);
    if (isVarProblem(info) || !isLiteral(literal)) return;
    const problem = literalProblem(name, info, literal);
    if (problem) ctx.report(where, problem.problem, problem.code);
  };
  if (operator === "in") {
    const name = varName(args[0]);
    const list: unknown = args[1];
    if (name && Array.isArray(list)) list.forEach((item: unknown, j) => check(name, item, [...at(1), j]));
    return;
  }
  const names = args.map(varName);
  names.forEach((name, i) => {
    if (!name) return;
    args.forEach((other: unknown, j) => {
      if (j !== i && names[j] === undefined) check(name, other, at(j));
    });
  });
}

/** Whether a value is a JsonLogic rule at all (an object with one operator). */
function isLogic(rule: unknown): boolean {
  return jsonLogic.is_logic(rule);
}

function checkVar(args: unknown, path: Path, ctx: SemanticsContext, scope: RuleScope): void {
  const name: unknown = Array.isArray(args) ? args[0] : args;
  if (typeof name !== "string" || name === "") return;
  const read = scope(name);
  if (isVarProblem(read)) ctx.report([...path, "var"], read.problem, read.code);
}

function walkRule(node: unknown, path: Path, itemScope: boolean, ctx: SemanticsContext, scope: RuleScope): void {
  if (Array.isArray(node)) {
    node.forEach((child: unknown, i) => walkRule(child, [...path, i], itemScope, ctx, scope));
    return;
  }
  if (node === null || typeof node !== "object") return;
  const entries = entriesOf(node);
  const [entry] = entries;
  if (entries.length !== 1 || !entry) {
    ctx.report(path, "A rule has exactly one operator.", "rule.shape");
    return;
  }
  const [operator, args] = entry;
  if (!JSON_LOGIC_OPERATORS.has(operator)) {
    ctx.report(path, `"${operator}" is not a JsonLogic operator (see jsonlogic.com/operations).`, "rule.operator");
    return;
  }
  if (operator === "var" && !itemScope) {
    checkVar(args, path, ctx, scope);
    return;
  }
  if (ITEM_SCOPED.has(operator) && Array.isArray(args)) {
    walkRule(args[0], [...path, operator, 0], itemScope, ctx, scope);
    args.slice(1).forEach((child: unknown, i) => walkRule(child, [...path, operator, i + 1], true, ctx, scope));
    return;
  }
  if (COMPARISONS.has(operator) && !itemScope) checkComparison(operator, args, path, ctx, scope);
  walkRule(args, [...path, operator], itemScope, ctx, scope);
}

/**
 * Checks one rule: that it is one, its size, then every node of it, its vars
 * read in `scope` (a trigger's or transition's by default: facts, indicators
 * and measures).
 */
export function checkRule(
  rule: unknown,
  path: Path,
  ctx: SemanticsContext,
  scope: RuleScope = caseScope(ctx.keys, ctx.data),
): void {
  if (!isLogic(rule)) ctx.report(path, "This is not a JsonLogic rule.", "rule.shape");
  const size = JSON.stringify(rule).length;
  if (size > SIZE_LIMITS.jsonCharacters) {
    ctx.report(
      path,
      `This rule is ${size.toLocaleString("en-GB")} characters long: a rule may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
      "rule.size",
    );
    return;
  }
  walkRule(rule, path, false, ctx, scope);
}

export function checkTriggers(policy: PolicyDocument, ctx: SemanticsContext): void {
  const { keys } = ctx;
  policy.triggers.forEach((trigger, t) => {
    const path: Path = ["triggers", t];
    checkRule(trigger.when, [...path, "when"], ctx);
    const { category, categoryEffect, letterType, stage, action } = trigger.suggests;
    if (categoryEffect && !category) {
      ctx.report(
        [...path, "suggests", "categoryEffect"],
        `The trigger says to ${categoryEffect} the category but names none: add the category (suggests › category), or remove categoryEffect.`,
        "trigger.category-effect",
      );
    }
    if (!category && !letterType && !stage && !action) {
      ctx.report(
        [...path, "suggests"],
        "A trigger must suggest something: a category, a letter type, a stage or an action.",
        "trigger.empty",
      );
    }
    mustExist(ctx, keys.categories, category, [...path, "suggests", "category"], "category", "Categories");
    mustExist(
      ctx,
      keys.letterTypes,
      letterType,
      [...path, "suggests", "letterType"],
      "letter type",
      "Letters and notices",
    );
    mustExist(ctx, keys.stages, stage, [...path, "suggests", "stage"], "stage", "Escalation › Stages");
  });
}
