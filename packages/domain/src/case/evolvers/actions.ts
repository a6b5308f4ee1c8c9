/** The improvement plan: priorities, their actions, progress notes. */
import type { CaseState } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function updateAction(state: CaseState, event: EventOf<"action-updated">): CaseState {
  return {
    ...state,
    actions: state.actions.map((a) =>
      a.id === event.actionId
        ? {
            ...a,
            ...(event.status ? { status: event.status } : {}),
            notes: event.note ? [...a.notes, { at: event.at, by: event.actorId, text: event.note }] : a.notes,
          }
        : a,
    ),
  };
}

export const actionEvolvers: Pick<Evolvers, "priority-added" | "action-added" | "action-updated"> = {
  "priority-added": (state, event) => ({ ...state, priorities: [...state.priorities, event.priority] }),
  "action-added": (state, event) => ({
    ...state,
    actions: [...state.actions, { ...event.action, status: "open", notes: [] }],
  }),
  "action-updated": updateAction,
};
