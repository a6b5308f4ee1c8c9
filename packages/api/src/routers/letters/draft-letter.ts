import { z } from "zod";

import { findSchool } from "@steward/db";
import { DomainError } from "@steward/domain";

import { loadCase, runCaseCommand } from "../../services/cases.ts";
import { tenantProcedure } from "../../trpc.ts";
import { caseCommandOutput, caseRef, isoDate, text, toActor } from "../case-command.ts";
import { getLetterPeople, recipientInput } from "./people.ts";

const draftLetterInput = z.strictObject({
  ...caseRef,
  letterType: z.string().min(1, "Choose a type of letter").max(100),
  indicators: z
    .array(z.strictObject({ key: z.string().min(1).max(100), evidence: text(4000, "the evidence for this indicator") }))
    .max(50),
  actions: z
    .array(z.strictObject({ text: text(2000, "the action"), due: isoDate }))
    .max(50)
    .optional(),
  notes: z.string().max(10_000, "Notes must be 10,000 characters or fewer").optional(),
  /** What the officer fills in for the type's parameters; the engine checks them against the type's JSON Schema. */
  parameters: z.record(z.string().max(64), z.unknown()).optional(),
  recipient: recipientInput.optional(),
});

/** Drafts a letter or notice: the indicators that apply (with evidence), any actions required, the type's parameters, rendered from the type's template. */
export const draftLetter = tenantProcedure
  .input(draftLetterInput)
  .output(caseCommandOutput.extend({ letterId: z.string() }))
  .mutation(async ({ ctx, input }) => {
    const { policy, state } = await loadCase(ctx, input.caseId);
    const school = await findSchool(ctx.trx, state.school.urn);
    const letterType = policy.document.letterTypes.find((l) => l.key === input.letterType);
    if (!letterType)
      throw new DomainError("invalid", `There is no letter type "${input.letterType}" in this policy.`, "/letterType");
    const result = await runCaseCommand(
      toActor(ctx),
      input.caseId,
      {
        type: "draft-letter",
        letterType: input.letterType,
        indicators: input.indicators,
        ...(input.actions ? { actions: input.actions } : {}),
        ...(input.notes ? { notes: input.notes } : {}),
        ...(input.parameters ? { parameters: input.parameters } : {}),
        people: getLetterPeople(policy.document, letterType, ctx.user, input.recipient?.name, school?.data),
      },
      { expectedVersion: input.expectedVersion },
    );
    const drafted = result.events.find((e) => e.type === "letter-drafted");
    return {
      caseId: input.caseId,
      version: result.state.version,
      events: result.events.map((e) => e.type),
      letterId: drafted?.type === "letter-drafted" ? drafted.letter.id : "",
    };
  });
