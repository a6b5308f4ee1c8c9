import { z } from "zod";

import { findSchool, listFormResponses } from "@steward/db";
import { applies, audienceOf } from "@steward/domain";

import { getAccessFilter } from "../../services/access.ts";
import { toSchoolProfile } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { responseSchema, toResponse } from "./shared.ts";

/**
 * The policy's forms the user's side fills in (school forms for school staff),
 * for one school only those that apply to it (the check that refuses starting
 * any other), and the responses they may see.
 */
export const listForms = tenantProcedure
  .input(z.strictObject({ schoolUrn: z.number().int().positive().optional() }))
  .output(
    z.object({
      forms: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          purpose: z.string(),
          audience: z.string(),
          description: z.string().optional(),
          schema: z.record(z.string(), z.unknown()),
          uiSchema: z.record(z.string(), z.unknown()),
        }),
      ),
      responses: z.array(responseSchema),
    }),
  )
  .query(async ({ ctx, input }) => {
    // School staff get the school's forms only (the same limit the ability puts on their responses).
    const school = audienceOf(ctx.policy.document, ctx.user.grants) === "school";
    const forSchool = input.schoolUrn === undefined ? undefined : await findSchool(ctx.trx, input.schoolUrn);
    const profile = forSchool ? toSchoolProfile(forSchool) : undefined;
    const forms = ctx.policy.document.forms.filter(
      (f) => (!school || f.audience === "school") && (!profile || applies(f, profile)),
    );
    const responses = await listFormResponses(ctx.trx, getAccessFilter(ctx.ability, "read", "FormResponse"), {
      schoolUrn: input.schoolUrn,
    });
    return {
      forms: forms.map((f) => ({
        key: f.key,
        title: f.title,
        purpose: f.purpose,
        audience: f.audience,
        ...(f.description ? { description: f.description } : {}),
        schema: f.schema,
        uiSchema: f.uiSchema ?? {},
      })),
      responses: responses.map(toResponse),
    };
  });
