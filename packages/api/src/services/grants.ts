// A user's roles as stored (the `users.grants` JSON column) are read through one parser: the column is JSON the
// database hands back untyped, so every reader gets checked grants, or a sentence naming what is wrong.
import { z } from "zod";

import { audienceOf, type RoleGrant } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

const storedGrants = z.array(z.object({ role: z.string().min(1), schoolUrn: z.number().int().positive().optional() }));

/** The roles a user holds, from the stored column; throws when the stored value is not a list of grants. */
export function parseGrants(stored: unknown): RoleGrant[] {
  const parsed = storedGrants.safeParse(stored);
  if (!parsed.success)
    throw new Error(`A user's stored roles are not a list of { role, schoolUrn? }: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Whether a user is LA staff: the policy's role `audience`, through the domain's `audienceOf` and nothing else
 * (a user with no roles, or only roles the policy no longer has, is not LA staff).
 */
export function isLaStaff(policy: PolicyDocument, grants: readonly RoleGrant[]): boolean {
  return audienceOf(policy, grants) === "la";
}
