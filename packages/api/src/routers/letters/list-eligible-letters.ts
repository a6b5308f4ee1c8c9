import { z } from "zod";

import { getLetterEligibility, letterSubject } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { mayReadCase } from "../../services/access.ts";
import { loadCase } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";

const eligibleLettersOutput = z.array(
  z.object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(["letter", "notice"]),
    purpose: z.string(),
    applicable: z.boolean(),
    reason: z.string().optional(),
    inForce: z.boolean(),
    minimumIndicators: z.number(),
    indicators: z.array(z.object({ key: z.string(), text: z.string() })),
    approvalRequired: z.boolean(),
    deadline: z.string().optional(),
    /** What the drafting officer fills in: the type's JSON Schema and uiSchema, for the page's rjsf form. */
    parameters: z
      .object({ schema: z.record(z.string(), z.unknown()), uiSchema: z.record(z.string(), z.unknown()).optional() })
      .optional(),
    /** The school form the letter asks for, in words (Action plan). */
    responseForm: z.string().optional(),
    mayDraft: z.boolean(),
  }),
);

/** The letter types this case could receive, whether each applies to the school, and the indicators to choose from. */
export const listEligibleLetters = tenantProcedure
  .input(z.strictObject({ caseId: z.string().max(100) }))
  .output(eligibleLettersOutput)
  .query(async ({ ctx, input }) => {
    const { state, policy, facts } = await loadCase(ctx, input.caseId);
    if (!mayReadCase(ctx.ability, facts)) throw notFound("That case");
    return getLetterEligibility(state, policy.document).map((e) => ({
      key: e.letterType.key,
      label: e.letterType.label,
      kind: e.letterType.kind,
      purpose: e.letterType.purpose,
      applicable: e.applicable,
      ...(e.reason ? { reason: e.reason } : {}),
      inForce: e.inForce,
      minimumIndicators: e.letterType.minimumIndicators,
      indicators: e.letterType.indicators,
      approvalRequired: e.letterType.approvalRequired,
      ...(e.letterType.deadline ? { deadline: e.letterType.deadline.label } : {}),
      ...(e.letterType.parameters ? { parameters: e.letterType.parameters } : {}),
      ...(e.letterType.responseForm ? { responseForm: e.letterType.responseForm.label } : {}),
      mayDraft:
        ctx.ability.ability.can("draft", letterSubject(facts, { letterType: e.letterType.key, status: "draft" })) &&
        e.letterType.permissions.draft.some((r) => ctx.user.grants.some((g) => g.role === r)),
    }));
  });
