import type { Kysely } from "kysely";

import type { Database, Tenant } from "../schema.ts";
import { withTenant } from "../tenant.ts";
import { createTenant } from "../tenants.queries.ts";

let counter = 0;

/** A tenant with a unique slug, for tests that share one database. */
export async function createTestTenant(db: Kysely<Database>, name = "Test authority"): Promise<Tenant> {
  counter += 1;
  const slug = `t-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 7)}`;
  return createTenant(db, { slug, name: `${name} ${counter}`, la_code: null });
}

/** One school and one open case for it in `tenantId`, with a draft policy version to stamp it with. */
export async function createTestCase(db: Kysely<Database>, tenantId: string, urn: number) {
  return withTenant(db, tenantId, async (trx) => {
    await trx
      .insertInto("schools")
      .values({ tenant_id: tenantId, urn, name: `School ${urn}` })
      .execute();
    const existing = await trx.selectFrom("policy_versions").select("id").where("version", "=", 1).executeTakeFirst();
    const policy =
      existing ??
      (await trx
        .insertInto("policy_versions")
        .values({ tenant_id: tenantId, version: 1, format_version: 1, document: JSON.stringify({}) })
        .returning("id")
        .executeTakeFirstOrThrow());
    return trx
      .insertInto("cases")
      .values({ tenant_id: tenantId, school_urn: urn, policy_version_id: policy.id })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
