import { z } from "zod";

import { caseCommandProcedure } from "../case-command.ts";

/** The school acknowledges receipt of an issued letter or notice. */
export const acknowledgeLetter = caseCommandProcedure({ letterId: z.string().min(1).max(100) }, (input) => ({
  type: "acknowledge-letter",
  letterId: input.letterId,
}));
