// A school's letters, visits and reports for a user who may read them without reading the school's case (a
// clerk to governors who reads only letters): each record is checked on itself, built by its subject's builder
// with the school's attributes, and the policy's limits for school staff hold as everywhere.
import { findOpenCaseForSchool, findSchool } from "@steward/db";
import { audienceOf, toIsoDate } from "@steward/domain";
import type { Subject } from "@steward/policy-config";

import { notFound } from "../errors.ts";
import type { TenantContext } from "../trpc.ts";
import { mayActOnSchool, schoolAttributesOf } from "./access.ts";
import { readCaseState } from "./case-state.ts";
import { buildViewContext, type ViewContext } from "./case-view/context.ts";
import { loadPolicyVersion } from "./policies.ts";

/**
 * The view of a school's open case for presenting one kind of its records, with
 * no need to read the case itself. "Not found" unless some rule lets the user
 * read records of `subjects` at this school (a school it does not know of, or
 * one outside the user's school or area, alike); no view when the school has
 * no open case. The presenters then show only the records the user may read,
 * each checked on itself.
 */
export async function loadSchoolRecordsView(
  ctx: Pick<TenantContext, "trx" | "tenantId" | "ability" | "user" | "now">,
  schoolUrn: number,
  subjects: readonly Subject[],
): Promise<{ caseId: string; view: ViewContext } | undefined> {
  const school = await findSchool(ctx.trx, schoolUrn);
  const attributes = schoolAttributesOf(school);
  if (!school || !subjects.some((s) => mayActOnSchool(ctx.ability, "read", s, { urn: schoolUrn, attributes })))
    throw notFound("That school");
  const row = await findOpenCaseForSchool(ctx.trx, schoolUrn);
  if (!row) return undefined;
  const policy = await loadPolicyVersion(ctx.trx, ctx.tenantId, row.policy_version_id);
  if (!policy) throw new Error(`Case ${row.id} refers to a policy version that is missing.`);
  const view = await buildViewContext(ctx.trx, readCaseState(row.state, row.id), policy.document, ctx.ability, {
    audience: audienceOf(policy.document, ctx.user.grants),
    schoolAttributes: attributes,
    user: ctx.user,
    today: toIsoDate(ctx.now()),
  });
  return { caseId: row.id, view };
}
