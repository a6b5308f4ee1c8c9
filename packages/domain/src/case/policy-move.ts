import type { PolicyDocument } from "@steward/policy-config";

import type { CaseState } from "./state.ts";

/** How categories and stages of one policy version map onto the next. Keys absent here map to the same key. */
export interface VersionMapping {
  categories?: Record<string, string>;
  stages?: Record<string, string>;
}

export interface CaseMove {
  caseId: string;
  urn: number;
  school: string;
  category: { before: string | undefined; after: string | undefined; changed: boolean };
  stage: { before: string; after: string | undefined; changed: boolean };
  /** Why this case cannot move as mapped: the mapping needs an entry. */
  problems: string[];
}

/**
 * A dry run of moving cases to a new policy version: per case, its category and
 * stage before and after, and what stops it moving. Nothing changes until each
 * move is made as a `change-policy-version` command.
 */
export function planPolicyMove(
  cases: readonly CaseState[],
  next: PolicyDocument,
  mapping: VersionMapping = {},
): CaseMove[] {
  const categories = new Set(next.categories.map((c) => c.key));
  const stages = new Set(next.escalation.stages.map((s) => s.key));
  return cases.map((state) => {
    const problems: string[] = [];
    const beforeCategory = state.category?.key;
    let afterCategory =
      beforeCategory === undefined ? undefined : (mapping.categories?.[beforeCategory] ?? beforeCategory);
    if (afterCategory !== undefined && !categories.has(afterCategory)) {
      problems.push(
        `The new version has no category "${afterCategory}": map "${beforeCategory}" to one of ${[...categories].join(", ")}.`,
      );
      afterCategory = undefined;
    }
    let afterStage: string | undefined = mapping.stages?.[state.stage] ?? state.stage;
    if (!stages.has(afterStage)) {
      problems.push(
        `The new version has no stage "${afterStage}": map "${state.stage}" to one of ${[...stages].join(", ")}.`,
      );
      afterStage = undefined;
    }
    return {
      caseId: state.id,
      urn: state.school.urn,
      school: state.school.name,
      category: { before: beforeCategory, after: afterCategory, changed: afterCategory !== beforeCategory },
      stage: { before: state.stage, after: afterStage, changed: afterStage !== state.stage },
      problems,
    };
  });
}
