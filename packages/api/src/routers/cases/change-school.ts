import { z } from "zod";

import { findSchool } from "@steward/db";
import { DomainError } from "@steward/domain";

import { runCaseCommand, toSchoolProfile } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { caseCommandOutput, caseRef, text, toActor } from "../case-command.ts";

/** The case follows its school to a new URN (an academy conversion), keeping its history. */
export const changeSchool = tenantProcedure
  .input(
    z.strictObject({
      ...caseRef,
      urn: z.number().int().positive(),
      reason: text(2000, "the reason, for example its conversion to an academy"),
    }),
  )
  .output(caseCommandOutput)
  .mutation(async ({ ctx, input }) => {
    const school = await findSchool(ctx.trx, input.urn);
    if (!school)
      throw new DomainError("not-found", `There is no school with URN ${input.urn} in the register.`, "/urn");
    const result = await runCaseCommand(
      toActor(ctx),
      input.caseId,
      { type: "change-school", school: toSchoolProfile(school), reason: input.reason },
      { expectedVersion: input.expectedVersion },
    );
    return { caseId: input.caseId, version: result.state.version, events: result.events.map((e) => e.type) };
  });
