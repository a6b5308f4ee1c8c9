import { caseCommandProcedure, text } from "../case-command.ts";

/** Closes a case (the school closed, or left the authority's remit), with a reason. */
export const closeCase = caseCommandProcedure({ reason: text(2000, "a reason for closing the case") }, (input) => ({
  type: "close-case",
  reason: input.reason,
}));
