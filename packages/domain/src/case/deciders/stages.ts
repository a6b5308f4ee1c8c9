/**
 * Escalation: an officer moving the case to another stage, by one of the
 * policy's transitions or, with a reason, outside them. (Automatic moves are
 * made after every command: see ../transitions.ts.)
 */
import type { Transition } from "@steward/policy-config";

import { caseSubject } from "../../permissions/subjects.ts";
import { isApplicable } from "../../rules/applicability.ts";
import { evaluateRule } from "../../rules/evaluate.ts";
import type { CaseEventData } from "../events.ts";
import { getCaseFacts } from "../facts.ts";
import {
  authorise,
  fail,
  holdsOneOf,
  leadsFrom,
  onOpenCase,
  optional,
  required,
  roleNames,
  today,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/**
 * A named transition must lead from the case's stage to the stage asked for,
 * be made by one of its roles, with a reason when it asks for one, and its
 * rule must hold: the rule is its precondition, whoever makes it. An officer
 * who disagrees moves the case outside the transitions, with a reason.
 */
function checkTransition(
  transition: Transition,
  stage: { key: string; label: string },
  command: CommandOf<"change-stage">,
  { state, context, policy }: OpenCase,
): void {
  if (transition.to !== stage.key || !leadsFrom(transition, state.stage))
    fail("conflict", `"${transition.label}" does not lead from this case's stage to ${stage.label}.`, "/transition");
  if (transition.roles && !holdsOneOf(context, transition.roles))
    fail("forbidden", `"${transition.label}" is made by ${roleNames(policy, transition.roles)}.`);
  if (transition.requiresReason) required(command.reason, "a reason for this move", "/reason");
  if (
    transition.when &&
    !evaluateRule(
      transition.when,
      getCaseFacts(state, policy, today(context), context.schoolData, context.indicatorReadings),
    )
  )
    fail(
      "conflict",
      `"${transition.label}" does not apply yet: the policy's rule for it does not hold for this case.`,
      "/transition",
    );
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
  if (!isApplicable(stage.applicability, state.school))
    fail("not-applicable", `${stage.label} does not apply to this school.`, "/stage");
  const transition = findTransition(command, on);
  if (transition) checkTransition(transition, stage, command, on);
  else required(command.reason, "a reason for moving the case outside the policy's transitions", "/reason");
  return [{ type: "stage-changed", stage: stage.key, reason: optional(command.reason), transition: transition?.key }];
}

export const stageDeciders: Pick<Deciders, "change-stage"> = {
  "change-stage": onOpenCase(changeStage),
};
