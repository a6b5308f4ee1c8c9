import { z } from "zod";

import { findSchool } from "@steward/db";
import { DomainError } from "@steward/domain";

import { loadCase, runCaseCommand } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { caseCommandOutput, caseRef, toActor } from "../case-command.ts";
import { getLetterPeople } from "./people.ts";

/** Issues a letter (approved first where the policy requires it): dated, with its deadline and review date, and its effect on the case; to the addressee and signed by the officer it was drafted for. */
export const issueLetter = tenantProcedure
  .input(z.strictObject({ ...caseRef, letterId: z.string().min(1).max(100) }))
  .output(caseCommandOutput)
  .mutation(async ({ ctx, input }) => {
    const { state, policy } = await loadCase(ctx, input.caseId);
    const school = await findSchool(ctx.trx, state.school.urn);
    const letter = state.letters.find((l) => l.id === input.letterId);
    const letterType = policy.document.letterTypes.find((l) => l.key === letter?.letterType);
    if (!letter || !letterType)
      throw new DomainError("not-found", "There is no such letter on this case.", "/letterId");
    // A letter keeps the addressee and signatory it was drafted with; these are for a draft from before it did.
    const people = getLetterPeople(policy.document, letterType, ctx.user, undefined, school?.data);
    const result = await runCaseCommand(
      toActor(ctx),
      input.caseId,
      { type: "issue-letter", letterId: input.letterId, people },
      { expectedVersion: input.expectedVersion },
    );
    return { caseId: input.caseId, version: result.state.version, events: result.events.map((e) => e.type) };
  });
