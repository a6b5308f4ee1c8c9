import { sql, type Kysely, type Transaction } from "kysely";

import { translatingDbErrors } from "./errors.ts";
import type { Database } from "./schema.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUID (the form of every id, and the only tenant id `withTenant` takes). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

declare const tenantScoped: unique symbol;

/**
 * A transaction in which row-level security confines every query to one
 * tenant. Branded: only `withTenant` makes one, so a query function that takes
 * a `TenantTransaction` cannot be handed a plain or system transaction (a type
 * error), where row-level security would not hold.
 */
export type TenantTransaction = Transaction<Database> & { readonly [tenantScoped]: true };

/**
 * Runs `fn` in one transaction confined to `tenantId`: the transaction takes
 * the `steward_app` role (row-level security applies to it, even where the
 * connecting user is a superuser, as PGlite's is) and sets `app.tenant_id` for
 * this transaction only. A query that forgets its tenant filter still sees only
 * this tenant's rows; a write for another tenant fails. Everything in `fn`
 * commits together or not at all; a database failure surfaces as a `DbError`.
 */
export async function withTenant<T>(
  db: Kysely<Database>,
  tenantId: string,
  fn: (trx: TenantTransaction) => Promise<T>,
): Promise<T> {
  if (!isUuid(tenantId)) throw new TypeError(`withTenant needs a tenant id (a UUID), not ${JSON.stringify(tenantId)}.`);
  return translatingDbErrors(() =>
    db.transaction().execute(async (trx) => {
      // One round trip: the tenant setting and `SET LOCAL ROLE steward_app` (the `role` setting), both for this
      // transaction only.
      await sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('role', 'steward_app', true)`.execute(
        trx,
      );
      return fn(trx as TenantTransaction);
    }),
  );
}

/**
 * Runs `fn` in one transaction as the connecting user, outside any tenant: for
 * operator work on the tenants table itself (creating or listing tenants).
 * Tenant-owned tables force row-level security on their owner, so their rows
 * are reached through `withTenant`, never from here.
 */
export async function withSystem<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return translatingDbErrors(() =>
    db.transaction().execute(async (trx) => {
      await sql`select set_config('app.tenant_id', '', true)`.execute(trx);
      return fn(trx);
    }),
  );
}

/**
 * Runs `fn` behind a savepoint of the tenant transaction: when it throws, what it wrote is undone and
 * the transaction goes on (the error is rethrown); otherwise the savepoint is released. For work that
 * does many independent things in one transaction (the daily check's batch of cases), one of which
 * may fail alone.
 */
export async function withSavepoint<T>(trx: TenantTransaction, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint steward_step`.execute(trx);
  try {
    const result = await fn();
    await sql`release savepoint steward_step`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint steward_step`.execute(trx);
    await sql`release savepoint steward_step`.execute(trx);
    throw error;
  }
}
