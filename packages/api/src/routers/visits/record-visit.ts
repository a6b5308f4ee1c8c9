import { z } from "zod";

import { caseCommandProcedure } from "../case-command.ts";

/**
 * Records what happened at a visit: the report form's answers (validated
 * against the form's JSON Schema), notes per agenda item, whether concerns
 * about progress remain, and whether to publish the report to the school.
 */
export const recordVisit = caseCommandProcedure(
  {
    visitId: z.string().min(1).max(100),
    data: z
      .record(z.string(), z.unknown())
      .refine((d) => JSON.stringify(d).length <= 200_000, "The report is too long: keep it under 200,000 characters"),
    agendaNotes: z
      .record(z.string().max(100), z.string().max(20_000, "A note must be 20,000 characters or fewer"))
      .optional(),
    concerns: z.boolean(),
    publish: z.boolean().optional(),
  },
  (input) => ({
    type: "record-visit",
    visitId: input.visitId,
    data: input.data,
    ...(input.agendaNotes ? { agendaNotes: input.agendaNotes } : {}),
    concerns: input.concerns,
    ...(input.publish !== undefined ? { publish: input.publish } : {}),
  }),
);
