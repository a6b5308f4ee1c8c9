/**
 * Categories and the criteria that lead to them: severities are distinct among
 * categories that can apply to one school, cadences and required meetings name
 * real types (a category may have no visits), every category can be reached,
 * criteria name real areas and categories once each, and a criteria dimension
 * has descriptors for every category.
 */
import type { Applicability } from "../../schema/common.ts";
import type { Category, PolicyDocument } from "../../schema/policy.ts";
import { categoriesReached } from "./assessment.ts";
import { keysOf, mustExist, nameOf, type Path, type SemanticsContext } from "./context.ts";

/** Whether two lists limiting the same thing can both hold for one school (a missing list allows everything). */
function intersects(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return !a || !b || a.some((value) => b.includes(value));
}

/** Whether some school could be one both applicabilities take in. */
function overlaps(a: Applicability | undefined, b: Applicability | undefined): boolean {
  return intersects(a?.governance, b?.governance) && intersects(a?.phases, b?.phases);
}

/**
 * Severity orders the categories a school may be in: two categories that can
 * apply to the same school need their own, while categories for different
 * schools (academies and maintained schools) may share one.
 */
function checkSeverities(categories: readonly Category[], ctx: SemanticsContext): void {
  categories.forEach((category, c) => {
    const clash = categories.findIndex(
      (other, o) =>
        o < c && other.severity === category.severity && overlaps(other.applicability, category.applicability),
    );
    if (clash < 0) return;
    ctx.report(
      ["categories", c, "severity"],
      `${category.label} and ${categories[clash]?.label ?? ""} both have severity ${category.severity} and can apply to the same school: categories are ordered by severity, so each needs its own (or limit them to different schools with applicability).`,
      "category.severity",
    );
  });
}

export function checkCategories(policy: PolicyDocument, ctx: SemanticsContext): void {
  checkSeverities(policy.categories, ctx);
  policy.categories.forEach((category, c) => {
    const path: Path = ["categories", c];
    category.cadence.forEach((cadence, i) =>
      mustExist(
        ctx,
        ctx.keys.visitTypes,
        cadence.visitType,
        [...path, "cadence", i, "visitType"],
        "visit type",
        "Visit types",
      ),
    );
    category.requiredMeetings.forEach((m, i) =>
      mustExist(
        ctx,
        ctx.keys.meetingTypes,
        m.meetingType,
        [...path, "requiredMeetings", i, "meetingType"],
        "meeting type",
        "Meeting types",
      ),
    );
  });
  checkReachableCategories(policy, ctx);
}

const WAYS_IN: Record<PolicyDocument["assessment"]["derivation"]["kind"], string> = {
  "best-fit": "give it criteria descriptors (or a dimension that can take it)",
  table: "give it a row of the assessment's decision table (or make it the table's otherwise)",
  rules: "give it a rule of the assessment's derivation (or make it the derivation's otherwise)",
};

/**
 * A category is reachable when a judgement can arrive at it (the derivation can
 * give it: see `categoriesReached`) or a trigger suggests it.
 */
function checkReachableCategories(policy: PolicyDocument, ctx: SemanticsContext): void {
  const reached = categoriesReached(policy);
  for (const trigger of policy.triggers) if (trigger.suggests.category) reached.add(trigger.suggests.category);
  policy.categories.forEach((category, c) => {
    if (reached.has(category.key)) return;
    ctx.report(
      ["categories", c],
      `Nothing leads to ${category.label}: ${WAYS_IN[policy.assessment.derivation.kind]}, or a trigger that suggests it.`,
      "category.unreachable",
    );
  });
}

/** The area|category pairs criteria are given for, reporting a pair given twice. */
function checkCriteriaSets(policy: PolicyDocument, ctx: SemanticsContext): Set<string> {
  const pairs = new Map<string, number>();
  policy.criteria.forEach((set, s) => {
    const path: Path = ["criteria", s];
    mustExist(ctx, ctx.keys.areas, set.area, [...path, "area"], "judgement area", "Judgement areas");
    mustExist(ctx, ctx.keys.categories, set.category, [...path, "category"], "category", "Categories");
    const pair = `${set.area}|${set.category}`;
    const first = pairs.get(pair);
    if (first !== undefined)
      ctx.report(
        path,
        `Criteria for ${set.area} in ${set.category} are already given in ${nameOf(policy.criteria[first], "set of criteria", first)}: merge them.`,
        "criteria.duplicate",
      );
    else pairs.set(pair, s);
    keysOf(ctx.report, set.descriptors, [...path, "descriptors"], "descriptor");
  });
  return new Set(pairs.keys());
}

/** A criteria dimension's best fit needs descriptors in its area for every category. */
function checkCriteriaCoverage(policy: PolicyDocument, ctx: SemanticsContext, pairs: Set<string>): void {
  const criteriaAreas = new Set(
    policy.assessment.dimensions.flatMap((d) => (d.valuedBy.kind === "criteria" ? [d.valuedBy.area] : [])),
  );
  for (const area of policy.areas.filter((a) => criteriaAreas.has(a.key))) {
    for (const category of policy.categories) {
      if (!pairs.has(`${area.key}|${category.key}`)) {
        ctx.report(
          ["criteria"],
          `A best-fit judgement has no descriptors for ${area.label} in ${category.label}.`,
          "criteria.missing",
          "warning",
        );
      }
    }
  }
}

export function checkCriteria(policy: PolicyDocument, ctx: SemanticsContext): void {
  checkCriteriaCoverage(policy, ctx, checkCriteriaSets(policy, ctx));
}
