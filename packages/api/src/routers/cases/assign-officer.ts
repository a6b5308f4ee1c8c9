import { z } from "zod";

import { findUser } from "@steward/db";
import { DomainError } from "@steward/domain";

import { runCaseCommand } from "../../services/cases.ts";
import { isLaStaff } from "../../services/grants.ts";
import { tenantProcedure } from "../../trpc.ts";
import { caseCommandOutput, caseRef, toActor } from "../case-command.ts";

/** Assigns the case's officer: an active LA user of the authority. */
export const assignOfficer = tenantProcedure
  .input(z.strictObject({ ...caseRef, officerId: z.uuid("Choose an officer") }))
  .output(caseCommandOutput)
  .mutation(async ({ ctx, input }) => {
    const officer = await findUser(ctx.trx, input.officerId);
    if (!officer || officer.status !== "active" || !isLaStaff(ctx.policy.document, officer.grants)) {
      throw new DomainError("invalid", "Choose an active member of LA staff.", "/officerId");
    }
    const result = await runCaseCommand(
      toActor(ctx),
      input.caseId,
      { type: "assign-officer", officerId: officer.id },
      { expectedVersion: input.expectedVersion },
    );
    return { caseId: input.caseId, version: result.state.version, events: result.events.map((e) => e.type) };
  });
