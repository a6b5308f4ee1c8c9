import { sql } from "kysely";

import { accessToSql, type AccessFilter } from "./access.ts";
import type { AuditEntry } from "./schema.ts";
import type { TenantTransaction } from "./tenant.ts";

export interface AuditValues {
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
}

/** Appends to the tenant's audit log (which the database keeps append-only). */
export async function appendAudit(trx: TenantTransaction, tenantId: string, entry: AuditValues): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      tenant_id: tenantId,
      actor_id: entry.actorId,
      actor_label: entry.actorLabel,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  actorId?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  action?: string | undefined;
  /** Entries before this id (for paging back). */
  before?: number | undefined;
  limit: number;
}

export async function listAudit(
  trx: TenantTransaction,
  access: AccessFilter,
  filter: AuditFilter,
): Promise<AuditEntry[]> {
  let query = trx
    .selectFrom("audit_log")
    .selectAll()
    .where(accessToSql(access, { actorId: sql.ref("audit_log.actor_id") }))
    .orderBy("id", "desc")
    .limit(filter.limit);
  if (filter.actorId) query = query.where("actor_id", "=", filter.actorId);
  if (filter.subjectType) query = query.where("subject_type", "=", filter.subjectType);
  if (filter.subjectId) query = query.where("subject_id", "=", filter.subjectId);
  if (filter.action) query = query.where("action", "=", filter.action);
  if (filter.before) query = query.where("id", "<", filter.before);
  return query.execute();
}
