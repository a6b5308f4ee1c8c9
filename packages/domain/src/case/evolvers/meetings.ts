/** Meetings, kept with who recorded them. */
import type { Evolvers } from "./shared.ts";

export const meetingEvolvers: Pick<Evolvers, "meeting-recorded"> = {
  "meeting-recorded": (state, event) => ({
    ...state,
    meetings: [...state.meetings, { ...event.meeting, recordedBy: event.actorId }],
  }),
};
