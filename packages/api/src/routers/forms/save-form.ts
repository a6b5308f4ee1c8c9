import { z } from "zod";

import {
  appendAudit,
  findFormResponse,
  findOpenCaseForSchool,
  findSchool,
  insertFormResponse,
  updateFormResponse,
} from "@steward/db";
import { DomainError, requireApplicable } from "@steward/domain";

import { ApiError } from "../../errors.ts";
import { toSchoolProfile } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { assertResponsePermission, formData, responseSchema, toResponse } from "./shared.ts";

/**
 * Saves a form's answers as a draft, to come back to (long self-evaluations
 * are not filled in one sitting). The first save creates the response; later
 * saves name it and the revision they started from, so two people editing the
 * same draft never overwrite each other silently.
 */
export const saveForm = tenantProcedure
  .input(
    z.strictObject({
      formKey: z.string().min(1).max(100),
      schoolUrn: z.number().int().positive(),
      id: z.uuid().optional(),
      revision: z.number().int().positive().optional(),
      data: formData,
      page: z.number().int().min(0).max(100).default(0),
    }),
  )
  .output(responseSchema)
  .mutation(async ({ ctx, input }) => {
    const form = ctx.policy.document.forms.find((f) => f.key === input.formKey);
    if (!form) throw new DomainError("invalid", `There is no form "${input.formKey}" in this policy.`, "/formKey");
    const now = ctx.now();
    if (!input.id) {
      assertResponsePermission(ctx, "create", { schoolUrn: input.schoolUrn, status: "draft", formKey: form.key });
      const school = await findSchool(ctx.trx, input.schoolUrn);
      if (!school) throw new DomainError("not-found", "That school was not found.", "/schoolUrn");
      // The engine's one applicability check: a form the policy limits to other schools is not started for this one.
      requireApplicable(form, form.title, toSchoolProfile(school), "/formKey");
      const open = await findOpenCaseForSchool(ctx.trx, input.schoolUrn);
      const row = await insertFormResponse(ctx.trx, ctx.tenantId, {
        formKey: form.key,
        schoolUrn: input.schoolUrn,
        caseId: open?.id ?? null,
        policyVersionId: ctx.policy.id,
        data: input.data,
        page: input.page,
        userId: ctx.user.id,
      });
      if (!row)
        throw new ApiError(
          "stale",
          `This school already has a draft of ${form.title}: reload the page to continue it.`,
        );
      await appendAudit(ctx.trx, ctx.tenantId, {
        actorId: ctx.user.id,
        actorLabel: ctx.user.displayName,
        action: "form-draft-saved",
        subjectType: "FormResponse",
        subjectId: row.id,
        detail: { form: form.key },
      });
      return toResponse(row);
    }
    // Changing a draft names the revision it started from: never a silent overwrite.
    if (input.revision === undefined)
      throw new DomainError(
        "invalid",
        "Say which revision of the draft you changed (its revision number).",
        "/revision",
      );
    const existing = await findFormResponse(ctx.trx, input.id);
    if (!existing) throw new DomainError("not-found", "That form was not found.", "/id");
    assertResponsePermission(ctx, "read", {
      schoolUrn: existing.school_urn,
      status: existing.status,
      formKey: existing.form_key,
    });
    assertResponsePermission(ctx, "update", {
      schoolUrn: existing.school_urn,
      status: existing.status,
      formKey: existing.form_key,
    });
    if (existing.status === "submitted")
      throw new DomainError("conflict", "This form has been submitted: it cannot be changed.");
    const row = await updateFormResponse(ctx.trx, existing.id, input.revision, {
      data: input.data,
      page: input.page,
      userId: ctx.user.id,
      submit: false,
      now,
    });
    if (!row)
      throw new ApiError(
        "stale",
        "Someone else saved this form since you opened it: reload it to see their answers, then make your change again.",
      );
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "form-draft-saved",
      subjectType: "FormResponse",
      subjectId: row.id,
      detail: { form: form.key, revision: row.revision },
    });
    return toResponse(row);
  });
