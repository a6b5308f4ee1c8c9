import { sql } from "kysely";

import { accessToSql, schoolAttributeColumns, type AccessFilter } from "./access.ts";
import type { FormResponseRow } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

const responseColumns = {
  schoolUrn: sql.ref("form_responses.school_urn"),
  status: sql.ref("form_responses.status"),
  formKey: sql.ref("form_responses.form_key"),
  ...schoolAttributeColumns("schools"),
};

export async function listFormResponses(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: { schoolUrn?: number | undefined; formKey?: string | undefined; status?: "draft" | "submitted" | undefined },
): Promise<FormResponseRow[]> {
  let query = trx
    .selectFrom("form_responses")
    .leftJoin("schools", (join) =>
      join
        .onRef("schools.tenant_id", "=", "form_responses.tenant_id")
        .onRef("schools.urn", "=", "form_responses.school_urn"),
    )
    .selectAll("form_responses")
    .where(accessToSql(access, responseColumns));
  if (filter.schoolUrn !== undefined) query = query.where("form_responses.school_urn", "=", filter.schoolUrn);
  if (filter.formKey) query = query.where("form_responses.form_key", "=", filter.formKey);
  if (filter.status) query = query.where("form_responses.status", "=", filter.status);
  return query.orderBy("form_responses.updated_at", "desc").execute();
}

export async function findFormResponse(trx: TenantTransaction, id: string): Promise<FormResponseRow | undefined> {
  return trx.selectFrom("form_responses").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertFormResponse(
  trx: TenantTransaction,
  tenantId: string,
  values: {
    formKey: string;
    schoolUrn: number;
    caseId: string | null;
    policyVersionId: string;
    data: Record<string, unknown>;
    page: number;
    userId: string;
  },
): Promise<FormResponseRow | undefined> {
  // One draft per school and form (a unique index): undefined when there already is one.
  return trx
    .insertInto("form_responses")
    .values({
      tenant_id: tenantId,
      form_key: values.formKey,
      school_urn: values.schoolUrn,
      case_id: values.caseId,
      policy_version_id: values.policyVersionId,
      data: JSON.stringify(values.data),
      page: values.page,
      created_by: values.userId,
      updated_by: values.userId,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "school_urn", "form_key"]).where("status", "=", "draft").doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Saves a draft's answers if its revision is still `expectedRevision`; undefined when stale or submitted. */
export async function updateFormResponse(
  trx: TenantTransaction,
  id: string,
  expectedRevision: number,
  values: { data: Record<string, unknown>; page: number; userId: string; submit: boolean; now: Date },
): Promise<FormResponseRow | undefined> {
  return trx
    .updateTable("form_responses")
    .set({
      data: JSON.stringify(values.data),
      page: values.page,
      updated_by: values.userId,
      updated_at: values.now,
      revision: sql<number>`revision + 1`,
      ...(values.submit ? { status: "submitted" as const, submitted_by: values.userId, submitted_at: values.now } : {}),
    })
    .where("id", "=", id)
    .where("status", "=", "draft")
    .where("revision", "=", expectedRevision)
    .returningAll()
    .executeTakeFirst();
}

/** A draft in progress as the impact of a policy change lists it: the school, the form, its version, last saved. */
export interface DraftInProgress {
  id: string;
  form_key: string;
  school_urn: number;
  school_name: string | null;
  policy_version_id: string;
  updated_at: Date;
}

/** Every draft form response of the tenant (schools' and officers'), the most recently saved first. */
export async function listDraftsInProgress(trx: TenantTransaction): Promise<DraftInProgress[]> {
  return trx
    .selectFrom("form_responses")
    .leftJoin("schools", (join) =>
      join
        .onRef("schools.tenant_id", "=", "form_responses.tenant_id")
        .onRef("schools.urn", "=", "form_responses.school_urn"),
    )
    .select([
      "form_responses.id",
      "form_responses.form_key",
      "form_responses.school_urn",
      "schools.name as school_name",
      "form_responses.policy_version_id",
      "form_responses.updated_at",
    ])
    .where("form_responses.status", "=", "draft")
    .orderBy("form_responses.updated_at", "desc")
    .execute();
}
