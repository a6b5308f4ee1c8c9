import { canOnEvery, DomainError } from "@steward/domain";
import type { Action } from "@steward/policy-config";

import type { TenantContext } from "../../trpc.ts";

/**
 * Throws unless the user may `action` the authority's policy: every version of
 * it (a rule limited by conditions does not open the policy studio, which
 * works across versions; a bare subject check would let any conditional rule through).
 */
export function assertPolicyPermission(ctx: Pick<TenantContext, "ability">, action: Action) {
  if (!canOnEvery(ctx.ability, action, "Policy")) {
    const rule = ctx.ability.ability.relevantRuleFor(action, "Policy");
    throw new DomainError(
      "forbidden",
      rule?.inverted && rule.reason ? rule.reason : `Your roles do not allow you to ${action} the policy.`,
    );
  }
}
