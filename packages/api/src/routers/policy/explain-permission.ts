import { z } from "zod";

import { buildAbility, DomainError, explain, permissionSubject } from "@steward/domain";
import {
  ACTIONS,
  describeRule,
  parsePolicyDocument,
  PolicyDocumentError,
  SAMPLE_USER,
  SUBJECT_FIELDS,
  SUBJECTS,
  type PolicyDocument,
  type Subject,
  type SubjectRecord,
} from "@steward/policy-config";

import { tenantProcedure } from "../../trpc.ts";
import { assertPolicyPermission } from "./policy-access.ts";
import { documentInput } from "./schemas.ts";

const fieldValue = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** The document as a policy, or a sentence saying it is not one yet. */
function policyOf(document: Record<string, unknown>): PolicyDocument {
  try {
    return parsePolicyDocument(document);
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    throw new DomainError(
      "invalid",
      "The draft is not in the policy's shape yet: fix its problems, then ask again.",
      "/document",
    );
  }
}

/** A sample record of the subject with every vocabulary field (null unless given); `school.x` nested under `school`. */
function sampleRecord(subject: Subject, given: Record<string, unknown>) {
  const fields = Object.keys(SUBJECT_FIELDS[subject]);
  const unknown = Object.keys(given).find((f) => !fields.includes(f));
  if (unknown !== undefined)
    throw new DomainError("invalid", `"${unknown}" is not a field of ${subject}.`, `/record/${unknown}`);
  const record: Record<string, unknown> = {};
  const school: Record<string, unknown> = {};
  for (const field of fields) {
    const value = given[field] ?? null;
    if (field.startsWith("school.")) school[field.slice("school.".length)] = value;
    else record[field] = value;
  }
  if (fields.some((f) => f.startsWith("school."))) record.school = school;
  // Built field by field from the subject's vocabulary, which is what SubjectRecord is typed from.
  return permissionSubject(subject, record as SubjectRecord<Subject>);
}

/**
 * "Can a user of this role do this to this record?" under a document as it stands (a draft's unsaved edits
 * included), answered by the very ability the API builds for a signed-in user (`buildAbility`, `explain`), with
 * the rule that decided in words. The user is a sample one (`SAMPLE_USER`): a record may be theirs, or their school's.
 */
export const explainPermission = tenantProcedure
  .input(
    z.strictObject({
      document: documentInput,
      role: z.string().min(1).max(100),
      action: z.enum(ACTIONS),
      subject: z.enum(SUBJECTS.filter((s) => s !== "all")),
      record: z.record(z.string().max(100), fieldValue),
    }),
  )
  .output(z.object({ allowed: z.boolean(), reason: z.string(), rule: z.string().nullable() }))
  .mutation(({ ctx, input }) => {
    assertPolicyPermission(ctx, "read");
    const policy = policyOf(input.document);
    const role = policy.roles.find((r) => r.key === input.role);
    if (!role) throw new DomainError("invalid", `There is no role "${input.role}" in this policy.`, "/role");
    const schoolUrn = role.audience === "school" ? SAMPLE_USER.schoolUrn : undefined;
    const ability = buildAbility(policy, {
      id: SAMPLE_USER.id,
      tenantId: ctx.tenantId,
      grants: [{ role: role.key, schoolUrn }],
    });
    const target = sampleRecord(input.subject, input.record);
    const answer = explain(ability, policy, input.action, target);
    // The role's own rules come first in the ability, in the role's order: the deciding one is found by its place.
    const decided = ability.ability.relevantRuleFor(input.action, target);
    const index = decided ? ability.ability.rules.indexOf(decided.origin) : -1;
    const own = index >= 0 && index < role.rules.length ? role.rules[index] : undefined;
    const rule = own ? (describeRule(policy, role.label, { ...own, subject: input.subject })[0] ?? null) : null;
    return { allowed: answer.allowed, reason: answer.reason, rule };
  });
