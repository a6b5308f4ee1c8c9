/**
 * Escalation: an officer moving the case to another stage, by one of the
 * policy's transitions or, with a reason, outside them. (Automatic moves are
 * made after every command: see ../transitions.ts.)
 */
import type { Transition } from "@steward/policy-config";

import { caseSubject } from "../../permissions/subjects.ts";
import { transitionRefusal } from "../../rules/applicable.ts";
import type { CaseEventData } from "../events.ts";
import { getCaseFacts } from "../facts.ts";
import {
  authorise,
  fail,
  onOpenCase,
  optional,
  requireApplicable,
  required,
  today,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/**
 * A named transition must lead from the case's stage to the stage asked for,
 * be made by one of its roles, with a reason when it asks for one, and its
 * rule must hold: the rule is its precondition, whoever makes it (the same
 * check, `transitionRefusal`, decides which transitions are offered). An
 * officer who disagrees moves the case outside the transitions, with a reason.
 */
function checkTransition(
  transition: Transition,
  stage: { key: string; label: string },
  command: CommandOf<"change-stage">,
  { state, context, policy }: OpenCase,
): void {
  if (transition.to !== stage.key)
    fail("conflict", `"${transition.label}" does not lead from this case's stage to ${stage.label}.`, "/transition");
  const facts = transition.when
    ? getCaseFacts(state, policy, today(context), context.schoolData, context.indicatorReadings)
    : undefined;
  const refusal = transitionRefusal(policy, transition, {
    stage: state.stage,
    school: state.school,
    roles: context.actor.grants.map((g) => g.role),
    facts,
  });
  if (refusal) fail(refusal.code, refusal.message, refusal.pointer);
  if (transition.requiresReason) required(command.reason, "a reason for this move", "/reason");
}

function findTransition(command: CommandOf<"change-stage">, { policy }: OpenCase): Transition | undefined {
  if (!command.transition) return undefined;
  const transition = policy.escalation.transitions.find((t) => t.key === command.transition);
  if (!transition) fail("invalid", `There is no transition "${command.transition}" in this policy.`, "/transition");
  return transition;
}

function changeStage(command: CommandOf<"change-stage">, on: OpenCase): CaseEventData[] {
  const { state, context, policy } = on;
  authorise(context, command.type, caseSubject(on.facts));
  const stage = policy.escalation.stages.find((s) => s.key === command.stage);
  if (!stage) fail("invalid", `There is no stage "${command.stage}" in this policy.`, "/stage");
  if (stage.key === state.stage) fail("conflict", `The case is already at ${stage.label}.`);
  requireApplicable(stage, stage.label, state.school, "/stage");
  const transition = findTransition(command, on);
  if (transition) checkTransition(transition, stage, command, on);
  else required(command.reason, "a reason for moving the case outside the policy's transitions", "/reason");
  return [{ type: "stage-changed", stage: stage.key, reason: optional(command.reason), transition: transition?.key }];
}

export const stageDeciders: Pick<Deciders, "change-stage"> = {
  "change-stage": onOpenCase(changeStage),
};
