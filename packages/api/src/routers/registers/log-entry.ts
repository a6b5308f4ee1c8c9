import { z } from "zod";

import { caseCommandProcedure, isoDate } from "../case-command.ts";

/** Logs an entry in one of the policy's registers: the date it happened and its fields (checked by the engine). */
export const logEntry = caseCommandProcedure(
  {
    register: z.string().min(1, "Choose a register").max(100),
    occurredOn: isoDate,
    fields: z.record(z.string().max(200), z.unknown()),
  },
  (input) => ({
    type: "log-register-entry",
    register: input.register,
    occurredOn: input.occurredOn,
    fields: input.fields,
  }),
);
