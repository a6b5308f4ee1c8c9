import { rulesToQuery } from "@casl/ability/extra";
import type { AccessCondition, AccessFilter } from "@steward/db";
import type { PolicyAbility } from "@steward/domain";
import type { Action, Subject } from "@steward/policy-config";

/**
 * The rows of `subject` a user may act on, as a filter the list queries turn
 * into SQL: built from the CASL rules (conditions with placeholders already
 * filled), so a list never loads a row only to drop it.
 */
export function getAccessFilter({ ability }: PolicyAbility, action: Action, subject: Subject): AccessFilter {
  const query = rulesToQuery(ability, action, subject, (rule) => {
    const conditions = (rule.conditions ?? {}) as AccessCondition;
    return rule.inverted ? { $not: conditions } : conditions;
  });
  if (query === null) return { kind: "none" };
  const anyOf = (query.$or ?? []) as AccessCondition[];
  const noneOf = ((query.$and ?? []) as { $not: AccessCondition }[]).map((c) => c.$not);
  // An unconditional rule allows every row.
  if (anyOf.length === 0 && noneOf.length === 0) return { kind: "all" };
  if (anyOf.length === 0) anyOf.push({});
  return { kind: "some", anyOf, noneOf };
}
