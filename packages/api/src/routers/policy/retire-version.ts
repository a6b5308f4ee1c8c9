import { z } from "zod";

import {
  appendAudit,
  deletePolicyDraft,
  findPolicyVersion,
  isPolicyVersionBasedOn,
  retirePolicyVersion,
} from "@steward/db";
import { DomainError } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";

/**
 * Retires a version. The version in force is retired only by publishing its
 * successor (cases must always have a version in force); a draft nobody wants
 * is discarded instead.
 */
export const retireVersion = tenantProcedure
  .input(z.strictObject({ id: z.uuid() }))
  .output(z.object({ status: z.enum(["retired", "discarded"]) }))
  .mutation(async ({ ctx, input }) => {
    assertPolicyPermission(ctx, "update");
    const row = await findPolicyVersion(ctx.trx, input.id);
    if (!row) throw notFound("That policy version");
    if (row.status === "published")
      throw new DomainError("conflict", `Version ${row.version} is in force: publish a new version to replace it.`);
    if (row.status === "retired") throw new DomainError("conflict", `Version ${row.version} is already retired.`);
    const now = ctx.now();
    const referenced = await isPolicyVersionBasedOn(ctx.trx, row.id);
    if (referenced) await retirePolicyVersion(ctx.trx, row.id, now);
    else await deletePolicyDraft(ctx.trx, row.id);
    const status = referenced ? ("retired" as const) : ("discarded" as const);
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: `policy-draft-${status}`,
      subjectType: "Policy",
      subjectId: row.id,
      detail: { version: row.version },
    });
    return { status };
  });
