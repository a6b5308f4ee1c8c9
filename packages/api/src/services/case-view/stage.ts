// The escalation stage, its history (LA staff only) and the moves the policy suggests (for those who may escalate).
import { caseSubject, getSuggestedTransitions } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentStage({
  state,
  policy,
  fields,
  la,
  nameOf,
  mayReadStage,
  may,
  facts,
  options,
}: ViewContext): Pick<CaseView, "stage" | "stageHistory" | "suggestedTransitions"> {
  const stages = policy.escalation.stages;
  return {
    stage:
      fields.has("stage") && mayReadStage(state.stage)
        ? { ...label(stages, state.stage), since: state.stageSince }
        : null,
    stageHistory:
      fields.has("stageHistory") && la
        ? state.stageHistory
            .filter((s) => mayReadStage(s.stage))
            .map((s) => ({
              stage: s.stage,
              label: label(stages, s.stage).label,
              from: s.from,
              ...(s.reason ? { reason: s.reason } : {}),
              by: nameOf(s.by),
            }))
        : [],
    suggestedTransitions: may("escalate", caseSubject(facts))
      ? getSuggestedTransitions(state, policy, options.today, options.schoolData, options.indicatorReadings).map(
          (t) => ({
            key: t.key,
            label: t.label,
            to: t.to,
            requiresReason: Boolean(t.requiresReason),
          }),
        )
      : [],
  };
}
