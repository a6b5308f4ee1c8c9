import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Dismisses a task from a stage's follow-up that is not needed, saying why. */
export const dismissTask = caseCommandProcedure(
  { taskId: z.string().min(1).max(100), reason: text(2000, "a reason for dismissing the task") },
  (input) => ({ type: "dismiss-task", taskId: input.taskId, reason: input.reason }),
);
