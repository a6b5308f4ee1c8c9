import { z } from "zod";

import { caseCommandProcedure, isoDate, text } from "../case-command.ts";

/** Adds an action under a priority, with its owner and due date. */
export const addAction = caseCommandProcedure(
  {
    priorityId: z.string().min(1).max(100),
    text: text(2000, "the action"),
    owner: text(200, "who owns the action"),
    due: isoDate,
  },
  (input) => ({
    type: "add-action",
    priorityId: input.priorityId,
    text: input.text,
    owner: input.owner,
    due: input.due,
  }),
);
