import { z } from "zod";

import { caseCommandProcedure } from "../case-command.ts";

/** Records that the actions a notice set are complete (exit rules and removal can use it). */
export const completeLetterActions = caseCommandProcedure({ letterId: z.string().min(1).max(100) }, (input) => ({
  type: "complete-letter-actions",
  letterId: input.letterId,
}));
