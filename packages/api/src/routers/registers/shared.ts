import { z } from "zod";

import type { RegisterDefinition } from "@steward/policy-config";

import { getAccessFilter } from "../../services/access.ts";
import { fieldTitles } from "../../services/register-entries.ts";
import type { TenantContext } from "../../trpc.ts";

/** The filters of the register list and its CSV. */
export const registerFilterInput = z.strictObject({
  register: z.string().max(100).optional(),
  status: z.enum(["open", "closed"]).optional(),
  /** A school's URN or part of its name. */
  school: z.string().trim().max(200).optional(),
  occurredFrom: z.iso.date("Enter a real date, like 2027-03-14").optional(),
  occurredTo: z.iso.date("Enter a real date, like 2027-03-14").optional(),
});

/**
 * Which entries the user may read, as SQL-ready rules (the registers' access lists, a school role bound to its
 * school), and the registers of the published policy they may read some entry of: the list offers only those.
 */
export function readableRegisters(ctx: Pick<TenantContext, "ability" | "policy">) {
  const access = getAccessFilter(ctx.ability, "read", "RegisterEntry");
  const mentioned = (key: string) =>
    access.kind === "all" || (access.kind === "some" && access.anyOf.some((c) => c.register === key));
  const registers = (ctx.policy.document.registers ?? []).filter((r) => mentioned(r.key));
  return { access, registers };
}

export const registerSummary = z.object({
  key: z.string(),
  label: z.string(),
  entryLabel: z.string(),
  fields: z.array(z.object({ key: z.string(), title: z.string() })),
});

export const summariseRegister = (r: RegisterDefinition) => ({
  key: r.key,
  label: r.label,
  entryLabel: r.entryLabel,
  fields: fieldTitles(r),
});
