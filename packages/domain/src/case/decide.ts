/**
 * The engine's one entry point for commands: a table with one decider per
 * command type, assembled from one module per area (deciders/*). The table's
 * type makes a command without a decider a compile error; this module only
 * dispatches, stamps each event's envelope, follows the automatic
 * transitions the events make hold and starts the follow-ups of each stage
 * entered.
 */
import { DomainError } from "../errors.ts";
import type { CaseCommand, CaseCommandType } from "./commands.ts";
import { actionDeciders } from "./deciders/actions.ts";
import { caseDeciders } from "./deciders/case.ts";
import { categoryDeciders } from "./deciders/category.ts";
import { letterDeciders } from "./deciders/letters.ts";
import { meetingDeciders } from "./deciders/meetings.ts";
import { policyMoveDeciders } from "./deciders/policy-moves.ts";
import { registerDeciders } from "./deciders/registers.ts";
import type { CommandOf, DecideContext, Deciders } from "./deciders/shared.ts";
import { stageDeciders } from "./deciders/stages.ts";
import { taskDeciders } from "./deciders/tasks.ts";
import { visitDeciders } from "./deciders/visits.ts";
import type { CaseEvent } from "./events.ts";
import type { CaseState } from "./state.ts";
import { withFollowUps } from "./tasks.ts";
import { followAutomaticTransitions } from "./transitions.ts";

export type { DecideContext } from "./deciders/shared.ts";
export { getSuggestedTransitions } from "./transitions.ts";

export type Decision = { ok: true; events: CaseEvent[] } | { ok: false; error: DomainError };

const DECIDERS: Deciders = {
  ...caseDeciders,
  ...categoryDeciders,
  ...visitDeciders,
  ...meetingDeciders,
  ...letterDeciders,
  ...stageDeciders,
  ...actionDeciders,
  ...policyMoveDeciders,
  ...registerDeciders,
  ...taskDeciders,
};

/** Calls the command type's decider (typed so the command and its decider agree without a cast). */
function decideWith<T extends CaseCommandType>(
  type: T,
  command: CommandOf<T>,
  state: CaseState | undefined,
  context: DecideContext,
) {
  return DECIDERS[type](command, state, context);
}

/** The events a command causes, with their envelope (actor, instant, policy version); throws a DomainError when refused. */
function decideOrThrow(state: CaseState | undefined, command: CaseCommand, context: DecideContext): CaseEvent[] {
  const envelope = {
    actorId: context.actor.id,
    at: context.now.toISOString(),
    policyVersionId: context.policyVersionId,
  };
  return decideWith(command.type, command, state, context).map((data) => ({ ...data, ...envelope }));
}

/**
 * Decides what a command does to a case: the events it causes, or the reason
 * it is refused. Pure: the same state, command and context always decide the
 * same way; a refused command causes nothing.
 */
export function decide(state: CaseState | undefined, command: CaseCommand, context: DecideContext): Decision {
  try {
    const events = decideOrThrow(state, command, context);
    return {
      ok: true,
      events: withFollowUps([...events, ...followAutomaticTransitions(state, events, context)], context),
    };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}
