import { z } from "zod";

import { findOpenCaseForSchool, findSchool } from "@steward/db";
import { caseSubject, DomainError } from "@steward/domain";

import { schoolAttributesOf } from "../../services/access.ts";
import { openCase as open } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { toActor } from "../case-command.ts";

/** Opens a case for a school in the register, under the policy in force. */
export const openCase = tenantProcedure
  .input(z.strictObject({ urn: z.number().int().positive("Enter the school's URN") }))
  .output(z.object({ caseId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const school = schoolAttributesOf(await findSchool(ctx.trx, input.urn));
    if (
      !ctx.ability.ability.can(
        "create",
        caseSubject({
          schoolUrn: input.urn,
          school,
          assignedOfficerId: null,
          category: null,
          stage: null,
          status: null,
        }),
      )
    )
      throw new DomainError("forbidden", "Your roles do not allow you to open cases.");
    const existing = await findOpenCaseForSchool(ctx.trx, input.urn);
    if (existing) throw new DomainError("conflict", "This school already has an open case.", "/urn");
    const { row } = await open(toActor(ctx), input.urn);
    return { caseId: row.id };
  });
