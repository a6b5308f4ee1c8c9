import type { PolicyDocument } from "../../schema/policy.ts";
import { EXTRA_READABLE_FIELDS, SCHOOL_ATTRIBUTES, SUBJECT_FIELDS, SUBJECTS, type Subject } from "../../vocabulary.ts";
import type { Path, SemanticsContext } from "./context.ts";

/** The field names a condition tests, through `$and`/`$or`/`$nor` and `$elemMatch` (whose inner keys are the item's). */
function conditionFields(conditions: Record<string, unknown>): string[] {
  return Object.entries(conditions).flatMap(([key, value]) => {
    if (key === "$and" || key === "$or" || key === "$nor") {
      return Array.isArray(value)
        ? value.flatMap((v) => (v && typeof v === "object" ? conditionFields(v as Record<string, unknown>) : []))
        : [];
    }
    return key.startsWith("$") ? [] : [key];
  });
}

const fieldNames = (subject: Subject): string[] => Object.keys(SUBJECT_FIELDS[subject]);

/**
 * Checks every role's rules against the per-subject field vocabulary (a
 * condition or a `fields` list naming a field the subject does not have would
 * never match, and an inverted rule that never matches fails open), and every
 * role's `mayGrant` list against the policy's roles.
 */
export function checkPermissions(policy: PolicyDocument, { report }: SemanticsContext): void {
  const roleKeys = new Set(policy.roles.map((r) => r.key));
  policy.roles.forEach((role, r) => {
    role.rules.forEach((rule, i) => {
      const path: Path = ["roles", r, "rules", i];
      const subjects = ([] as Subject[]).concat(rule.subject).filter((s) => SUBJECTS.includes(s));
      for (const field of conditionFields(rule.conditions ?? {})) {
        const lacking = subjects.filter((s) => !fieldNames(s).includes(field));
        if (lacking.length > 0) {
          report(
            [...path, "conditions", field],
            field === "school"
              ? `Name the school's attributes one by one with a dot, like {"school.district": "..."}: a condition on "school" as a whole could never hold. The attributes are ${SCHOOL_ATTRIBUTES.map((a) => `school.${a}`).join(", ")}.`
              : `"${field}" is not a field of ${lacking.join(", ")}, so this condition could never hold. ${lacking.map((s) => `${s} has ${fieldNames(s).join(", ") || "no fields"}`).join("; ")}.`,
            "role.condition-field",
          );
        }
      }
      (rule.fields ?? []).forEach((field, f) => {
        const lacking = subjects.filter(
          (s) => s !== "all" && !fieldNames(s).includes(field) && !(EXTRA_READABLE_FIELDS[s] ?? []).includes(field),
        );
        if (lacking.length > 0) {
          report(
            [...path, "fields", f],
            `"${field}" is not a field of ${lacking.join(", ")}. ${lacking.map((s) => `${s} has ${[...fieldNames(s), ...(EXTRA_READABLE_FIELDS[s] ?? [])].join(", ")}`).join("; ")}.`,
            "role.field",
          );
        }
      });
    });
    (role.mayGrant ?? []).forEach((key, g) => {
      if (!roleKeys.has(key))
        report(
          ["roles", r, "mayGrant", g],
          `There is no role "${key}" in this policy: a role may give only roles the policy has.`,
          "reference.role",
        );
    });
  });
}
