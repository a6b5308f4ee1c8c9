import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Cancels a scheduled visit, with a reason. */
export const cancelVisit = caseCommandProcedure(
  { visitId: z.string().min(1).max(100), reason: text(2000, "a reason for cancelling") },
  (input) => ({
    type: "cancel-visit",
    visitId: input.visitId,
    reason: input.reason,
  }),
);
