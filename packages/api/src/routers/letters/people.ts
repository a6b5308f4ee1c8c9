import { z } from "zod";

import type { LetterPeople } from "@steward/domain";
import type { LetterType, PolicyDocument } from "@steward/policy-config";

import { getSchoolMergeFields } from "../../services/school-data.ts";

export const recipientInput = z.strictObject({
  name: z.string().trim().max(200, "The recipient's name must be 200 characters or fewer").optional(),
});

/**
 * Who signs and who receives a letter: the drafting officer (name, job title, email), and the type's
 * addressee (named when the officer gives a name); and the school's people and
 * address from its stored data (GIAS attributes, contacts recorded by the LA).
 */
export function getLetterPeople(
  policy: PolicyDocument,
  letterType: LetterType,
  user: { displayName: string; email: string; grants: readonly { role: string }[] },
  recipientName: string | undefined,
  schoolData: unknown,
): LetterPeople {
  const role = policy.roles.find((r) => user.grants.some((g) => g.role === r.key));
  const addressee = letterType.recipients.find((r) => !r.copy) ?? letterType.recipients[0];
  const recipientRole =
    addressee?.label ?? policy.roles.find((r) => r.key === addressee?.role)?.label ?? "The Headteacher";
  return {
    officer: { name: user.displayName, email: user.email, ...(role ? { jobTitle: role.label } : {}) },
    recipient: { name: recipientName?.trim() || recipientRole, role: recipientRole },
    school: getSchoolMergeFields(schoolData),
  };
}
