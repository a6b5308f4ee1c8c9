// An authority's data as the operator's export writes it: every tenant table in
// a stable order, users without their password or invitation secrets.
import type { TenantTransaction } from "./tenant.ts";

/** Every row the tenant owns, table by table, for `pnpm steward export`. */
export async function readTenantExport(trx: TenantTransaction) {
  return {
    policyVersions: await trx.selectFrom("policy_versions").selectAll().orderBy("version").execute(),
    schools: await trx.selectFrom("schools").selectAll().orderBy("urn").execute(),
    users: await trx
      .selectFrom("users")
      .select(["id", "email", "display_name", "status", "grants", "created_at", "last_sign_in_at"])
      .orderBy("email")
      .execute(),
    cases: await trx.selectFrom("cases").selectAll().orderBy("opened_at").execute(),
    caseEvents: await trx.selectFrom("case_events").selectAll().orderBy("case_id").orderBy("seq").execute(),
    formResponses: await trx.selectFrom("form_responses").selectAll().orderBy("created_at").execute(),
    audit: await trx.selectFrom("audit_log").selectAll().orderBy("id").execute(),
  };
}
