import type { Action } from "@steward/policy-config";
import { DomainError } from "@steward/domain";
import type { TenantContext } from "../../trpc.ts";

/** Throws unless the user may `action` the authority's policy. */
export function assertPolicyPermission(ctx: Pick<TenantContext, "ability">, action: Action) {
  if (!ctx.ability.ability.can(action, "Policy")) {
    const rule = ctx.ability.ability.relevantRuleFor(action, "Policy");
    throw new DomainError("forbidden", rule?.inverted && rule.reason ? rule.reason : `Your roles do not allow you to ${action} the policy.`);
  }
}
