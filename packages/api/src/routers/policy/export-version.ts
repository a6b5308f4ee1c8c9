import { z } from "zod";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow } from "../../services/policies.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";

/** The authority's name, as far as a document (a draft's perhaps mid-edit) gives it. */
const authorityName = z.object({ authority: z.object({ name: z.string() }) });

/** A version's document, in the current format, as a file to download (2-space JSON). */
export const exportVersion = tenantProcedure
  .input(z.strictObject({ id: z.uuid() }))
  .output(z.object({ filename: z.string(), json: z.string() }))
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await loadPolicyVersionRow(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    const name = authorityName.safeParse(row.document).data?.authority.name ?? "policy";
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return { filename: `${slug}-policy-v${row.version}.json`, json: `${JSON.stringify(row.document, null, 2)}\n` };
  });
