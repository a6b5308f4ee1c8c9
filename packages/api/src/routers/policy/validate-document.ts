import { validatePolicy } from "@steward/policy-config";
import { z } from "zod";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { documentInput, problemSchema } from "./schemas.ts";

/** Every problem with a policy document, each with its JSON pointer and a sentence. */
export const validateDocument = tenantProcedure
  .input(z.strictObject({ document: documentInput }))
  .output(z.object({ ok: z.boolean(), problems: z.array(problemSchema) }))
  .query(({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const { ok, problems } = validatePolicy(input.document);
    return { ok, problems };
  });
