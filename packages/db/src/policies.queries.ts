import { sql } from "kysely";

import { DbError } from "./errors.ts";
import type { PolicyVersionRow } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

/** Every version of the tenant's policy, newest first, without their documents. */
export async function listPolicyVersions(trx: TenantTransaction) {
  return trx
    .selectFrom("policy_versions")
    .select([
      "id",
      "version",
      "status",
      "format_version",
      "label",
      "revision",
      "based_on_id",
      "created_at",
      "updated_at",
      "published_at",
      "retired_at",
    ])
    .select(sql<string>`document->'strategy'->>'title'`.as("strategy_title"))
    .select(sql<string>`document->'strategy'->>'period'`.as("strategy_period"))
    .orderBy("version", "desc")
    .execute();
}

export async function findPolicyVersion(trx: TenantTransaction, id: string): Promise<PolicyVersionRow | undefined> {
  return trx.selectFrom("policy_versions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The id of the version in force (a small query: the document stays in the database). */
export async function findPublishedPolicyId(
  trx: TenantTransaction,
): Promise<{ id: string; tenant_id: string } | undefined> {
  return trx
    .selectFrom("policy_versions")
    .select(["id", "tenant_id"])
    .where("status", "=", "published")
    .executeTakeFirst();
}

/** The mapping a version was published with (null when none was given, or it was never published). */
export async function findMoveMapping(trx: TenantTransaction, id: string): Promise<unknown> {
  const row = await trx.selectFrom("policy_versions").select("move_mapping").where("id", "=", id).executeTakeFirst();
  return row?.move_mapping ?? null;
}

/** Keeps a draft's problems with the revision they were found in; a later save (a new revision) leaves them stale, never wrong. */
export async function savePolicyProblems(
  trx: TenantTransaction,
  id: string,
  revision: number,
  problems: readonly unknown[],
): Promise<boolean> {
  const result = await trx
    .updateTable("policy_versions")
    .set({ problems: JSON.stringify(problems), validated_revision: revision })
    .where("id", "=", id)
    .where("revision", "=", revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The version in force: the one published version, if any. */
export async function findPublishedPolicy(trx: TenantTransaction): Promise<PolicyVersionRow | undefined> {
  return trx.selectFrom("policy_versions").selectAll().where("status", "=", "published").executeTakeFirst();
}

export async function insertPolicyVersion(
  trx: TenantTransaction,
  tenantId: string,
  values: {
    document: unknown;
    formatVersion: number;
    label: string | null;
    basedOnId: string | null;
    createdBy: string | null;
  },
): Promise<PolicyVersionRow> {
  // The next version number; a concurrent insert of the same number fails on
  // the unique key and surfaces as a conflict.
  const { next } = await trx
    .selectFrom("policy_versions")
    .select(sql<number>`coalesce(max(version), 0) + 1`.as("next"))
    .executeTakeFirstOrThrow();
  return trx
    .insertInto("policy_versions")
    .values({
      tenant_id: tenantId,
      version: Number(next),
      format_version: values.formatVersion,
      label: values.label,
      document: JSON.stringify(values.document),
      based_on_id: values.basedOnId,
      created_by: values.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Saves a draft's new document if nobody saved it since `expectedRevision`:
 * returns the updated row, or undefined when the revision moved on (a stale
 * edit, refused rather than overwriting) or the version is not a draft.
 */
export async function updatePolicyDraft(
  trx: TenantTransaction,
  id: string,
  expectedRevision: number,
  values: { document: unknown; formatVersion: number; label?: string | null | undefined },
): Promise<PolicyVersionRow | undefined> {
  return trx
    .updateTable("policy_versions")
    .set({
      document: JSON.stringify(values.document),
      format_version: values.formatVersion,
      ...(values.label !== undefined ? { label: values.label } : {}),
      revision: sql<number>`revision + 1`,
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("revision", "=", expectedRevision)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Publishes a draft, retiring the version in force: one published version at a
 * time. Throws a "concurrent" DbError when the version is no longer a draft
 * (another transaction published it first: on PostgreSQL the second of two
 * concurrent publishes waits for the first, then finds nothing to publish), so
 * the caller's whole transaction rolls back rather than publishing twice.
 */
export async function publishPolicyVersion(
  trx: TenantTransaction,
  id: string,
  by: string | null,
  now: Date,
  /** How the open cases' categories and stages map onto it, kept for cases moved after the publish. */
  moveMapping?: object,
): Promise<PolicyVersionRow> {
  await trx
    .updateTable("policy_versions")
    .set({ status: "retired", retired_at: now })
    .where("status", "=", "published")
    .where("id", "!=", id)
    .execute();
  const published = await trx
    .updateTable("policy_versions")
    .set({
      status: "published",
      published_at: now,
      published_by: by,
      move_mapping: moveMapping ? JSON.stringify(moveMapping) : null,
    })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .returningAll()
    .executeTakeFirst();
  if (!published)
    throw new DbError(
      "concurrent",
      `policy version ${id} is no longer a draft: it was published or retired meanwhile`,
      { cause: undefined },
    );
  return published;
}

export async function retirePolicyVersion(
  trx: TenantTransaction,
  id: string,
  now: Date,
): Promise<PolicyVersionRow | undefined> {
  return trx
    .updateTable("policy_versions")
    .set({ status: "retired", retired_at: now })
    .where("id", "=", id)
    .where("status", "!=", "retired")
    .returningAll()
    .executeTakeFirst();
}

/** Whether a later version was started from this one (then it is retired, never deleted, to keep the history whole). */
export async function isPolicyVersionBasedOn(trx: TenantTransaction, id: string): Promise<boolean> {
  const row = await trx.selectFrom("policy_versions").select("id").where("based_on_id", "=", id).executeTakeFirst();
  return row !== undefined;
}

export async function deletePolicyDraft(trx: TenantTransaction, id: string): Promise<boolean> {
  const result = await trx
    .deleteFrom("policy_versions")
    .where("id", "=", id)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
