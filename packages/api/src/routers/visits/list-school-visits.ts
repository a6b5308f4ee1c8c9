import { z } from "zod";

import { caseViewSchema } from "../../services/case-view/index.ts";
import { loadReadableReports, presentVisits } from "../../services/case-view/visits.ts";
import { loadSchoolRecordsView } from "../../services/school-records.ts";
import { tenantProcedure } from "../../trpc.ts";

const json = z.record(z.string(), z.unknown());

/**
 * A school's visits (of its open case) that the user may read, with each
 * report only where they may read the report itself (school staff: once it is
 * published), and the forms those reports were written with, to show the
 * answers under their questions. No right to read the case is needed. "Not
 * found" for a school whose visits and reports the user may not read at all.
 */
export const listSchoolVisits = tenantProcedure
  .input(z.strictObject({ schoolUrn: z.number().int().positive() }))
  .output(
    z.object({
      caseId: z.string().nullable(),
      visits: caseViewSchema.shape.visits,
      reportForms: z.array(z.object({ key: z.string(), purpose: z.string(), schema: json, uiSchema: json })),
    }),
  )
  .query(async ({ ctx, input }) => {
    const found = await loadSchoolRecordsView(ctx, input.schoolUrn, ["Visit", "VisitReport"]);
    if (!found) return { caseId: null, visits: [], reportForms: [] };
    const visits = presentVisits(found.view, await loadReadableReports(ctx.trx, found.view));
    const reports = visits.flatMap((v) => (v.report ? [v.report] : []));
    const named = new Set(reports.map((r) => r.form));
    const reportForms = found.view.policy.forms
      .filter((f) => reports.length > 0 && (named.has(f.key) || f.purpose === "visit-report"))
      .map((f) => ({ key: f.key, purpose: f.purpose, schema: f.schema, uiSchema: f.uiSchema ?? {} }));
    return { caseId: found.caseId, visits, reportForms };
  });
