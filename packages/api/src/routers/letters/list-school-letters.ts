import { z } from "zod";

import { caseViewSchema } from "../../services/case-view/index.ts";
import { presentLetters } from "../../services/case-view/letters.ts";
import { loadSchoolRecordsView } from "../../services/school-records.ts";
import { tenantProcedure } from "../../trpc.ts";

/**
 * A school's letters and notices (of its open case) that the user may read,
 * each checked on the letter itself: a role that reads the school's letters
 * needs no right to read its case. School staff never get a letter before it
 * is issued (the policy's own limits). "Not found" for a school whose letters
 * the user may not read at all.
 */
export const listSchoolLetters = tenantProcedure
  .input(z.strictObject({ schoolUrn: z.number().int().positive() }))
  .output(z.object({ caseId: z.string().nullable(), letters: caseViewSchema.shape.letters }))
  .query(async ({ ctx, input }) => {
    const found = await loadSchoolRecordsView(ctx, input.schoolUrn, ["Letter"]);
    return found ? { caseId: found.caseId, letters: presentLetters(found.view) } : { caseId: null, letters: [] };
  });
