import { z } from "zod";

import type { User } from "@steward/db";
import { audienceOf, buildAbility, DomainError, type RoleGrant } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

export const grantInput = z.strictObject({
  role: z.string().min(1, "Choose a role").max(100),
  schoolUrn: z.number().int().positive().optional(),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(["active", "invited", "disabled"]),
  grants: z.array(z.object({ role: z.string(), roleLabel: z.string(), schoolUrn: z.number().optional() })),
  lastSignInAt: z.string().nullable(),
  locked: z.boolean(),
});

/** A user as the users pages show them; `heldBack` are the emails whose sign-ins are held back after failures. */
export function toUser(user: User, policy: PolicyDocument, heldBack: ReadonlySet<string>) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    status: user.status,
    grants: user.grants.map((g) => ({
      role: g.role,
      roleLabel: policy.roles.find((r) => r.key === g.role)?.label ?? g.role,
      ...(g.schoolUrn !== undefined ? { schoolUrn: g.schoolUrn } : {}),
    })),
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
    locked: heldBack.has(user.email.trim().toLowerCase()),
  };
}

/** Checks grants against the policy's roles (a school role for one school; an LA role for none), as the engine would build them. */
export function checkGrants(policy: PolicyDocument, grants: RoleGrant[]) {
  if (grants.length === 0) throw new DomainError("invalid", "Give the user at least one role.", "/grants");
  const audiences = new Set(grants.map((g) => audienceOf(policy, [g])));
  if (audiences.size > 1)
    throw new DomainError(
      "invalid-grant",
      "A user is either LA staff or school staff: give LA roles or school roles, not both.",
      "/grants",
    );
  const schools = new Set(grants.filter((g) => g.schoolUrn !== undefined).map((g) => g.schoolUrn));
  if (schools.size > 1) throw new DomainError("invalid-grant", "School staff hold roles for one school.", "/grants");
  buildAbility(policy, { id: "check", tenantId: "check", grants });
}

/** The roles a user may give, from the `mayGrant` lists of the roles they hold (none when no role lists any). */
function grantableRoles(policy: PolicyDocument, grants: readonly RoleGrant[]): Set<string> {
  return new Set(grants.flatMap((g) => policy.roles.find((r) => r.key === g.role)?.mayGrant ?? []));
}

/**
 * Throws unless the signed-in user may give every one of these roles (the
 * policy's `mayGrant`), so a role that may invite cannot mint a more powerful
 * account than the policy lets it.
 */
export function assertMayGrant(
  policy: PolicyDocument,
  actorGrants: readonly RoleGrant[],
  roles: readonly string[],
  pointer = "/grants",
) {
  const grantable = grantableRoles(policy, actorGrants);
  const refused = [...new Set(roles)].filter((role) => !grantable.has(role));
  if (refused.length > 0) {
    const label = (key: string) => policy.roles.find((r) => r.key === key)?.label ?? key;
    throw new DomainError(
      "forbidden",
      `Your roles do not let you give ${refused.map(label).join(", ")}${grantable.size ? `: you may give ${[...grantable].map(label).join(", ")}` : ""}.`,
      pointer,
    );
  }
}
