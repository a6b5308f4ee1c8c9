import { z } from "zod";

import { findOwnTenant } from "@steward/db";
import { audienceOf } from "@steward/domain";
import { ACTIONS, SUBJECTS } from "@steward/policy-config";

import { abilityOf } from "../../services/abilities.ts";
import { loadPublishedPolicy } from "../../services/policies.ts";
import { sessionProcedure } from "../../trpc.ts";

const meOutput = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    tenant: z.object({ name: z.string(), laCode: z.string().nullable() }),
    /** The user's roles with their labels; a school role names its school. */
    roles: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        audience: z.enum(["la", "school"]),
        schoolUrn: z.number().optional(),
      }),
    ),
    audience: z.enum(["la", "school"]),
    /** The user's school, for school staff. */
    schoolUrn: z.number().nullable(),
    /** What the user may do at all ("read Case", "publish Policy"), for menus; each procedure still checks. */
    can: z.array(z.string()),
    /** The roles this user may give when inviting or changing users (their roles' `mayGrant`). */
    grantableRoles: z.array(
      z.object({ key: z.string(), label: z.string(), audience: z.enum(["la", "school"]), description: z.string() }),
    ),
    csrfToken: z.string(),
    policyVersionId: z.string().nullable(),
    sessionExpiresAt: z.string(),
  })
  .nullable();

/** The signed-in user, their authority and what they may do; null when nobody is signed in. */
export const getMe = sessionProcedure
  .input(z.void())
  .output(meOutput)
  .query(async ({ ctx }) => {
    if (!ctx.user || !ctx.session || !ctx.trx || !ctx.tenantId) return null;
    const tenant = await findOwnTenant(ctx.trx);
    const policy = await loadPublishedPolicy(ctx.trx);
    const roles = ctx.user.grants.flatMap((g) => {
      const role = policy?.document.roles.find((r) => r.key === g.role);
      return role
        ? [
            {
              key: role.key,
              label: role.label,
              audience: role.audience,
              ...(g.schoolUrn !== undefined ? { schoolUrn: g.schoolUrn } : {}),
            },
          ]
        : [];
    });
    const ability = policy
      ? abilityOf(policy, { id: ctx.user.id, tenantId: ctx.tenantId, grants: ctx.user.grants }).ability
      : undefined;
    const can = ability
      ? SUBJECTS.flatMap((subject) =>
          ACTIONS.filter((action) => ability.can(action, subject)).map((action) => `${action} ${subject}`),
        )
      : [];
    const schoolUrn = roles.find((r) => r.schoolUrn !== undefined)?.schoolUrn ?? null;
    return {
      user: { id: ctx.user.id, email: ctx.user.email, displayName: ctx.user.displayName },
      tenant: { name: tenant.name, laCode: tenant.la_code },
      roles,
      audience: policy ? audienceOf(policy.document, ctx.user.grants) : ("school" as const),
      schoolUrn,
      can,
      grantableRoles: (policy?.document.roles ?? [])
        .filter((r) =>
          roles.some((held) => policy?.document.roles.find((x) => x.key === held.key)?.mayGrant?.includes(r.key)),
        )
        .map((r) => ({ key: r.key, label: r.label, audience: r.audience, description: r.description })),
      csrfToken: ctx.session.csrfToken,
      policyVersionId: policy?.id ?? null,
      sessionExpiresAt: ctx.session.expiresAt.toISOString(),
    };
  });
