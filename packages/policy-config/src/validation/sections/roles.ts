/**
 * Roles' permission rules: placeholders Steward fills, condition operators CASL
 * supports (an unknown one never matches, quietly), conditions CASL can read,
 * and school roles limited to the user's own school. The rules' fields against
 * each subject's vocabulary are checked in permissions.ts.
 */
import { subject as asSubject, createMongoAbility } from "@casl/ability";

import type { PolicyDocument, Role, Rule } from "../../schema/policy.ts";
import { USER_PLACEHOLDERS } from "../../vocabulary.ts";
import type { Path, SemanticsContext } from "./context.ts";

/** The MongoDB query operators CASL's conditions support. */
const CASL_OPERATORS = new Set([
  "$eq",
  "$ne",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$in",
  "$nin",
  "$all",
  "$size",
  "$regex",
  "$options",
  "$elemMatch",
  "$exists",
]);

const PLACEHOLDER = /\$\{([^}]*)\}/g;

function findOperators(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(findOperators);
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key.startsWith("$") ? [key] : []),
    ...findOperators(value),
  ]);
}

function checkPlaceholders(conditions: string, path: Path, ctx: SemanticsContext): void {
  const known: readonly string[] = USER_PLACEHOLDERS;
  for (const [, name = ""] of conditions.matchAll(PLACEHOLDER)) {
    if (!known.includes(name)) {
      ctx.report(
        [...path, "conditions"],
        `\${${name}} is not a placeholder Steward fills. Use one of: ${USER_PLACEHOLDERS.map((p) => `\${${p}}`).join(", ")}.`,
        "role.placeholder",
      );
    }
  }
}

/** Builds the rule into an ability and asks it once, as the API will: a condition CASL cannot read throws. */
function checkCaslReads(rule: Rule, path: Path, ctx: SemanticsContext): void {
  try {
    const actions = ([] as string[]).concat(rule.action);
    const subjects = ([] as string[]).concat(rule.subject);
    const ability = createMongoAbility([rule]);
    for (const name of subjects) if (name !== "all") ability.can(actions[0] ?? "", asSubject(name, {}));
  } catch (error) {
    ctx.report(
      [...path, "conditions"],
      `The rule's conditions cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
      "role.conditions",
    );
  }
}

function checkRoleRule(role: Role, rule: Rule, path: Path, ctx: SemanticsContext): void {
  const conditions = JSON.stringify(rule.conditions ?? {});
  checkPlaceholders(conditions, path, ctx);
  // CASL reads an operator it does not know as a plain value and quietly
  // never matches: name every operator it supports, and refuse the rest.
  const unknownOperators = findOperators(rule.conditions ?? {}).filter((op) => !CASL_OPERATORS.has(op));
  if (unknownOperators.length > 0) {
    ctx.report(
      [...path, "conditions"],
      `The rule's conditions use ${unknownOperators.join(", ")}, which permissions do not support. Use ${[...CASL_OPERATORS].join(", ")}.`,
      "role.conditions",
    );
  } else {
    checkCaslReads(rule, path, ctx);
  }
  if (role.audience === "school" && !rule.inverted && !conditions.includes("${user.schoolUrn}")) {
    ctx.report(
      path,
      "A school role's rule should be limited to the user's own school with a condition on ${user.schoolUrn}.",
      "role.unscoped",
      "warning",
    );
  }
}

export function checkRoles(policy: PolicyDocument, ctx: SemanticsContext): void {
  policy.roles.forEach((role, r) => {
    role.rules.forEach((rule, i) => checkRoleRule(role, rule, ["roles", r, "rules", i], ctx));
  });
}
