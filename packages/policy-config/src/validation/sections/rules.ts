/**
 * JsonLogic rules (triggers' and transitions' `when`): a size cap, one operator
 * per node, known operators only, and `var` reading only facts Steward knows
 * (with a slot such as `letters.{letterType}.inForce` filled by a key of the
 * policy). Used by the sections that hold rules; triggers are checked here.
 */
import jsonLogic from "json-logic-js";

import { entriesOf } from "../../json.ts";
import { SIZE_LIMITS } from "../../schema/common.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { FACTS, JSON_LOGIC_OPERATORS } from "../../vocabulary.ts";
import { mustExist, type Path, type PolicyKeys, type SemanticsContext } from "./context.ts";

/** The facts' dotted patterns, split once: `letters.{letterType}.inForce` has a slot for a letter type's key. */
const FACT_PATTERNS = Object.keys(FACTS).map((pattern) =>
  pattern.split(".").map((text) => ({ text, slot: /^\{(\w+)\}$/.exec(text)?.[1] })),
);

/** Operators whose arguments are evaluated per item: inside them, `var` reads the item, not the facts. */
const ITEM_SCOPED = new Set(["filter", "map", "reduce", "all", "none", "some"]);

/** Whether `name` is a fact, its slots filled with keys the policy has. */
function isKnownFact(name: string, keys: PolicyKeys): boolean {
  if (FACTS[name]) return true;
  const slots: Record<string, Set<string>> = {
    letterType: keys.letterTypes,
    meetingType: keys.meetingTypes,
    visitType: keys.visitTypes,
  };
  const segments = name.split(".");
  return FACT_PATTERNS.some(
    (parts) =>
      parts.length === segments.length &&
      parts.every((part, i) => {
        const segment = segments[i] ?? "";
        return part.slot ? (slots[part.slot]?.has(segment) ?? false) : part.text === segment;
      }),
  );
}

function suggestFact(name: string): string {
  const head = name.split(".")[0];
  const near = Object.keys(FACTS).filter((f) => f.startsWith(`${head}.`));
  return near.length > 0 ? `Facts under "${head}": ${near.join(", ")}.` : "See the list of facts in the policy guide.";
}

/** Whether a value is a JsonLogic rule at all (an object with one operator). */
export function isLogic(rule: unknown): boolean {
  return jsonLogic.is_logic(rule);
}

function checkVar(args: unknown, path: Path, ctx: SemanticsContext): void {
  const name: unknown = Array.isArray(args) ? args[0] : args;
  if (typeof name === "string" && name !== "" && !isKnownFact(name, ctx.keys)) {
    ctx.report(
      [...path, "var"],
      `The rule reads "${name}", which is not a fact Steward knows. ${suggestFact(name)}`,
      "rule.fact",
    );
  }
}

function walkRule(node: unknown, path: Path, itemScope: boolean, ctx: SemanticsContext): void {
  if (Array.isArray(node)) {
    node.forEach((child: unknown, i) => walkRule(child, [...path, i], itemScope, ctx));
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
    checkVar(args, path, ctx);
    return;
  }
  if (ITEM_SCOPED.has(operator) && Array.isArray(args)) {
    walkRule(args[0], [...path, operator, 0], itemScope, ctx);
    args.slice(1).forEach((child: unknown, i) => walkRule(child, [...path, operator, i + 1], true, ctx));
    return;
  }
  walkRule(args, [...path, operator], itemScope, ctx);
}

/** Checks one rule: its size, then every node of it. */
export function checkRule(rule: unknown, path: Path, ctx: SemanticsContext): void {
  const size = JSON.stringify(rule).length;
  if (size > SIZE_LIMITS.jsonCharacters) {
    ctx.report(
      path,
      `This rule is ${size.toLocaleString("en-GB")} characters long: a rule may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
      "rule.size",
    );
    return;
  }
  walkRule(rule, path, false, ctx);
}

export function checkTriggers(policy: PolicyDocument, ctx: SemanticsContext): void {
  const { keys } = ctx;
  policy.triggers.forEach((trigger, t) => {
    const path: Path = ["triggers", t];
    if (!isLogic(trigger.when)) ctx.report([...path, "when"], "This is not a JsonLogic rule.", "rule.shape");
    checkRule(trigger.when, [...path, "when"], ctx);
    const { category, letterType, stage, action } = trigger.suggests;
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
