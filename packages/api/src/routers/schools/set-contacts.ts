import { z } from "zod";

import { appendAudit, findSchool, mergeSchoolData } from "@steward/db";
import { audienceOf, DomainError } from "@steward/domain";

import { notFound } from "../../errors.ts";
import { schoolRecordOf } from "../../services/access.ts";
import { readSchoolProfileData } from "../../services/school-data.ts";
import { tenantProcedure } from "../../trpc.ts";

const name = (what: string) =>
  z
    .string()
    .trim()
    .max(200, `The ${what}'s name must be 200 characters or fewer`)
    .regex(/^[^<>{}]*$/, `Enter the ${what}'s name without < > { or }`);

/**
 * The school's people GIAS does not give (the chair of governors) or gives
 * late (a new headteacher): recorded by LA staff who may update the school,
 * audited, and merged into letters as `school.chairOfGovernors` and
 * `school.headteacher`. An empty name clears it.
 */
export const setContacts = tenantProcedure
  .input(
    z.strictObject({
      urn: z.number().int().positive(),
      chairOfGovernors: name("chair of governors"),
      headteacher: name("headteacher"),
    }),
  )
  .output(z.object({ chairOfGovernors: z.string().nullable(), headteacher: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    const school = await findSchool(ctx.trx, input.urn);
    if (!school || !ctx.ability.ability.can("read", schoolRecordOf(school))) throw notFound("That school");
    if (
      audienceOf(ctx.policy.document, ctx.user.grants) !== "la" ||
      !ctx.ability.ability.can("update", schoolRecordOf(school))
    )
      throw new DomainError("forbidden", "Your roles do not allow you to change this school's contacts.");
    const before = readSchoolProfileData(school.data).contacts;
    const contacts = {
      ...(input.chairOfGovernors ? { chairOfGovernors: input.chairOfGovernors } : {}),
      ...(input.headteacher ? { headteacher: input.headteacher } : {}),
      updatedAt: ctx.now().toISOString(),
      updatedBy: ctx.user.displayName,
    };
    await mergeSchoolData(ctx.trx, school.urn, { contacts });
    await appendAudit(ctx.trx, ctx.tenantId, {
      actorId: ctx.user.id,
      actorLabel: ctx.user.displayName,
      action: "school-contacts-changed",
      subjectType: "School",
      subjectId: String(school.urn),
      detail: {
        chairOfGovernors: { from: before.chairOfGovernors ?? null, to: contacts.chairOfGovernors ?? null },
        headteacher: { from: before.headteacher ?? null, to: contacts.headteacher ?? null },
      },
    });
    return { chairOfGovernors: contacts.chairOfGovernors ?? null, headteacher: contacts.headteacher ?? null };
  });
