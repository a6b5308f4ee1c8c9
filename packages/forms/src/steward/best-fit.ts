import type { Category, CriteriaSet, PolicyDocument } from "@steward/policy-config";

/** A judgement area as the policy defines it. */
export type Area = PolicyDocument["areas"][number];

/** What the best-fit grid needs from a policy. */
export interface BestFitData {
  areas: Area[];
  categories: Pick<Category, "key" | "label" | "description" | "severity" | "colour">[];
  criteria: CriteriaSet[];
}

/** One ticked descriptor. */
export interface DescriptorSelection {
  category: string;
  descriptor: string;
}

/** The best-fit grid's value for one area. */
export interface AreaJudgement {
  area: string;
  descriptors: DescriptorSelection[];
  evidence?: string;
}

/** True for a stored value shaped like one area's judgement (the grid's value is a list of them). */
export function isAreaJudgement(value: unknown): value is AreaJudgement {
  return typeof value === "object" && value !== null && "area" in value && "descriptors" in value;
}

/** Suggests a category key from the ticked descriptors; the app may pass the domain's own rule. */
export type SuggestBestFit = (judgements: AreaJudgement[], categories: BestFitData["categories"]) => string | undefined;

/**
 * The default best fit: the category with the most ticked descriptors across all areas; a tie goes to the more severe
 * category. Nothing ticked suggests nothing.
 */
export const suggestBestFit: SuggestBestFit = (judgements, categories) => {
  const counts = new Map<string, number>();
  for (const judgement of judgements) {
    for (const selection of judgement.descriptors)
      counts.set(selection.category, (counts.get(selection.category) ?? 0) + 1);
  }
  let best: BestFitData["categories"][number] | undefined;
  let bestCount = 0;
  for (const category of categories) {
    const count = counts.get(category.key) ?? 0;
    if (count === 0) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && category.severity > best.severity)) {
      best = category;
      bestCount = count;
    }
  }
  return best?.key;
};

/** Picks what the Steward widgets need out of a policy document. */
export function getBestFitData(policy: Pick<PolicyDocument, "areas" | "categories" | "criteria">): BestFitData {
  return {
    areas: policy.areas,
    categories: policy.categories.map(({ key, label, description, severity, colour }) => ({
      key,
      label,
      description,
      severity,
      colour,
    })),
    criteria: policy.criteria,
  };
}

/** A JSON Schema for a best-fit grid's value, to put in a form's schema. */
export function getBestFitSchema(title: string, description?: string) {
  return {
    type: "array" as const,
    title,
    ...(description ? { description } : {}),
    items: {
      type: "object" as const,
      required: ["area", "descriptors"],
      properties: {
        area: { type: "string" as const },
        descriptors: {
          type: "array" as const,
          items: {
            type: "object" as const,
            required: ["category", "descriptor"],
            properties: { category: { type: "string" as const }, descriptor: { type: "string" as const } },
          },
        },
        evidence: { type: "string" as const, maxLength: 5000 },
      },
    },
  };
}
