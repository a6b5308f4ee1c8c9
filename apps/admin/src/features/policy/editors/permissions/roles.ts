import type { Role } from "@steward/policy-config";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether the section holds roles the matrix can show: each with a key, a label and a list of rules that each have
 * an action and a subject. The validator says what else is wrong; a section out of this shape is edited as a form.
 */
export function isRoleList(value: unknown): value is Role[] {
  return (
    Array.isArray(value) &&
    value.every(
      (role) =>
        isRecord(role) &&
        typeof role.key === "string" &&
        typeof role.label === "string" &&
        Array.isArray(role.rules) &&
        role.rules.every((rule) => isRecord(rule) && "action" in rule && "subject" in rule),
    )
  );
}
