import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Withdraws a letter, or removes a notice in force (for example a pre-warning notice whose actions are complete), with a reason. */
export const closeLetter = caseCommandProcedure(
  { letterId: z.string().min(1).max(100), outcome: z.enum(["withdrawn", "removed"]), reason: text(2000, "a reason") },
  (input) => ({ type: "close-letter", letterId: input.letterId, outcome: input.outcome, reason: input.reason }),
);
