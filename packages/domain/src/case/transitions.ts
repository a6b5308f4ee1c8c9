/**
 * The policy's own transitions, beside the officer's: automatic ones made
 * after every accepted command, suggested ones offered to the officer. Both
 * read the case's facts as they are after the command.
 */
import type { PolicyDocument, Transition } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { transitionRefusal } from "../rules/applicable.ts";
import type { Facts } from "../rules/evaluate.ts";
import type { IndicatorReading } from "./data.ts";
import { today, type DecideContext } from "./deciders/shared.ts";
import type { CaseEvent } from "./events.ts";
import { evolve } from "./evolve.ts";
import { getCaseFacts } from "./facts.ts";
import type { CaseState } from "./state.ts";

/** Whether the case may take a transition now (from its stage, into one that applies, its rule holding): `transitionRefusal`. */
function open(policy: PolicyDocument, transition: Transition, state: CaseState, facts: Facts): boolean {
  return (
    transition.when !== undefined &&
    !transitionRefusal(policy, transition, { stage: state.stage, school: state.school, facts })
  );
}

/** The first automatic transition the case may take now, from its stage into one it has not visited. */
function nextAutomatic(state: CaseState, visited: ReadonlySet<string>, context: DecideContext): Transition | undefined {
  const facts = getCaseFacts(state, context.policy, today(context), context.schoolData, context.indicatorReadings);
  return context.policy.escalation.transitions.find(
    (t) => t.mode === "automatic" && !visited.has(t.to) && open(context.policy, t, state, facts),
  );
}

/**
 * After a command, the policy's automatic transitions whose rules now hold:
 * each moves the case on, in turn. A case never re-enters, in the same
 * command, a stage it was in when the command began or passed through since:
 * counts that restart on a stage's first day (meetings in the stage, months in
 * it) must not bounce it back to where it has just left, and an officer's move
 * out of a stage is not undone by the rule that once brought the case there.
 * Every move enters a new stage, so the moves end.
 */
export function followAutomaticTransitions(
  before: CaseState | undefined,
  events: readonly CaseEvent[],
  context: DecideContext,
): CaseEvent[] {
  if (events.length === 0) return [];
  const visited = new Set<string>(before ? [before.stage] : []);
  let state = before;
  for (const event of events) {
    state = evolve(state, event);
    visited.add(state.stage);
  }
  if (!state || state.status === "closed") return [];
  return followFrom(state, visited, context);
}

/**
 * The moves automatic transitions make from a state, in turn, never into a
 * stage in `visited` (which grows as the case moves): each move's
 * `stage-changed` event, stamped with the context's actor and instant.
 */
export function followFrom(start: CaseState, visited: Set<string>, context: DecideContext): CaseEvent[] {
  let state = start;
  const out: CaseEvent[] = [];
  for (let transition = nextAutomatic(state, visited, context); transition;) {
    const event: CaseEvent = {
      type: "stage-changed",
      stage: transition.to,
      reason: transition.label,
      transition: transition.key,
      actorId: context.actor.id,
      at: context.now.toISOString(),
      policyVersionId: context.policyVersionId,
    };
    out.push(event);
    visited.add(transition.to);
    state = evolve(state, event);
    transition = nextAutomatic(state, visited, context);
  }
  return out;
}

/** The policy's suggested transitions whose rules hold now: offered to the officer, never made automatically. */
export function getSuggestedTransitions(
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  schoolData: Facts = {},
  readings: readonly IndicatorReading[] = [],
) {
  const facts = getCaseFacts(state, policy, today, schoolData, readings);
  return policy.escalation.transitions.filter((t) => t.mode === "suggested" && open(policy, t, state, facts));
}
