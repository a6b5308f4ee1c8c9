import { z } from "zod";

import { caseCommandProcedure, isoDate, text } from "../case-command.ts";

/** Moves a scheduled visit to another school day. */
export const rescheduleVisit = caseCommandProcedure(
  { visitId: z.string().min(1).max(100), date: isoDate, reason: text(2000, "a reason").optional() },
  (input) => ({
    type: "reschedule-visit",
    visitId: input.visitId,
    date: input.date,
    ...(input.reason ? { reason: input.reason } : {}),
  }),
);
