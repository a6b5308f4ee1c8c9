/**
 * The evolvers' table type and the state changes more than one area makes.
 * An evolver folds one type of event into an opened case; `case-opened`,
 * which makes the case, is folded by evolve itself.
 */
import type { CaseEvent, CaseEventType } from "../events.ts";
import type { CaseState, StageEntry } from "../state.ts";

type EventMap = { [E in CaseEvent as E["type"]]: E };
export type EventOf<T extends CaseEventType> = EventMap[T];

/** Every event type but the one that opens a case. */
export type LaterEventType = Exclude<CaseEventType, "case-opened">;

type Evolver<T extends LaterEventType> = (state: CaseState, event: EventOf<T>) => CaseState;

/** One evolver per event type: an event without one does not compile. */
export type Evolvers = { [T in LaterEventType]: Evolver<T> };

/** The case enters a stage: it starts counting from now, and the stage joins the history. */
export function enterStage(state: CaseState, entry: StageEntry): CaseState {
  return { ...state, stage: entry.stage, stageSince: entry.from, stageHistory: [...state.stageHistory, entry] };
}
