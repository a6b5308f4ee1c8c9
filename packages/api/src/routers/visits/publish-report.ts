import { z } from "zod";

import { caseCommandProcedure } from "../case-command.ts";

/** Publishes a recorded visit report to the school, where the policy allows it. */
export const publishReport = caseCommandProcedure({ visitId: z.string().min(1).max(100) }, (input) => ({
  type: "publish-visit-report",
  visitId: input.visitId,
}));
