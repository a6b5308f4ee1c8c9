import { findPolicyVersion, findPublishedPolicy, type PolicyVersionRow, type TenantTransaction } from "@steward/db";
import type { PolicyDocument } from "@steward/policy-config";

export interface LoadedPolicy {
  id: string;
  version: number;
  document: PolicyDocument;
}

// Published and retired versions never change (the database refuses it), so
// their parsed documents are kept by id.
const cache = new Map<string, LoadedPolicy>();
const CACHE_LIMIT = 200;

function remember(row: PolicyVersionRow): LoadedPolicy {
  const loaded = { id: row.id, version: row.version, document: row.document as unknown as PolicyDocument };
  if (row.status !== "draft") {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(`${row.tenant_id}:${row.id}`, loaded);
  }
  return loaded;
}

/** The tenant's policy version in force. */
export async function loadPublishedPolicy(trx: TenantTransaction): Promise<LoadedPolicy | undefined> {
  const row = await findPublishedPolicy(trx);
  return row ? remember(row) : undefined;
}

/** A version by id (a case's own version, which may be older than the one in force). */
export async function loadPolicyVersion(trx: TenantTransaction, tenantId: string, id: string): Promise<LoadedPolicy | undefined> {
  const cached = cache.get(`${tenantId}:${id}`);
  if (cached) return cached;
  const row = await findPolicyVersion(trx, id);
  return row ? remember(row) : undefined;
}
