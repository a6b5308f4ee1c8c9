/**
 * The assessment (format 4): its dimensions and the derivation from their
 * levels to a category, and moderation. Dimension and level keys are unique; a
 * criteria dimension names a real area and takes the categories as its levels;
 * a rule dimension's rules give its own levels and read known facts; an
 * officer dimension names LA roles; an indicator dimension reads a choice
 * indicator whose values are its levels. A best-fit derivation needs every
 * dimension's levels to be the categories; a decision table names real
 * dimensions, levels and categories (and says when some combination of levels
 * matches no row); derivation rules read the dimensions' values.
 */
import type { Dimension } from "../../schema/assessment.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { keysOf, mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";
import { derivationScope } from "./rule-scope.ts";
import { checkRule } from "./rules.ts";

type Derivation = PolicyDocument["assessment"]["derivation"];
type TableDerivation = Extract<Derivation, { kind: "table" }>;

const DIMENSIONS: Path = ["assessment", "dimensions"];
const DERIVATION: Path = ["assessment", "derivation"];

/** A dimension's level keys, least concern first: its own, or (left out) the policy's categories. */
function levelsOf(dimension: Dimension, policy: PolicyDocument): string[] {
  return (dimension.levels ?? policy.categories).map((level) => level.key);
}

/** Each dimension's level keys by the dimension's key (the first dimension of a key used twice). */
function levelsByDimension(policy: PolicyDocument): Map<string, string[]> {
  const levels = new Map<string, string[]>();
  for (const dimension of policy.assessment.dimensions)
    if (!levels.has(dimension.key)) levels.set(dimension.key, levelsOf(dimension, policy));
  return levels;
}

function notALevel(level: string, dimension: Dimension, levels: readonly string[]): string {
  return `"${level}" is not a level of ${dimension.label}. Its levels: ${levels.join(", ")}.`;
}

/** An indicator dimension reads a choice indicator whose values are exactly its levels. */
function checkIndicatorDimension(
  dimension: Dimension,
  indicatorKey: string,
  levels: readonly string[],
  path: Path,
  ctx: SemanticsContext,
): void {
  mustExist(ctx, ctx.keys.indicators, indicatorKey, path, "indicator", "Indicators");
  const indicator = ctx.data.indicators.get(indicatorKey);
  if (!indicator) return;
  if (indicator.type.kind !== "choice") {
    ctx.report(
      path,
      `Indicator "${indicatorKey}" holds a ${indicator.type.kind}: a dimension reads a choice indicator whose values are its levels.`,
      "dimension.indicator",
    );
    return;
  }
  const values = indicator.type.options.map((o) => o.value);
  const missing = levels.filter((level) => !values.includes(level));
  const extra = values.filter((value) => !levels.includes(value));
  if (missing.length === 0 && extra.length === 0) return;
  const said = [
    missing.length > 0 ? `levels with no value: ${missing.join(", ")}` : "",
    extra.length > 0 ? `values that are not levels: ${extra.join(", ")}` : "",
  ].filter(Boolean);
  ctx.report(
    path,
    `The values of indicator "${indicatorKey}" must be exactly the levels of ${dimension.label} (${levels.join(", ")}): ${said.join("; ")}.`,
    "dimension.indicator",
  );
}

function checkValuation(dimension: Dimension, levels: readonly string[], path: Path, ctx: SemanticsContext): void {
  const valuedBy = dimension.valuedBy;
  const at: Path = [...path, "valuedBy"];
  switch (valuedBy.kind) {
    case "criteria":
      mustExist(ctx, ctx.keys.areas, valuedBy.area, [...at, "area"], "judgement area", "Judgement areas");
      if (dimension.levels)
        ctx.report(
          [...path, "levels"],
          `${dimension.label} is a best fit against criteria, so its levels are the policy's categories: leave out levels.`,
          "dimension.levels",
        );
      return;
    case "rule":
      valuedBy.rules.forEach((rule, r) => {
        if (!levels.includes(rule.level))
          ctx.report([...at, "rules", r, "level"], notALevel(rule.level, dimension, levels), "dimension.level");
        checkRule(rule.when, [...at, "rules", r, "when"], ctx);
      });
      if (valuedBy.otherwise !== undefined && !levels.includes(valuedBy.otherwise))
        ctx.report([...at, "otherwise"], notALevel(valuedBy.otherwise, dimension, levels), "dimension.level");
      return;
    case "officer":
      valuedBy.roles?.forEach((role, i) => mustBeLaRole(ctx, role, [...at, "roles", i]));
      return;
    case "indicator":
      checkIndicatorDimension(dimension, valuedBy.indicator, levels, [...at, "indicator"], ctx);
      return;
  }
}

function checkDimensions(policy: PolicyDocument, ctx: SemanticsContext): void {
  const { dimensions } = policy.assessment;
  keysOf(ctx.report, dimensions, DIMENSIONS, "dimension");
  dimensions.forEach((dimension, d) => {
    const path: Path = [...DIMENSIONS, d];
    if (dimension.levels) keysOf(ctx.report, dimension.levels, [...path, "levels"], "level");
    checkValuation(dimension, levelsOf(dimension, policy), path, ctx);
  });
}

/** Best fit across dimensions counts categories: every dimension's levels must be the categories. */
function checkBestFit(policy: PolicyDocument, ctx: SemanticsContext): void {
  for (const dimension of policy.assessment.dimensions) {
    if (!dimension.levels) continue;
    ctx.report(
      [...DERIVATION, "kind"],
      `A best fit across dimensions needs every dimension's levels to be the categories, but ${dimension.label} ("${dimension.key}") has its own levels: derive the category with a decision table (kind "table") or rules (kind "rules") instead.`,
      "derivation.best-fit",
    );
  }
}

/** Past this many combinations of levels, a table's coverage is not counted (no real assessment comes near). */
const COVERAGE_LIMIT = 50_000;

/** The combinations of levels no row of the table matches: how many, and the first. */
function uncovered(
  table: TableDerivation,
  levels: ReadonlyMap<string, readonly string[]>,
): { count: number; example?: Record<string, string> } | undefined {
  const dims = [...levels.entries()];
  const total = dims.reduce((n, [, values]) => n * values.length, 1);
  if (total > COVERAGE_LIMIT || total === 0) return undefined;
  const rows = table.rows.map((row) =>
    Object.entries(row.when).map(([key, wanted]) => ({ key, wanted: typeof wanted === "string" ? [wanted] : wanted })),
  );
  let count = 0;
  let example: Record<string, string> | undefined;
  const place = dims.map(() => 0);
  for (let n = 0; n < total; n++) {
    const combination = Object.fromEntries(dims.map(([key, values], i) => [key, values[place[i] ?? 0] ?? ""]));
    const matched = rows.some((row) => row.every(({ key, wanted }) => wanted.includes(combination[key] ?? "")));
    if (!matched) {
      count++;
      example ??= combination;
    }
    for (let i = dims.length - 1; i >= 0; i--) {
      place[i] = (place[i] ?? 0) + 1;
      if ((place[i] ?? 0) < (dims[i]?.[1].length ?? 0)) break;
      place[i] = 0;
    }
  }
  return { count, ...(example ? { example } : {}) };
}

function checkTable(table: TableDerivation, policy: PolicyDocument, ctx: SemanticsContext): void {
  const levels = levelsByDimension(policy);
  const dimensions = new Set(levels.keys());
  const byKey = new Map(policy.assessment.dimensions.map((d) => [d.key, d]));
  table.rows.forEach((row, r) => {
    const path: Path = [...DERIVATION, "rows", r];
    for (const [key, wanted] of Object.entries(row.when)) {
      mustExist(ctx, dimensions, key, [...path, "when", key], "dimension", "Assessment › Dimensions");
      const dimension = byKey.get(key);
      const own = levels.get(key);
      if (!dimension || !own) continue;
      const each: [string, Path][] =
        typeof wanted === "string"
          ? [[wanted, [...path, "when", key]]]
          : wanted.map((level, i) => [level, [...path, "when", key, i]]);
      for (const [level, at] of each)
        if (!own.includes(level)) ctx.report(at, notALevel(level, dimension, own), "derivation.level");
    }
    mustExist(ctx, ctx.keys.categories, row.category, [...path, "category"], "category", "Categories");
  });
  mustExist(ctx, ctx.keys.categories, table.otherwise, [...DERIVATION, "otherwise"], "category", "Categories");
  if (table.otherwise !== undefined) return;
  const gaps = uncovered(table, levels);
  if (!gaps?.example || gaps.count === 0) return;
  ctx.report(
    DERIVATION,
    `${gaps.count === 1 ? "1 combination" : `${gaps.count.toLocaleString("en-GB")} combinations`} of levels ${gaps.count === 1 ? "matches" : "match"} no row and there is no otherwise, for example ${JSON.stringify(gaps.example)}: a school assessed so gets no category. Add rows for them, or an otherwise category.`,
    "derivation.coverage",
    "warning",
  );
}

function checkDerivation(policy: PolicyDocument, ctx: SemanticsContext): void {
  const derivation = policy.assessment.derivation;
  switch (derivation.kind) {
    case "best-fit":
      checkBestFit(policy, ctx);
      return;
    case "table":
      checkTable(derivation, policy, ctx);
      return;
    case "rules": {
      const scope = derivationScope(ctx.keys, ctx.data, levelsByDimension(policy));
      derivation.rules.forEach((rule, r) => {
        const path: Path = [...DERIVATION, "rules", r];
        checkRule(rule.when, [...path, "when"], ctx, scope);
        mustExist(ctx, ctx.keys.categories, rule.category, [...path, "category"], "category", "Categories");
      });
      mustExist(ctx, ctx.keys.categories, derivation.otherwise, [...DERIVATION, "otherwise"], "category", "Categories");
      return;
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
  checkDimensions(policy, ctx);
  checkDerivation(policy, ctx);
  checkModeration(policy, ctx);
}

/** The categories a dimension whose levels are the categories can take. */
function categoriesTaken(dimension: Dimension, policy: PolicyDocument): string[] {
  const valuedBy = dimension.valuedBy;
  switch (valuedBy.kind) {
    case "criteria":
      return policy.criteria.filter((set) => set.area === valuedBy.area).map((set) => set.category);
    case "rule":
      return [...valuedBy.rules.map((rule) => rule.level), ...(valuedBy.otherwise ? [valuedBy.otherwise] : [])];
    case "officer":
      return levelsOf(dimension, policy);
    case "indicator": {
      const indicator = policy.indicators?.find((i) => i.key === valuedBy.indicator);
      return indicator?.type.kind === "choice" ? indicator.type.options.map((o) => o.value) : [];
    }
  }
}

/**
 * The categories an assessment can arrive at: a table's rows and otherwise, a
 * rules derivation's rules and otherwise, or, for a best fit, what its
 * dimensions can take (a criteria dimension: the categories it has
 * descriptors for in its area; an officer: any; a rule: its levels; an
 * indicator: its values).
 */
export function categoriesReached(policy: PolicyDocument): Set<string> {
  const derivation = policy.assessment.derivation;
  switch (derivation.kind) {
    case "table":
    case "rules": {
      const given = derivation.kind === "table" ? derivation.rows : derivation.rules;
      return new Set([...given.map((g) => g.category), ...(derivation.otherwise ? [derivation.otherwise] : [])]);
    }
    case "best-fit":
      return new Set(policy.assessment.dimensions.filter((d) => !d.levels).flatMap((d) => categoriesTaken(d, policy)));
  }
}
