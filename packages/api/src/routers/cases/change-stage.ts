import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Moves the case to another escalation stage: by one of the policy's transitions, or by an officer with a reason. */
export const changeStage = caseCommandProcedure(
  {
    stage: z.string().min(1, "Choose a stage").max(100),
    transition: z.string().max(100).optional(),
    reason: text(2000, "a reason").optional(),
  },
  (input) => ({
    type: "change-stage",
    stage: input.stage,
    ...(input.transition ? { transition: input.transition } : {}),
    ...(input.reason ? { reason: input.reason } : {}),
  }),
);
