import {
  analyzeTenantTables,
  appendAudit,
  createTenant,
  findPublishedPolicyId,
  findTenantBySlug,
  findUserByEmail,
  hasOpenCase,
  insertPolicyVersion,
  insertUser,
  publishPolicyVersion,
  upsertSchools,
  withTenant,
  type RoleGrantRow,
  type SchoolValues,
  type StewardDatabase,
  type Tenant,
} from "@steward/db";
import { buildAbility, DomainError } from "@steward/domain";
import { FORMAT_VERSION, upgradePolicy, validatePolicy, type PolicyDocument } from "@steward/policy-config";

import { hashPassword } from "../auth/passwords.ts";
import { loadPublishedPolicy } from "./policies.ts";

type Db = StewardDatabase["db"];

/** Operator work (the CLI, the demo): not through a session, so not through a user's permissions. */

export class ProvisionError extends Error {}

/** A policy file's document, upgraded to the current format and valid, or every problem as one error. */
export function readPolicyDocument(document: unknown): PolicyDocument {
  const result = validatePolicy(upgradePolicy(document).document);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === "error");
    throw new ProvisionError(
      `The policy has ${errors.length} problem${errors.length === 1 ? "" : "s"}:\n${errors.map((p) => `  ${p.pointer}: ${p.message}`).join("\n")}`,
    );
  }
  return result.document;
}

/** Creates an authority and publishes its first policy version. */
export async function provisionTenant(
  db: Db,
  values: { slug: string; name?: string; policy: unknown },
): Promise<{ tenant: Tenant; policyVersionId: string }> {
  const document = readPolicyDocument(values.policy);
  if (await findTenantBySlug(db, values.slug))
    throw new ProvisionError(`There is already an authority "${values.slug}".`);
  const tenant = await createTenant(db, {
    slug: values.slug,
    name: values.name ?? document.authority.name,
    la_code: document.authority.laCode,
  });
  const policyVersionId = await withTenant(db, tenant.id, async (trx) => {
    const row = await insertPolicyVersion(trx, tenant.id, {
      document,
      formatVersion: FORMAT_VERSION,
      label: "First version",
      basedOnId: null,
      createdBy: null,
    });
    await publishPolicyVersion(trx, row.id, null, new Date());
    await appendAudit(trx, tenant.id, {
      actorId: null,
      actorLabel: "Operator",
      action: "policy-published",
      subjectType: "Policy",
      subjectId: row.id,
      detail: { version: 1 },
    });
    return row.id;
  });
  return { tenant, policyVersionId };
}

/** Publishes a policy file as the authority's new version in force (the operator's route; the admin app's is the policy studio). */
export async function publishPolicyFile(db: Db, tenantId: string, policy: unknown, label: string | null = null) {
  const document = readPolicyDocument(policy);
  return withTenant(db, tenantId, async (trx) => {
    const current = await findPublishedPolicyId(trx);
    const open = await hasOpenCase(trx);
    if (current && open)
      throw new ProvisionError(
        "This authority has open cases: publish through the policy studio (or the policy.publish procedure), which moves each case to the new version.",
      );
    const row = await insertPolicyVersion(trx, tenantId, {
      document,
      formatVersion: FORMAT_VERSION,
      label,
      basedOnId: current?.id ?? null,
      createdBy: null,
    });
    await publishPolicyVersion(trx, row.id, null, new Date());
    await appendAudit(trx, tenantId, {
      actorId: null,
      actorLabel: "Operator",
      action: "policy-published",
      subjectType: "Policy",
      subjectId: row.id,
      detail: { version: row.version },
    });
    return row;
  });
}

/** Creates an active user with a password and roles checked against the policy in force. */
export async function provisionUser(
  db: Db,
  tenantId: string,
  values: { email: string; displayName: string; password: string; grants: RoleGrantRow[] },
) {
  const passwordHash = await hashPassword(values.password);
  return withTenant(db, tenantId, async (trx) => {
    const policy = await loadPublishedPolicy(trx);
    if (!policy) throw new ProvisionError("The authority has no published policy: its roles come from it.");
    try {
      buildAbility(policy.document, { id: "new", tenantId, grants: values.grants });
    } catch (error) {
      if (error instanceof DomainError) throw new ProvisionError(error.message);
      throw error;
    }
    if (await findUserByEmail(trx, values.email)) throw new ProvisionError(`There is already a user ${values.email}.`);
    const user = await insertUser(trx, tenantId, {
      email: values.email,
      displayName: values.displayName,
      passwordHash,
      grants: values.grants,
    });
    await appendAudit(trx, tenantId, {
      actorId: null,
      actorLabel: "Operator",
      action: "user-created",
      subjectType: "User",
      subjectId: user.id,
      detail: { email: user.email, grants: values.grants },
    });
    return user;
  });
}

/** Loads a register of schools, then refreshes the planner's statistics of schools (after the commit, which ANALYZE needs). */
export async function provisionSchools(db: Db, tenantId: string, schools: readonly SchoolValues[]) {
  const result = await withTenant(db, tenantId, (trx) => upsertSchools(trx, tenantId, schools));
  await analyzeTenantTables(db, ["schools"]);
  return result;
}
