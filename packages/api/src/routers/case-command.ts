import { z } from "zod";

import type { CaseCommand } from "@steward/domain";

import { runCaseCommand } from "../services/cases.ts";
import { tenantProcedure, type TenantContext } from "../trpc.ts";

export const caseCommandOutput = z.object({
  caseId: z.string(),
  /** The case's version after the command (send it back as `expectedVersion` to guard the next edit). */
  version: z.number(),
  /** What happened, as event types (e.g. a letter issued and the stage it moved the case to). */
  events: z.array(z.string()),
});

/** Every case command names its case and may guard against editing an out-of-date view. */
export const caseRef = { caseId: z.uuid("Choose a case"), expectedVersion: z.number().int().positive().optional() };

export const isoDate = z.iso.date("Enter a real date, like 2027-03-14");

export const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${max} characters or fewer`);

export function toActor(ctx: Pick<TenantContext, "trx" | "tenantId" | "user" | "ability" | "policy" | "now">) {
  return {
    trx: ctx.trx,
    tenantId: ctx.tenantId,
    user: ctx.user,
    ability: ctx.ability,
    policy: ctx.policy,
    now: ctx.now,
  };
}

/**
 * A procedure that turns its input into one case command and runs it through
 * the engine (authorisation from the policy's roles, validation, events,
 * projection and audit in one transaction). tRPC checks the whole input (and
 * types it for the apps); under this function's generic shape it hands the
 * resolver an opaque type, so the resolver reads the two halves back with
 * their own schemas (cheap, already valid) instead of casting.
 */
export function caseCommandProcedure<Shape extends z.ZodRawShape>(
  shape: Shape,
  toCommand: (input: z.infer<z.ZodObject<Shape>> & { caseId: string }) => CaseCommand,
) {
  const reference = z.object(caseRef);
  const fields = z.object(shape);
  return tenantProcedure
    .input(z.strictObject({ ...caseRef, ...shape }))
    .output(caseCommandOutput)
    .mutation(async ({ ctx, input }) => {
      const { caseId, expectedVersion } = reference.parse(input);
      const command = toCommand({ ...fields.parse(input), caseId });
      const result = await runCaseCommand(toActor(ctx), caseId, command, { expectedVersion });
      return { caseId, version: result.state.version, events: result.events.map((e) => e.type) };
    });
}
