/** The case itself: its school, its officer, its closing. */
import type { Evolvers } from "./shared.ts";

export const caseEvolvers: Pick<Evolvers, "school-changed" | "officer-assigned" | "case-closed"> = {
  "school-changed": (state, event) => ({
    ...state,
    school: event.school,
    previousUrns: [...state.previousUrns, event.previousUrn],
  }),
  "officer-assigned": (state, event) => ({ ...state, assignedOfficerId: event.officerId }),
  "case-closed": (state) => ({ ...state, status: "closed" }),
};
