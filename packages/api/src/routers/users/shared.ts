import type { User } from "@steward/db";
import { buildAbility, DomainError, type RoleGrant } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";
import { z } from "zod";

export const grantInput = z.strictObject({ role: z.string().min(1, "Choose a role").max(100), schoolUrn: z.number().int().positive().optional() });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  status: z.enum(["active", "invited", "disabled"]),
  grants: z.array(z.object({ role: z.string(), roleLabel: z.string(), schoolUrn: z.number().optional() })),
  lastSignInAt: z.string().nullable(),
  locked: z.boolean(),
});

export function toUser(user: User, policy: PolicyDocument, now: Date) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    status: user.status,
    grants: (user.grants as RoleGrant[]).map((g) => ({ role: g.role, roleLabel: policy.roles.find((r) => r.key === g.role)?.label ?? g.role, ...(g.schoolUrn !== undefined ? { schoolUrn: g.schoolUrn } : {}) })),
    lastSignInAt: user.last_sign_in_at?.toISOString() ?? null,
    locked: Boolean(user.locked_until && user.locked_until > now),
  };
}

/** Checks grants against the policy's roles (a school role for one school; an LA role for none), as the engine would build them. */
export function checkGrants(policy: PolicyDocument, grants: RoleGrant[]) {
  if (grants.length === 0) throw new DomainError("invalid", "Give the user at least one role.", "/grants");
  const audiences = new Set(grants.map((g) => policy.roles.find((r) => r.key === g.role)?.audience));
  if (audiences.size > 1) throw new DomainError("invalid-grant", "A user is either LA staff or school staff: give LA roles or school roles, not both.", "/grants");
  const schools = new Set(grants.filter((g) => g.schoolUrn !== undefined).map((g) => g.schoolUrn));
  if (schools.size > 1) throw new DomainError("invalid-grant", "School staff hold roles for one school.", "/grants");
  buildAbility(policy, { id: "check", tenantId: "check", grants });
}
