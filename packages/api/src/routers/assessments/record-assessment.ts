import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

const selectionInput = z.strictObject({
  area: z.string().min(1).max(100),
  descriptors: z
    .array(z.strictObject({ category: z.string().min(1).max(100), descriptor: z.string().min(1).max(100) }))
    .max(200),
  evidence: text(10_000, "the evidence").optional(),
});

const choiceInput = z.strictObject({
  dimension: z.string().min(1).max(100),
  level: z.string().min(1, "Choose a level").max(100),
  rationale: z.string().trim().max(10_000, "The rationale must be 10,000 characters or fewer").optional(),
});

/**
 * Records an assessment: per criteria area, the descriptors that apply and the evidence; per dimension an officer
 * values, the level chosen and why. The engine values every dimension, derives the category and explains it.
 */
export const recordAssessment = caseCommandProcedure(
  { selections: z.array(selectionInput).max(50), choices: z.array(choiceInput).max(20).optional() },
  (input) => ({
    type: "record-assessment",
    selections: input.selections.map((s) => ({
      area: s.area,
      descriptors: s.descriptors,
      ...(s.evidence ? { evidence: s.evidence } : {}),
    })),
    ...(input.choices
      ? {
          choices: input.choices.map((c) => ({
            dimension: c.dimension,
            level: c.level,
            ...(c.rationale ? { rationale: c.rationale } : {}),
          })),
        }
      : {}),
  }),
);
