import { z } from "zod";

import { findFormResponse } from "@steward/db";

import { notFound } from "../../errors.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertResponsePermission, responseSchema, toResponse } from "./shared.ts";

/** One response, draft or submitted, if the user may see it. */
export const getFormResponse = tenantProcedure
  .input(z.strictObject({ id: z.uuid() }))
  .output(responseSchema)
  .query(async ({ ctx, input }) => {
    const row = await findFormResponse(ctx.trx, input.id);
    if (!row) throw notFound("That form");
    await assertResponsePermission(ctx, "read", {
      schoolUrn: row.school_urn,
      status: row.status,
      formKey: row.form_key,
    });
    return toResponse(row);
  });
