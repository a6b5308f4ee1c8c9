import type { PolicyDocument, Trigger } from "@steward/policy-config";

import { isApplicable, type SchoolProfile } from "./applicability.ts";
import { evaluateRule, type Facts } from "./evaluate.ts";

/** The descriptors an officer ticked, by area, with evidence notes. */
export interface DescriptorSelection {
  area: string;
  /** Descriptor keys, each `category:descriptor` or just the descriptor key when unique within the area. */
  descriptors: { category: string; descriptor: string }[];
  evidence?: string;
}

export interface AreaFit {
  area: string;
  areaLabel: string;
  /** Ticked descriptors per category in this area. */
  counts: Record<string, number>;
  /** The category with most ticked descriptors (the more severe on a tie), or undefined if none ticked. */
  bestFit: string | undefined;
}

export interface CategorySuggestion {
  /** The suggested category key, or undefined when nothing points anywhere. */
  category: string | undefined;
  byArea: AreaFit[];
  /** The triggers that fired on the school's data, with what they suggest. */
  triggers: Pick<Trigger, "key" | "label" | "suggests">[];
  /** Why, in sentences, area by area and trigger by trigger. */
  explanation: string[];
}

/** Evaluates the policy's triggers that apply to this school over its facts. */
export function evaluateTriggers(policy: PolicyDocument, school: SchoolProfile, facts: Facts): Trigger[] {
  return policy.triggers.filter((t) => isApplicable(t.applicability, school) && evaluateRule(t.when, facts));
}

/**
 * The best-fit suggestion. In each area, the category with the most ticked
 * descriptors fits best (a school need not meet every descriptor; on a tie, the
 * more severe category, erring towards support). Overall, the category that
 * fits best in the most areas (again the more severe on a tie). A trigger that
 * fired and suggests a more severe category raises the suggestion to it: data
 * such as an inadequate judgement outweighs the descriptors.
 */
export function suggestCategory(
  policy: PolicyDocument,
  school: SchoolProfile,
  selections: readonly DescriptorSelection[],
  facts: Facts,
): CategorySuggestion {
  const categories = policy.categories.filter((c) => isApplicable(c.applicability, school));
  const severity = new Map(categories.map((c) => [c.key, c.severity]));
  const label = new Map(categories.map((c) => [c.key, c.label]));
  const moreSevere = (a: string, b: string) => (severity.get(a) ?? -1) - (severity.get(b) ?? -1);
  const explanation: string[] = [];

  const byArea: AreaFit[] = policy.areas.map((area) => {
    const selection = selections.find((s) => s.area === area.key);
    const counts: Record<string, number> = {};
    for (const category of categories) counts[category.key] = 0;
    for (const { category } of selection?.descriptors ?? [])
      if (category in counts) counts[category] = (counts[category] ?? 0) + 1;
    const ranked = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .sort(([a, n], [b, m]) => m - n || moreSevere(b, a));
    const bestFit = ranked[0]?.[0];
    if (bestFit) {
      const detail = ranked.map(([key, n]) => `${n} ${label.get(key)}`).join(", ");
      explanation.push(`${area.label}: best fit ${label.get(bestFit)} (descriptors ticked: ${detail}).`);
    } else {
      explanation.push(`${area.label}: no descriptors ticked.`);
    }
    return { area: area.key, areaLabel: area.label, counts, bestFit };
  });

  const votes = new Map<string, number>();
  for (const fit of byArea) if (fit.bestFit) votes.set(fit.bestFit, (votes.get(fit.bestFit) ?? 0) + 1);
  let category = [...votes.entries()].sort(([a, n], [b, m]) => m - n || moreSevere(b, a))[0]?.[0];
  if (category) {
    explanation.push(
      `Overall best fit: ${label.get(category)}, the best fit in ${votes.get(category)} of ${policy.areas.length} areas.`,
    );
  }

  const fired = evaluateTriggers(policy, school, facts);
  for (const trigger of fired) {
    const suggested = trigger.suggests.category;
    const parts = [
      suggested ? `category ${label.get(suggested) ?? suggested}` : undefined,
      trigger.suggests.letterType
        ? `letter ${policy.letterTypes.find((l) => l.key === trigger.suggests.letterType)?.label ?? trigger.suggests.letterType}`
        : undefined,
      trigger.suggests.stage
        ? `stage ${policy.escalation.stages.find((s) => s.key === trigger.suggests.stage)?.label ?? trigger.suggests.stage}`
        : undefined,
      trigger.suggests.action,
    ].filter(Boolean);
    explanation.push(`Trigger "${trigger.label}" applies: suggests ${parts.join("; ")}.`);
    if (suggested && severity.has(suggested) && (!category || moreSevere(suggested, category) > 0)) {
      explanation.push(
        category
          ? `The suggestion rises from ${label.get(category)} to ${label.get(suggested)} because of "${trigger.label}".`
          : `Suggested ${label.get(suggested)} because of "${trigger.label}".`,
      );
      category = suggested;
    }
  }
  if (!category) explanation.push("Nothing suggests a category yet: tick the descriptors that apply.");
  return {
    category,
    byArea,
    triggers: fired.map(({ key, label: l, suggests }) => ({ key, label: l, suggests })),
    explanation,
  };
}
