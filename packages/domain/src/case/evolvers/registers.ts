/** Registers: entries logged (with the date they happened) and closed with a note. */
import type { CaseState } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function logEntry(state: CaseState, event: EventOf<"register-entry-logged">): CaseState {
  return {
    ...state,
    registerEntries: [
      ...state.registerEntries,
      {
        id: event.entryId,
        register: event.register,
        occurredOn: event.occurredOn,
        fields: event.fields,
        status: "open",
        loggedBy: event.actorId,
        loggedAt: event.at,
      },
    ],
  };
}

function closeEntry(state: CaseState, event: EventOf<"register-entry-closed">): CaseState {
  return {
    ...state,
    registerEntries: state.registerEntries.map((entry) =>
      entry.id === event.entryId
        ? { ...entry, status: "closed", closedBy: event.actorId, closedAt: event.at, closeNote: event.note }
        : entry,
    ),
  };
}

export const registerEvolvers: Pick<Evolvers, "register-entry-logged" | "register-entry-closed"> = {
  "register-entry-logged": logEntry,
  "register-entry-closed": closeEntry,
};
