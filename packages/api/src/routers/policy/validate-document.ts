import { z } from "zod";

import { checkPolicyDocument } from "../../services/policy-checks.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { documentInput, problemSchema } from "./schemas.ts";

/** Every problem with a policy document, each with its JSON pointer and a sentence (a mutation only so that a large document travels in the body; it changes nothing). */
export const validateDocument = tenantProcedure
  .input(z.strictObject({ document: documentInput }))
  .output(z.object({ ok: z.boolean(), problems: z.array(problemSchema) }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    return checkPolicyDocument(input.document);
  });
