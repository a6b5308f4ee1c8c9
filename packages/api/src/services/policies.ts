import { LRUCache } from "lru-cache";

import { findPolicyVersion, findPublishedPolicyId, type PolicyVersionRow, type TenantTransaction } from "@steward/db";
import { DomainError } from "@steward/domain";
import {
  FormatUpgradeError,
  parsePolicyDocument,
  PolicyDocumentError,
  upgradePolicy,
  type PolicyDocument,
  type UpgradeResult,
} from "@steward/policy-config";

export interface LoadedPolicy {
  id: string;
  version: number;
  document: PolicyDocument;
}

/**
 * A stored version with its document read in the current format: a published or retired one as a policy, a draft
 * only upgraded (it may be saved mid-edit, out of shape: `policyDocumentOf` parses it where a policy is needed).
 */
export type StoredPolicyVersion = Omit<PolicyVersionRow, "document" | "status"> &
  (
    | { status: "published" | "retired"; document: PolicyDocument }
    | { status: "draft"; document: UpgradeResult["document"] }
  );

// Published and retired versions never change (the database refuses it), so
// their documents, read and upgraded once, are kept by tenant and version id.
// Drafts change with every save: read each time, never kept.
const cache = new LRUCache<string, LoadedPolicy>({ max: 200 });

/**
 * Reads a stored document, a refusal naming the version and the place. The
 * ONE reader of `policy_versions.document` (through `readStoredVersion` and
 * `policyDocumentOf`): it brings the stored JSON to the current format with
 * the same upgrades the CLI applies to a file, so every procedure and the
 * engine see the current format whatever format the version was stored in.
 */
function readDocument<T>(version: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PolicyDocumentError)
      throw new DomainError(
        "invalid",
        `Version ${version}'s document cannot be read: ${error.message}`,
        `/document${error.pointer}`,
      );
    if (error instanceof FormatUpgradeError)
      throw new DomainError(
        "invalid",
        `Version ${version}'s document cannot be read: ${error.message}`,
        "/document/formatVersion",
      );
    throw error;
  }
}

/**
 * A version row with its document read in the current format. A published or
 * retired version passed the validator when it was published, so its shape is
 * checked (`parsePolicyDocument`) and a damaged one is refused with its
 * pointer; it is read once and kept. A draft may be saved mid-edit with
 * problems (the studio shows them), so it is only upgraded: the engine never
 * runs on a draft until it validates.
 */
export function readStoredVersion(row: PolicyVersionRow): StoredPolicyVersion {
  if (row.status === "draft") {
    const stored: unknown = typeof row.document === "string" ? JSON.parse(row.document) : row.document;
    return { ...row, status: row.status, document: readDocument(row.version, () => upgradePolicy(stored).document) };
  }
  const key = `${row.tenant_id}:${row.id}`;
  const cached = cache.get(key);
  const document = cached?.document ?? readDocument(row.version, () => parsePolicyDocument(row.document));
  if (!cached) cache.set(key, { id: row.id, version: row.version, document });
  return { ...row, status: row.status, document };
}

/** A version's document as a policy: a draft's is parsed here, refused (with its place) while it is out of shape. */
export function policyDocumentOf(row: StoredPolicyVersion): PolicyDocument {
  if (row.status !== "draft") return row.document;
  const { document } = row;
  return readDocument(row.version, () => parsePolicyDocument(document));
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
  return row ? { id: row.id, version: row.version, document: policyDocumentOf(row) } : undefined;
}
