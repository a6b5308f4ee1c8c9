/** Stage moves, and a move to another policy version (which may map the case to another stage). */
import type { CaseState } from "../state.ts";
import { enterStage, type EventOf, type Evolvers } from "./shared.ts";

function changePolicyVersion(state: CaseState, event: EventOf<"policy-version-changed">): CaseState {
  const category = state.category && event.category ? { ...state.category, key: event.category } : state.category;
  const moved = { ...state, policyVersionId: event.policyVersionId, category };
  if (event.stage === state.stage) return moved;
  return enterStage(moved, {
    stage: event.stage,
    from: event.at,
    reason: "Moved to a new policy version",
    by: event.actorId,
    transition: undefined,
  });
}

export const stageEvolvers: Pick<Evolvers, "stage-changed" | "policy-version-changed"> = {
  "stage-changed": (state, event) =>
    enterStage(state, {
      stage: event.stage,
      from: event.at,
      reason: event.reason,
      by: event.actorId,
      transition: event.transition,
    }),
  "policy-version-changed": changePolicyVersion,
};
