import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Marks a task from a stage's follow-up done by hand, with an optional note. */
export const completeTask = caseCommandProcedure(
  { taskId: z.string().min(1).max(100), note: text(2000, "a note").optional() },
  (input) => ({ type: "complete-task", taskId: input.taskId, ...(input.note ? { note: input.note } : {}) }),
);
