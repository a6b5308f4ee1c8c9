import { z } from "zod";

import { caseCommandProcedure, text } from "../case-command.ts";

/** Closes an open register entry with a note saying why. */
export const closeEntry = caseCommandProcedure(
  { entryId: z.string().min(1).max(100), note: text(4000, "a note saying why the entry is closed") },
  (input) => ({ type: "close-register-entry", entryId: input.entryId, note: input.note }),
);
