// The case's own fields: who it is about, who has it, and the category the user may see (school staff see
// neither the rationale nor who decided).
import { assessmentSubject } from "@steward/domain";

import type { ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

type Summary = Pick<
  CaseView,
  "id" | "version" | "status" | "policyVersionId" | "school" | "assignedOfficer" | "assessments"
>;

export function presentSummary({ state, fields, nameOf, canRead, facts }: ViewContext): Summary {
  return {
    id: state.id,
    version: state.version,
    status: state.status,
    policyVersionId: state.policyVersionId,
    school: { ...state.school, previousUrns: state.previousUrns },
    assignedOfficer:
      fields.has("assignedOfficerId") && state.assignedOfficerId
        ? { id: state.assignedOfficerId, name: nameOf(state.assignedOfficerId) }
        : null,
    assessments:
      canRead(assessmentSubject(facts)) && fields.has("assessments")
        ? state.assessments.map((x) => ({
            ...x,
            recordedBy: nameOf(x.recordedBy),
            ...(x.suggested ? { suggested: x.suggested } : {}),
          }))
        : [],
  };
}

export function presentCategory({
  state,
  policy,
  fields,
  categoryVisible,
  la,
  nameOf,
}: ViewContext): Pick<CaseView, "category" | "categoryHidden"> {
  const category = state.category;
  const definition = policy.categories.find((c) => c.key === category?.key);
  return {
    category:
      category && categoryVisible && fields.has("category")
        ? {
            key: category.key,
            label: definition?.label ?? category.key,
            colour: definition?.colour ?? "grey",
            effectiveFrom: category.effectiveFrom,
            ...(la && category.rationale ? { rationale: category.rationale } : {}),
            moderation: category.moderation,
            ...(la ? { decidedBy: nameOf(category.decidedBy) } : {}),
          }
        : null,
    categoryHidden: Boolean(category) && !categoryVisible,
  };
}
