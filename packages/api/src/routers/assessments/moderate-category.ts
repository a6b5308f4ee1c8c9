import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** A second officer confirms or returns a category decision, when the policy asks for moderation. */
export const moderateCategory = caseCommandProcedure(
  { outcome: z.enum(["confirmed", "returned"]), note: text(4000, "a note").optional() },
  (input) => ({
    type: "moderate-category",
    outcome: input.outcome,
    ...(input.note ? { note: input.note } : {}),
  }),
);
