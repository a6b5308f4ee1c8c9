import { z } from "zod";

import { caseCommandProcedure } from "../case-command.ts";

/** A second officer approves a drafted letter, where the policy requires approval. */
export const approveLetter = caseCommandProcedure({ letterId: z.string().min(1).max(100) }, (input) => ({
  type: "approve-letter",
  letterId: input.letterId,
}));
