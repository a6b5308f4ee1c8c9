import { LRUCache } from "lru-cache";

import { buildAbility, type PolicyAbility, type RoleGrant } from "@steward/domain";

import type { LoadedPolicy } from "./policies.ts";

/**
 * A user's CASL ability depends only on the tenant, the user (their id fills
 * `${user.id}` placeholders), their grants and the policy version: all of
 * them are in the key, so a publish (a new version id) or a change of roles
 * (new grants) reads as a new key and the old entry simply ages out. Building
 * one costs the rules' interpolation and CASL's own indexes, every request;
 * kept, CASL's lazily built rule index is reused too. Bounded: a miss only
 * rebuilds. Abilities are never changed after they are built (nothing calls
 * `update`), so requests can share one.
 */
const abilities = new LRUCache<string, PolicyAbility>({ max: 500 });

/** The cache key: grants serialised in their stored order (CASL's later rules win, so order is part of the ability). */
function abilityKey(tenantId: string, policyVersionId: string, userId: string, grants: readonly RoleGrant[]): string {
  const serialised = JSON.stringify(grants.map((g) => [g.role, g.schoolUrn ?? null]));
  return `${tenantId}\u0000${policyVersionId}\u0000${userId}\u0000${serialised}`;
}

/**
 * The ability of a signed-in user under the version in force, built once per
 * (tenant, version, user, grants). A role the policy version no longer has
 * grants nothing (the user keeps their other roles).
 */
export function abilityOf(
  policy: LoadedPolicy,
  user: { id: string; tenantId: string; grants: readonly RoleGrant[] },
): PolicyAbility {
  const key = abilityKey(user.tenantId, policy.id, user.id, user.grants);
  const cached = abilities.get(key);
  if (cached) return cached;
  let ability: PolicyAbility;
  try {
    ability = buildAbility(policy.document, user);
  } catch {
    ability = buildAbility(policy.document, {
      ...user,
      grants: user.grants.filter((g) => policy.document.roles.some((r) => r.key === g.role)),
    });
  }
  abilities.set(key, ability);
  return ability;
}
