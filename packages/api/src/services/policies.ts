import { LRUCache } from "lru-cache";

import { findPolicyVersion, findPublishedPolicyId, type PolicyVersionRow, type TenantTransaction } from "@steward/db";
import { DomainError } from "@steward/domain";
import {
  FormatUpgradeError,
  parsePolicyDocument,
  PolicyDocumentError,
  upgradePolicy,
  type PolicyDocument,
} from "@steward/policy-config";

export interface LoadedPolicy {
  id: string;
  version: number;
  document: PolicyDocument;
}

/** A stored version with its document read in the current format. */
export type StoredPolicyVersion = Omit<PolicyVersionRow, "document"> & { document: PolicyDocument };

// Published and retired versions never change (the database refuses it), so
// their documents, read and upgraded once, are kept by tenant and version id.
// Drafts change with every save: read each time, never kept.
const cache = new LRUCache<string, LoadedPolicy>({ max: 200 });

/**
 * The ONE reader of `policy_versions.document`: parses the stored JSON and
 * brings it to the current format with the same upgrades the CLI applies to a
 * file, so every procedure and the engine see the current format whatever
 * format the version was stored in. A published or retired version passed the
 * validator when it was published, so its shape is checked
 * (`parsePolicyDocument`) and a damaged one is refused with its pointer. A
 * draft may be saved mid-edit with problems (the studio shows them), so it is
 * only upgraded: the engine never runs on a draft until it validates.
 */
function readStoredDocument(row: Pick<PolicyVersionRow, "version" | "document" | "status">): PolicyDocument {
  try {
    if (row.status !== "draft") return parsePolicyDocument(row.document);
    const stored: unknown = typeof row.document === "string" ? JSON.parse(row.document) : row.document;
    return upgradePolicy(stored).document as unknown as PolicyDocument;
  } catch (error) {
    if (error instanceof PolicyDocumentError)
      throw new DomainError(
        "invalid",
        `Version ${row.version}'s document cannot be read: ${error.message}`,
        `/document${error.pointer}`,
      );
    if (error instanceof FormatUpgradeError)
      throw new DomainError(
        "invalid",
        `Version ${row.version}'s document cannot be read: ${error.message}`,
        "/document/formatVersion",
      );
    throw error;
  }
}

/** A version row with its document read in the current format (published and retired documents read once and kept). */
export function readStoredVersion(row: PolicyVersionRow): StoredPolicyVersion {
  const key = `${row.tenant_id}:${row.id}`;
  const cached = row.status === "draft" ? undefined : cache.get(key);
  const document = cached?.document ?? readStoredDocument(row);
  if (row.status !== "draft" && !cached) cache.set(key, { id: row.id, version: row.version, document });
  return { ...row, document };
}

/** A version by id with its row (status, revision, ...) and its document in the current format; undefined when there is none. */
export async function loadPolicyVersionRow(
  trx: TenantTransaction,
  id: string,
): Promise<StoredPolicyVersion | undefined> {
  const row = await findPolicyVersion(trx, id);
  return row ? readStoredVersion(row) : undefined;
}

/** The tenant's policy version in force: its id is read (a small query), its document comes from the cache. */
export async function loadPublishedPolicy(trx: TenantTransaction): Promise<LoadedPolicy | undefined> {
  const published = await findPublishedPolicyId(trx);
  if (!published) return undefined;
  return loadPolicyVersion(trx, published.tenant_id, published.id);
}

/** A version by id (a case's own version, which may be older than the one in force). */
export async function loadPolicyVersion(
  trx: TenantTransaction,
  tenantId: string,
  id: string,
): Promise<LoadedPolicy | undefined> {
  const cached = cache.get(`${tenantId}:${id}`);
  if (cached) return cached;
  const row = await loadPolicyVersionRow(trx, id);
  return row ? { id: row.id, version: row.version, document: row.document } : undefined;
}
