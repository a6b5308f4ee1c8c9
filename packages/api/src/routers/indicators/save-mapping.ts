import { z } from "zod";

import { saveNamedMapping } from "../../services/indicators/import.ts";
import { mappingSchema } from "../../services/indicators/mapping.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertMayImport, mappingOutput } from "./shared.ts";

/** Saves a mapping by name (replacing the one of that name), so next term's file imports in one step. */
export const saveMapping = tenantProcedure
  .input(
    z.strictObject({
      name: z.string().trim().min(1, "Name the mapping").max(120, "The name must be 120 characters or fewer"),
      mapping: mappingSchema,
    }),
  )
  .output(mappingOutput)
  .mutation(async ({ ctx, input }) => {
    assertMayImport(ctx);
    return saveNamedMapping(ctx, ctx.policy.document, input.name, input.mapping);
  });
