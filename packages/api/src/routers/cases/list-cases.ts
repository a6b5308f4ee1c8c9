import { z } from "zod";

import { listCases as findCases } from "@steward/db";
import { toIsoDate } from "@steward/domain";

import { getCaseReadScope } from "../../services/access.ts";
import { tenantProcedure } from "../../trpc.ts";

export const caseFilterInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  category: z.string().max(100).optional(),
  stage: z.string().max(100).optional(),
  phase: z.string().max(100).optional(),
  governance: z.enum(["maintained", "academy", "free-school", "other"]).optional(),
  officerId: z.uuid().optional(),
  mine: z.boolean().optional(),
  unassigned: z.boolean().optional(),
  overdue: z.boolean().optional(),
  dueBy: z.iso.date().optional(),
  openLetters: z.boolean().optional(),
  awaitingAcknowledgement: z.boolean().optional(),
  lettersPastDeadline: z.boolean().optional(),
  status: z.enum(["open", "closed"]).optional(),
});

// Paged by offset, not by a keyset: the dashboard shows numbered pages, and the
// rows an offset skips are one authority's cases (a few hundred), an index range.
// The audit log, which grows without bound, pages by keyset (`before`).
const listCasesInput = caseFilterInput.extend({
  limit: z.number().int().min(1).max(1000).default(50),
  offset: z.number().int().min(0).default(0),
  sort: z.enum(["school", "next-visit", "category", "stage"]).optional(),
});

const caseListItem = z.object({
  id: z.string(),
  school: z.object({
    urn: z.number(),
    name: z.string(),
    phase: z.string().nullable(),
    governance: z.string(),
    trust: z.string().nullable(),
    district: z.string().nullable(),
  }),
  category: z.string().nullable(),
  stage: z.string().nullable(),
  assignedOfficer: z.object({ id: z.string(), name: z.string() }).nullable(),
  nextVisitDue: z.string().nullable(),
  overdue: z.boolean(),
  /** Null where the user may not read every letter the count would include. */
  openLetters: z.number().nullable(),
  lettersAwaitingAcknowledgement: z.number().nullable(),
  letterDeadline: z.string().nullable(),
  reviewDate: z.string().nullable(),
});

const listCasesOutput = z.object({ items: z.array(caseListItem), total: z.number() });

/**
 * The dashboard list: each case's category, stage, next visit due (and whether
 * it is overdue), open letters and officer. Filtered in SQL to the cases the
 * user's roles allow, each column only where they may read it (a category the
 * policy keeps from school staff, a field their role is not given).
 */
export const listCases = tenantProcedure
  .input(listCasesInput)
  .output(listCasesOutput)
  .query(async ({ ctx, input }) => {
    const today = toIsoDate(ctx.now());
    const { mine, ...filter } = input;
    // What the user may not read comes back null from the query itself (services/access.ts decides, per column).
    const { rows, total } = await findCases(ctx.trx, getCaseReadScope(ctx.ability, ctx.policy.document), {
      ...filter,
      ...(mine ? { officerId: ctx.user.id } : {}),
      today,
    });
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        school: {
          urn: r.school_urn,
          name: r.school_name,
          phase: r.phase,
          governance: r.governance,
          trust: r.trust,
          district: r.district,
        },
        category: r.category,
        stage: r.stage,
        assignedOfficer: r.assigned_officer_id ? { id: r.assigned_officer_id, name: r.officer_name ?? "" } : null,
        nextVisitDue: r.next_visit_due,
        overdue: r.next_visit_due !== null && r.next_visit_due < today,
        openLetters: r.open_letters,
        lettersAwaitingAcknowledgement: r.letters_awaiting_acknowledgement,
        letterDeadline: r.letter_deadline,
        reviewDate: r.review_date,
      })),
    };
  });
