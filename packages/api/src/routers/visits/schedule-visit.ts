import { z } from "zod";

import { caseCommandProcedure, isoDate } from "../case-command.ts";

/** Schedules a visit of one of the policy's visit types on a school day; its agenda is that term's. */
export const scheduleVisit = caseCommandProcedure(
  { visitType: z.string().min(1, "Choose a type of visit").max(100), date: isoDate },
  (input) => ({
    type: "schedule-visit",
    visitType: input.visitType,
    date: input.date,
  }),
);
