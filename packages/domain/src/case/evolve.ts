/**
 * Folding events into a case's state: `case-opened` makes the case, and every
 * later event goes to its type's evolver in a table assembled from one module
 * per area (evolvers/*), typed so an event without an evolver does not compile.
 * After each, `settleTasks` marks done the open tasks the event's record answers.
 */
import type { CaseEvent } from "./events.ts";
import { actionEvolvers } from "./evolvers/actions.ts";
import { caseEvolvers } from "./evolvers/case.ts";
import { categoryEvolvers } from "./evolvers/category.ts";
import { letterEvolvers } from "./evolvers/letters.ts";
import { meetingEvolvers } from "./evolvers/meetings.ts";
import { registerEvolvers } from "./evolvers/registers.ts";
import type { EventOf, Evolvers, LaterEventType } from "./evolvers/shared.ts";
import { stageEvolvers } from "./evolvers/stages.ts";
import { settleTasks, taskEvolvers } from "./evolvers/tasks.ts";
import { visitEvolvers } from "./evolvers/visits.ts";
import type { CaseState } from "./state.ts";

const EVOLVERS: Evolvers = {
  ...caseEvolvers,
  ...categoryEvolvers,
  ...visitEvolvers,
  ...meetingEvolvers,
  ...letterEvolvers,
  ...stageEvolvers,
  ...actionEvolvers,
  ...registerEvolvers,
  ...taskEvolvers,
};

/** A new case, as its opening event makes it. */
function openCase(event: EventOf<"case-opened">): CaseState {
  return {
    id: event.caseId,
    school: event.school,
    previousUrns: [],
    policyVersionId: event.policyVersionId,
    openedAt: event.at,
    status: "open",
    assignedOfficerId: undefined,
    category: undefined,
    categoryHistory: [],
    assessments: [],
    stage: event.stage,
    stageSince: event.at,
    stageHistory: [
      { stage: event.stage, from: event.at, reason: "Case opened", by: event.actorId, transition: undefined },
    ],
    visits: [],
    meetings: [],
    letters: [],
    priorities: [],
    actions: [],
    registerEntries: [],
    tasks: [],
    version: 1,
  };
}

/** Calls the event type's evolver (typed so the event and its evolver agree without a cast). */
function evolveWith<T extends LaterEventType>(type: T, state: CaseState, event: EventOf<T>): CaseState {
  return EVOLVERS[type](state, event);
}

/**
 * Folds one event into a case's state. Pure: the same events always give the
 * same state, so the state at any past moment is the fold of the events up to it.
 */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === "case-opened") return openCase(event);
  if (!state) throw new Error(`A ${event.type} event needs an opened case.`);
  return { ...settleTasks(evolveWith(event.type, state, event), event), version: state.version + 1 };
}

/** The state after a list of events (undefined before the case was opened). */
export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>((state, event) => evolve(state, event), undefined);
}

/** The case as it was at an instant: the fold of the events that had happened by then. */
export function getStateAt(events: readonly CaseEvent[], instant: string): CaseState | undefined {
  return fold(events.filter((e) => e.at <= instant));
}
