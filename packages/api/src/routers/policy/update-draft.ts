import { z } from "zod";

import { appendAudit, findPolicyVersion, savePolicyProblems, updatePolicyDraft } from "@steward/db";
import { DomainError } from "@steward/domain";
import { FORMAT_VERSION } from "@steward/policy-config";

import { ApiError, notFound } from "../../errors.ts";
import { readStoredVersion } from "../../services/policies.ts";
import { checkPolicyDocument } from "../../services/policy-checks.ts";
import { toVersionSummary } from "../../services/policy-impact.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { documentInput, problemSchema, versionSummary } from "./schemas.ts";

/**
 * Saves a draft's document. Guarded by the revision the editor started from:
 * if someone else saved in between, the edit is refused with a conflict and
 * nothing is overwritten. A draft may be saved with problems (they are
 * returned, each at its place, and kept with the revision so that reading the
 * draft does not check it again); it cannot be published until they are fixed.
 */
export const updateDraft = tenantProcedure
  .input(
    z.strictObject({
      id: z.uuid(),
      revision: z.number().int().positive(),
      document: documentInput,
      label: z.string().max(200).nullable().optional(),
    }),
  )
  .output(versionSummary.extend({ problems: z.array(problemSchema) }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "update");
    if (input.document.formatVersion !== FORMAT_VERSION)
      throw new DomainError(
        "invalid",
        `A draft is saved in format ${FORMAT_VERSION}: import older files as a new draft to upgrade them.`,
        "/document/formatVersion",
      );
    // Checked first, on the worker: a check that fails or takes too long saves nothing.
    const { problems } = await checkPolicyDocument(input.document);
    const row = await updatePolicyDraft(ctx.trx, input.id, input.revision, {
      document: input.document,
      formatVersion: FORMAT_VERSION,
      label: input.label,
    });
    if (!row) {
      const current = await findPolicyVersion(ctx.trx, input.id);
      if (!current) throw notFound("That policy version");
      if (current.status !== "draft")
        throw new DomainError(
          "conflict",
          `Version ${current.version} is ${current.status}: it cannot be edited. Start a new draft from it.`,
        );
      throw new ApiError(
        "stale",
        `Someone else saved this draft (now at revision ${current.revision}) since you opened it: reload it, and make your change again.`,
      );
    }
    await savePolicyProblems(ctx.trx, row.id, row.revision, problems);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "policy-draft-saved",
      subjectType: "Policy",
      subjectId: row.id,
      detail: { revision: row.revision },
    });
    return { ...toVersionSummary(readStoredVersion(row)), problems };
  });
