/**
 * The policy's indicators: a number's range runs low to high, a choice's values
 * are distinct, a derived indicator has only its rule (which reads only other
 * indicators, never itself through others), a form's answer names a form and a
 * field of its schema, and entry is by LA roles.
 */
import type { IndicatorDefinition, IndicatorSource } from "../../schema/data.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";
import { indicatorScope, schemaAt } from "./rule-scope.ts";
import { checkRule } from "./rules.ts";

function checkType(indicator: IndicatorDefinition, path: Path, ctx: SemanticsContext): void {
  const { type } = indicator;
  if (type.kind === "number" && type.minimum !== undefined && type.maximum !== undefined) {
    if (type.minimum > type.maximum)
      ctx.report(
        [...path, "type", "maximum"],
        `The highest value (${type.maximum}) is below the lowest (${type.minimum}).`,
        "indicator.range",
      );
  }
  if (type.kind === "choice") {
    const seen = new Set<string>();
    type.options.forEach((option, o) => {
      if (seen.has(option.value))
        ctx.report(
          [...path, "type", "options", o, "value"],
          `The value "${option.value}" is listed twice: each value is listed once.`,
          "indicator.option",
        );
      seen.add(option.value);
    });
  }
}

function checkFormSource(
  source: Extract<IndicatorSource, { kind: "form" }>,
  path: Path,
  policy: PolicyDocument,
  ctx: SemanticsContext,
): void {
  mustExist(ctx, ctx.keys.forms, source.form, [...path, "form"], "form", "Forms");
  const form = policy.forms.find((f) => f.key === source.form);
  if (form && schemaAt(form.schema, source.field) === undefined)
    ctx.report(
      [...path, "field"],
      `"${source.field}" is not a field of the form "${source.form}": give the JSON pointer of one of its answers.`,
      "indicator.form-field",
    );
}

function checkSources(indicator: IndicatorDefinition, path: Path, policy: PolicyDocument, ctx: SemanticsContext): void {
  indicator.from.forEach((source, s) => {
    const at: Path = [...path, "from", s];
    switch (source.kind) {
      case "derived":
        if (indicator.from.length > 1)
          ctx.report(
            at,
            "A derived indicator's value comes only from its rule: remove its other sources, or make it an indicator of its own.",
            "indicator.source",
          );
        checkRule(source.rule, [...at, "rule"], ctx, indicatorScope(ctx.data));
        return;
      case "form":
        checkFormSource(source, at, policy, ctx);
        return;
      case "entry":
        source.roles?.forEach((role, r) => mustBeLaRole(ctx, role, [...at, "roles", r]));
        return;
      case "import":
        return;
    }
  });
}

/** The indicators each derived indicator's rule reads. */
function readsOf(indicator: IndicatorDefinition): string[] {
  const reads: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== "object") return;
    for (const [operator, args] of Object.entries(node)) {
      const name: unknown = operator === "var" && Array.isArray(args) ? args[0] : args;
      if (operator === "var" && typeof name === "string" && name.startsWith("indicators."))
        reads.push(name.slice("indicators.".length));
      else walk(args);
    }
  };
  for (const source of indicator.from) if (source.kind === "derived") walk(source.rule);
  return reads;
}

/** Reports each derived indicator that depends on itself, with the path round. */
function checkCycles(policy: PolicyDocument, ctx: SemanticsContext): void {
  const reads = new Map((policy.indicators ?? []).map((i) => [i.key, readsOf(i)]));
  const cycleFrom = (start: string): string[] | undefined => {
    const stack: { key: string; trail: string[] }[] = [{ key: start, trail: [start] }];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop();
      if (!next) break;
      for (const read of reads.get(next.key) ?? []) {
        if (read === start) return [...next.trail, start];
        if (!seen.has(read)) {
          seen.add(read);
          stack.push({ key: read, trail: [...next.trail, read] });
        }
      }
    }
    return undefined;
  };
  (policy.indicators ?? []).forEach((indicator, i) => {
    const cycle = cycleFrom(indicator.key);
    const s = indicator.from.findIndex((source) => source.kind === "derived");
    if (cycle && s >= 0)
      ctx.report(
        ["indicators", i, "from", s, "rule"],
        `This rule depends on itself (${cycle.join(" → ")}): a derived indicator cannot read itself, directly or through others.`,
        "indicator.cycle",
      );
  });
}

export function checkIndicators(policy: PolicyDocument, ctx: SemanticsContext): void {
  (policy.indicators ?? []).forEach((indicator, i) => {
    const path: Path = ["indicators", i];
    checkType(indicator, path, ctx);
    checkSources(indicator, path, policy, ctx);
  });
  checkCycles(policy, ctx);
}
