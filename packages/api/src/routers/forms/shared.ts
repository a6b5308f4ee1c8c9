import { z } from "zod";

import { findSchool, type FormResponseRow } from "@steward/db";
import { DomainError, formResponseSubject } from "@steward/domain";
import type { Action } from "@steward/policy-config";

import { schoolAttributesOf } from "../../services/access.ts";
import type { TenantContext } from "../../trpc.ts";

export const responseSchema = z.object({
  id: z.string(),
  formKey: z.string(),
  schoolUrn: z.number(),
  status: z.enum(["draft", "submitted"]),
  data: z.record(z.string(), z.unknown()),
  page: z.number(),
  revision: z.number(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  policyVersionId: z.string(),
});

export const toResponse = (r: FormResponseRow) => ({
  id: r.id,
  formKey: r.form_key,
  schoolUrn: r.school_urn,
  status: r.status,
  data: r.data,
  page: r.page,
  revision: r.revision,
  updatedAt: r.updated_at.toISOString(),
  submittedAt: r.submitted_at?.toISOString() ?? null,
  policyVersionId: r.policy_version_id,
});

/**
 * Throws unless the user may act on a response of this form for this school (with
 * its attributes) in this status. The form's audience is in the ability itself: school staff can
 * never touch the LA's own forms, whatever their roles' rules say
 * (`schoolAudienceLimits` in packages/domain).
 */
export async function assertResponsePermission(
  ctx: Pick<TenantContext, "ability" | "trx">,
  action: Action,
  record: { schoolUrn: number; status: string; formKey: string },
) {
  const school = schoolAttributesOf(await findSchool(ctx.trx, record.schoolUrn));
  if (!ctx.ability.ability.can(action, formResponseSubject({ ...record, school }))) {
    throw new DomainError(
      action === "read" ? "not-found" : "forbidden",
      action === "read" ? "That form was not found." : `Your roles do not allow you to ${action} this form.`,
    );
  }
}

export const formData = z
  .record(z.string(), z.unknown())
  .refine((d) => JSON.stringify(d).length <= 500_000, "The answers are too long: keep them under 500,000 characters");
