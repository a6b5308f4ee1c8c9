import { z } from "zod";

import { DomainError, formatLetterDate, toIsoDate, type LetterContext } from "@steward/domain";
import { letterParameterFields, letterParameterSchema, type LetterType } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { sanitiseLetterHtml } from "../../services/letter-html.ts";
import { loadPolicyVersionRow, policyDocumentOf } from "../../services/policies.ts";
import { getDraftProblems, refuseInvalidDraft } from "../../services/policy-checks.ts";
import { runInPolicyWorker } from "../../services/worker/pool.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { loadPreviewSchool, markNotSet } from "./preview-context.ts";

/** An example value for each of a letter type's parameters: its default, its minimum, today, or its title in brackets. */
function exampleParameters(letterType: LetterType, today: string): Record<string, unknown> {
  return Object.fromEntries(
    letterParameterFields(letterType).map((field) => {
      const schema = letterParameterSchema(letterType, field) ?? {};
      if (schema.default !== undefined) return [field, schema.default];
      if ((schema.type === "integer" || schema.type === "number") && typeof schema.minimum === "number")
        return [field, schema.minimum];
      if (schema.format === "date") return [field, formatLetterDate(today)];
      return [field, `[${typeof schema.title === "string" ? schema.title : field}]`];
    }),
  );
}

const previewInput = z.strictObject({
  id: z.uuid(),
  letterType: z.string().min(1).max(100),
  /** The template as the letter editor has it now (unsaved), in place of the version's. */
  template: z
    .strictObject({
      subject: z.string().max(300, "The subject must be 300 characters or fewer"),
      body: z.string().max(20_000, "The body must be 20,000 characters or fewer"),
    })
    .optional(),
  /** A real school of the authority to merge in, in place of the example school. */
  schoolUrn: z.number().int().positive().optional(),
  /** Sample values for the type's parameters, in place of the examples. */
  parameters: z.record(z.string().max(64), z.unknown()).optional(),
});

/**
 * A letter type of a version rendered with example merge fields (or a real school and sample parameters, and the
 * letter editor's unsaved template), exactly as the engine renders a real letter (Liquid, every value escaped, no
 * code), so a policy administrator sees a draft's letters as the school will; a merge field with no value reads
 * "[not set]". Rendered on the policy worker (with its timeout); a draft with problems is refused with them, never
 * rendered.
 */
export const previewLetter = tenantProcedure
  .input(previewInput)
  .output(z.object({ subject: z.string(), html: z.string() }))
  .query(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const row = await loadPolicyVersionRow(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    refuseInvalidDraft(await getDraftProblems(ctx.trx, row), "its letters can be previewed");
    const policy = policyDocumentOf(row);
    const savedType = policy.letterTypes?.find((l) => l.key === input.letterType);
    if (!savedType)
      throw new DomainError(
        "not-found",
        `There is no letter type "${input.letterType}" in this version.`,
        "/letterType",
      );
    const letterType = input.template ? { ...savedType, template: input.template } : savedType;
    const today = toIsoDate(ctx.now());
    const example: LetterContext = {
      authority: { name: policy.authority?.name ?? "The authority" },
      school: {
        name: "Example Primary School",
        urn: 100000,
        headteacher: "Alex Example",
        chairOfGovernors: "Sam Example",
      },
      case: {
        category: policy.categories?.at(-1)?.label ?? "Category",
        stage: policy.escalation?.stages?.at(-1)?.label ?? "Stage",
      },
      officer: { name: ctx.user.displayName, jobTitle: "Officer" },
      letter: {
        type: letterType.label,
        date: formatLetterDate(today),
        reference: `${policy.authority?.laCode ?? "000"}/100000/EXAMPLE`,
        ...(letterType.deadline ? { deadline: formatLetterDate(today) } : {}),
        ...(letterType.reviewAfter ? { reviewDate: formatLetterDate(today) } : {}),
      },
      recipient: { name: "The Chair of Governors", role: "Chair of Governors" },
      indicators: letterType.indicators
        .slice(0, Math.max(1, letterType.minimumIndicators))
        .map((i) => ({ text: i.text, evidence: "The evidence the officer recorded." })),
      actions: [{ text: "An action the school must take", due: formatLetterDate(today) }],
      // Every copy, as for a school every rule on them holds for.
      copies: letterType.recipients
        .filter((r) => r.copy)
        .map((r) => ({ name: r.label ?? policy.roles?.find((role) => role.key === r.role)?.label ?? r.role ?? "" })),
      parameters: { ...exampleParameters(letterType, today), ...input.parameters },
    };
    if (input.schoolUrn) example.school = await loadPreviewSchool(ctx, input.schoolUrn);
    const context = markNotSet(example, letterType);
    let letter: { subject: string; html: string };
    try {
      letter = await runInPolicyWorker({ kind: "render-letter", letterType, context });
    } catch (error) {
      const message =
        error instanceof DomainError
          ? error.message
          : `The letter's template cannot be rendered: ${(error as Error).message}`;
      throw new DomainError("invalid", message, `/letterTypes/${policy.letterTypes.indexOf(savedType)}/template`);
    }
    return { subject: letter.subject, html: sanitiseLetterHtml(letter.html) };
  });
