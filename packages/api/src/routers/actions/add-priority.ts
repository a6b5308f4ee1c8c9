import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Adds a priority to the case's action plan (the LA Support and Intervention Plan, or the school's improvement priorities). */
export const addPriority = caseCommandProcedure(
  { title: text(500, "the priority"), targets: z.array(text(1000, "a target")).max(50).default([]) },
  (input) => ({
    type: "add-priority",
    title: input.title,
    targets: input.targets,
  }),
);
