/**
 * Categories, the criteria that lead to them, and the assessment that applies
 * the criteria: severities are distinct, every category has visits and can be
 * reached, criteria name real areas and categories once each, a best-fit
 * judgement has descriptors everywhere, and moderation names who moderates.
 */
import type { PolicyDocument } from "../../schema/policy.ts";
import { keysOf, mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";

export function checkCategories(policy: PolicyDocument, ctx: SemanticsContext): void {
  const severities = new Map<number, number>();
  policy.categories.forEach((category, c) => {
    const path: Path = ["categories", c];
    const clash = severities.get(category.severity);
    if (clash !== undefined) {
      ctx.report(
        [...path, "severity"],
        `Severity ${category.severity} is also category ${clash + 1}'s: categories are ordered by severity, so each needs its own.`,
        "category.severity",
      );
    }
    severities.set(category.severity, c);
    if (category.cadence.length === 0) {
      ctx.report(
        [...path, "cadence"],
        `${category.label} has no visits: give it at least one visit cadence.`,
        "category.cadence",
      );
    }
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
        `Criteria for ${set.area} in ${set.category} are already given in criteria ${first + 1}: merge them.`,
        "criteria.duplicate",
      );
    pairs.set(pair, s);
    keysOf(ctx.report, set.descriptors, [...path, "descriptors"], "descriptor");
  });
  return new Set(pairs.keys());
}

/**
 * A category is reachable when a judgement can arrive at it: descriptors to
 * match, or a trigger that suggests it.
 */
function checkReachableCategories(policy: PolicyDocument, ctx: SemanticsContext): void {
  const suggested = new Set(policy.triggers.map((t) => t.suggests.category).filter(Boolean));
  policy.categories.forEach((category, c) => {
    const hasCriteria = policy.criteria.some((set) => set.category === category.key);
    if (!hasCriteria && !suggested.has(category.key)) {
      ctx.report(
        ["categories", c],
        `Nothing leads to ${category.label}: give it criteria descriptors or a trigger that suggests it.`,
        "category.unreachable",
      );
    }
  });
}

function checkBestFit(policy: PolicyDocument, ctx: SemanticsContext, pairs: Set<string>): void {
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

function checkModeration(policy: PolicyDocument, ctx: SemanticsContext): void {
  const { moderation } = policy.assessment;
  moderation.categories?.forEach((key, i) =>
    mustExist(ctx, ctx.keys.categories, key, ["assessment", "moderation", "categories", i], "category", "Categories"),
  );
  moderation.roles?.forEach((key, i) => mustBeLaRole(ctx, key, ["assessment", "moderation", "roles", i]));
  if (moderation.required && !moderation.roles?.length) {
    ctx.report(
      ["assessment", "moderation", "roles"],
      "Moderation is required: say which roles may moderate.",
      "moderation.roles",
    );
  }
}

export function checkAssessment(policy: PolicyDocument, ctx: SemanticsContext): void {
  const pairs = checkCriteriaSets(policy, ctx);
  checkReachableCategories(policy, ctx);
  checkBestFit(policy, ctx, pairs);
  checkModeration(policy, ctx);
}
