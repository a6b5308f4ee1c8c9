// Whether a user is LA staff is decided here only, from the policy's role `audience`. (A user's stored roles are
// checked where they are read, in packages/db's `parseRoleGrants`.)
import { audienceOf, type RoleGrant } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

/**
 * Whether a user is LA staff: the policy's role `audience`, through the domain's `audienceOf` and nothing else
 * (a user with no roles, or only roles the policy no longer has, is not LA staff).
 */
export function isLaStaff(policy: PolicyDocument, grants: readonly RoleGrant[]): boolean {
  return audienceOf(policy, grants) === "la";
}
