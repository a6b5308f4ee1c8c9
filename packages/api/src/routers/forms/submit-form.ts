import { z } from "zod";

import { appendAudit, findFormResponse, updateFormResponse } from "@steward/db";
import { DomainError } from "@steward/domain";
import { describeIncompleteAnswers, FormSchemaError, getFormValidator } from "@steward/policy-config";

import { ApiError } from "../../errors.ts";
import { recordFormAnswers } from "../../services/indicators/entry.ts";
import { tieResponseToLetter } from "../../services/letter-responses.ts";
import { loadPolicyVersion } from "../../services/policies.ts";
import { tenantProcedure } from "../../trpc.ts";
import { toActor } from "../case-command.ts";
import { assertResponsePermission, formData, responseSchema, toResponse } from "./shared.ts";

/** Submits a form: its answers must meet the form's JSON Schema (the first problem is reported at its place); a submitted form is final. */
export const submitForm = tenantProcedure
  .input(z.strictObject({ id: z.uuid(), revision: z.number().int().positive(), data: formData }))
  .output(responseSchema)
  .mutation(async ({ ctx, input }) => {
    const existing = await findFormResponse(ctx.trx, input.id);
    if (!existing) throw new DomainError("not-found", "That form was not found.", "/id");
    const record = { schoolUrn: existing.school_urn, status: existing.status, formKey: existing.form_key };
    await assertResponsePermission(ctx, "read", record);
    await assertResponsePermission(ctx, "submit", record);
    if (existing.status === "submitted") throw new DomainError("conflict", "This form has already been submitted.");
    const policy = await loadPolicyVersion(ctx.trx, ctx.tenantId, existing.policy_version_id);
    const form = policy?.document.forms.find((f) => f.key === existing.form_key);
    if (!policy || !form) throw new DomainError("conflict", "This form is no longer in the policy.");
    let validate;
    try {
      // Compiled once per policy version and form, and reused.
      validate = getFormValidator(policy.document, form.key);
    } catch (error) {
      if (error instanceof FormSchemaError) throw new DomainError("conflict", error.message);
      throw error;
    }
    if (!validate) throw new DomainError("conflict", "This form is no longer in the policy.");
    if (!validate(input.data)) {
      const { message, pointer } = describeIncompleteAnswers("form", validate.errors);
      throw new DomainError("invalid", message, pointer);
    }
    const row = await updateFormResponse(ctx.trx, existing.id, input.revision, {
      data: input.data,
      page: existing.page,
      userId: ctx.user.id,
      submit: true,
      now: ctx.now(),
    });
    if (!row)
      throw new ApiError(
        "stale",
        "Someone else saved this form since you opened it: reload it, check the answers and submit again.",
      );
    // Indicators whose values come from this form's answers get them, as at today.
    const indicatorValues = await recordFormAnswers(ctx, policy.document, form, {
      id: row.id,
      schoolUrn: row.school_urn,
      data: input.data,
    });
    // The response a letter in force awaits on this form is tied to it, in this transaction.
    const letter = await tieResponseToLetter(toActor(ctx), {
      id: row.id,
      schoolUrn: row.school_urn,
      formKey: form.key,
    });
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "form-submitted",
      subjectType: "FormResponse",
      subjectId: row.id,
      detail: { form: form.key, ...(indicatorValues > 0 ? { indicatorValues } : {}), ...(letter ? { letter } : {}) },
    });
    return toResponse(row);
  });
