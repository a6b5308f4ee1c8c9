import { z } from "zod";

import { appendAudit, insertPolicyVersion, savePolicyProblems } from "@steward/db";
import { DomainError } from "@steward/domain";
import { FORMAT_VERSION, FormatUpgradeError, startNewStrategyYear, upgradePolicy } from "@steward/policy-config";

import { notFound } from "../../errors.ts";
import { loadPolicyVersionRow, policyDocumentOf, readStoredVersion } from "../../services/policies.ts";
import { checkPolicyDocument } from "../../services/policy-checks.ts";
import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { documentInput, problemSchema, versionSummary } from "./schemas.ts";

const yearInput = z.record(z.string(), z.unknown());

const createDraftInput = z.union([
  z.strictObject({ from: z.literal("version"), versionId: z.uuid(), label: z.string().max(200).optional() }),
  z.strictObject({ from: z.literal("file"), document: documentInput, label: z.string().max(200).optional() }),
  z.strictObject({
    from: z.literal("new-strategy-year"),
    versionId: z.uuid(),
    period: z.string().trim().min(1, "Enter the strategy period, like 2026-2027").max(50),
    effectiveFrom: z.iso.date("Enter a real date"),
    effectiveTo: z.iso.date("Enter a real date").optional(),
    title: z.string().trim().max(300).optional(),
    years: z.array(yearInput).min(1, "Give at least one school year").max(10),
    label: z.string().max(200).optional(),
  }),
]);

/** A new draft: a copy of a version, a policy file imported, or a new strategy year started from a version. */
export const createDraft = tenantProcedure
  .input(createDraftInput)
  .output(versionSummary.extend({ problems: z.array(problemSchema) }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "create");
    let document: unknown;
    let basedOnId: string | null = null;
    if (input.from === "file") {
      try {
        document = upgradePolicy(input.document).document;
      } catch (error) {
        if (error instanceof FormatUpgradeError)
          throw new DomainError("invalid", error.message, "/document/formatVersion");
        throw error;
      }
    } else {
      // Read in the current format, whatever format the version was stored in.
      const base = await loadPolicyVersionRow(ctx.trx, input.versionId);
      if (!base) throw notFound("That policy version");
      basedOnId = base.id;
      // A copy is taken as it is (a draft may be copied mid-edit); a new year needs a policy in shape.
      document =
        input.from === "version"
          ? structuredClone(base.document)
          : startNewStrategyYear(policyDocumentOf(base), {
              period: input.period,
              effectiveFrom: input.effectiveFrom,
              ...(input.effectiveTo ? { effectiveTo: input.effectiveTo } : {}),
              ...(input.title ? { title: input.title } : {}),
              years: input.years as never,
            });
    }
    const { problems } = await checkPolicyDocument(document);
    const row = await insertPolicyVersion(ctx.trx, ctx.tenantId, {
      document,
      formatVersion: FORMAT_VERSION,
      label: input.label ?? null,
      basedOnId,
      createdBy: ctx.user.id,
    });
    await savePolicyProblems(ctx.trx, row.id, row.revision, problems);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "policy-draft-created",
      subjectType: "Policy",
      subjectId: row.id,
      detail: { from: input.from, version: row.version },
    });
    return { ...toVersionSummary(readStoredVersion(row)), problems };
  });
