import type { Kysely } from "kysely";

import { translatingDbErrors } from "./errors.ts";
import type { Database, NewTenant, Tenant } from "./schema.ts";
import { withSystem, type TenantTransaction } from "./tenant.ts";

/** Creates a tenant (an authority). Operator work: outside any tenant. */
export async function createTenant(db: Kysely<Database>, tenant: NewTenant): Promise<Tenant> {
  return translatingDbErrors(() =>
    withSystem(db, (trx) => trx.insertInto("tenants").values(tenant).returningAll().executeTakeFirstOrThrow()),
  );
}

export async function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<Tenant | undefined> {
  return withSystem(db, (trx) => trx.selectFrom("tenants").selectAll().where("slug", "=", slug).executeTakeFirst());
}

export async function listTenants(db: Kysely<Database>): Promise<Tenant[]> {
  return withSystem(db, (trx) => trx.selectFrom("tenants").selectAll().orderBy("name").execute());
}

export async function findTenant(db: Kysely<Database>, id: string): Promise<Tenant | undefined> {
  return withSystem(db, (trx) => trx.selectFrom("tenants").selectAll().where("id", "=", id).executeTakeFirst());
}

/** The name and LA code of the tenant a transaction is confined to (row-level security shows it only its own row). */
export async function findOwnTenant(trx: TenantTransaction): Promise<Pick<Tenant, "name" | "la_code" | "slug">> {
  return trx.selectFrom("tenants").select(["name", "la_code", "slug"]).executeTakeFirstOrThrow();
}
