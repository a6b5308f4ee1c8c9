import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Marks an action done or dropped, or adds a progress note. */
export const updateAction = caseCommandProcedure(
  {
    actionId: z.string().min(1).max(100),
    status: z.enum(["open", "done", "dropped"]).optional(),
    note: text(4000, "a progress note").optional(),
  },
  (input) => ({
    type: "update-action",
    actionId: input.actionId,
    ...(input.status ? { status: input.status } : {}),
    ...(input.note ? { note: input.note } : {}),
  }),
);
