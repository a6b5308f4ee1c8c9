import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

const selectionInput = z.strictObject({
  area: z.string().min(1).max(100),
  descriptors: z
    .array(z.strictObject({ category: z.string().min(1).max(100), descriptor: z.string().min(1).max(100) }))
    .max(200),
  evidence: text(10_000, "the evidence").optional(),
});

/** Records a best-fit assessment: per area, the descriptors that apply and the evidence; the engine suggests a category and explains it. */
export const recordAssessment = caseCommandProcedure({ selections: z.array(selectionInput).max(50) }, (input) => ({
  type: "record-assessment",
  selections: input.selections.map((s) => ({
    area: s.area,
    descriptors: s.descriptors,
    ...(s.evidence ? { evidence: s.evidence } : {}),
  })),
}));
