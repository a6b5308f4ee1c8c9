import { z } from "zod";

import { caseCommandProcedure, isoDate, text } from "../case-command.ts";

/** Records the officer's category decision (a rationale is required when it differs from the assessment's suggestion). */
export const decideCategory = caseCommandProcedure(
  {
    category: z.string().min(1, "Choose a category").max(100),
    effectiveFrom: isoDate,
    rationale: text(10_000, "a rationale").optional(),
    assessmentId: z.string().max(100).optional(),
  },
  (input) => ({
    type: "decide-category",
    category: input.category,
    effectiveFrom: input.effectiveFrom,
    ...(input.rationale ? { rationale: input.rationale } : {}),
    ...(input.assessmentId ? { assessmentId: input.assessmentId } : {}),
  }),
);
