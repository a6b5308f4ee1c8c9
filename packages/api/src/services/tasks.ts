// The inbox: each case's open work (`workItemsOf` in the engine) kept as the `tasks` projection, and whose work a
// user answers to. The projection is rewritten for a case wherever the case is written (`saveCaseEvents`,
// `openCase`) and by the daily check, so a piece of work leaves everyone's list in the transaction that does it.
import {
  replaceCaseTasks,
  type AssigneeSet,
  type RoleGrantRow,
  type TaskValues,
  type TenantTransaction,
} from "@steward/db";
import {
  addDays,
  getIsoWeekday,
  getSuggestedTransitions,
  workItemsOf,
  type CaseState,
  type DecideContext,
  type IsoDate,
  type WorkItem,
} from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

const userAssignee = (id: string) => `user:${id}`;
const roleAssignee = (key: string) => `role:${key}`;

function toTaskValues(item: WorkItem): TaskValues {
  return {
    key: item.key,
    kind: item.kind,
    label: item.label,
    audience: item.audience,
    due: item.due ?? null,
    recordKind: item.record.kind,
    recordId: item.record.id ?? null,
    assignees: [
      ...(item.assigneeUserId ? [userAssignee(item.assigneeUserId)] : []),
      ...item.assigneeRoles.map(roleAssignee),
    ],
  };
}

/** The school's data a suggested move's rules read (its facts and indicator readings). */
export type SchoolRuleData = Pick<DecideContext, "schoolData" | "indicatorReadings">;

/** Whether the policy suggests any move (then the school's data is read to see which hold). */
export const suggestsMoves = (policy: PolicyDocument) =>
  policy.escalation.transitions.some((t) => t.mode === "suggested");

/**
 * Rewrites a case's open work from its state, in the caller's transaction: the one that writes the case, or the
 * daily check's (work due by a date, such as a visit the plan asks for, changes with the day alone). With the
 * school's data, the policy's suggested moves that hold today are work for the case's officer too.
 */
export async function refreshCaseTasks(
  trx: TenantTransaction,
  tenantId: string,
  caseId: string,
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  school?: SchoolRuleData,
): Promise<void> {
  const suggestions =
    school && state.status === "open"
      ? getSuggestedTransitions(state, policy, today, school.schoolData, school.indicatorReadings)
      : [];
  await replaceCaseTasks(
    trx,
    tenantId,
    caseId,
    state.school.urn,
    workItemsOf(state, policy, today, suggestions).map(toTaskValues),
  );
}

/** Whose work a user answers to: their own, their LA roles' anywhere, and their school roles' at that school. */
export function assigneesOf(user: { id: string; grants: readonly RoleGrantRow[] }): AssigneeSet {
  const anywhere = [userAssignee(user.id)];
  const bySchool = new Map<number, string[]>();
  for (const grant of user.grants) {
    if (grant.schoolUrn === undefined) anywhere.push(roleAssignee(grant.role));
    else bySchool.set(grant.schoolUrn, [...(bySchool.get(grant.schoolUrn) ?? []), roleAssignee(grant.role)]);
  }
  return { anywhere, atSchool: [...bySchool].map(([urn, assignees]) => ({ urn, assignees })) };
}

/** When a piece of work is due, as the inbox groups it. */
export type DueGroup = "overdue" | "today" | "week" | "later" | "undated";

/** The last day of the working week `today` is in (Sunday, when today is a weekend day). */
export function getWeekEnd(today: IsoDate): IsoDate {
  return addDays(today, 7 - getIsoWeekday(today));
}

export function getDueGroup(due: IsoDate | null, today: IsoDate, weekEnd: IsoDate): DueGroup {
  if (due === null) return "undated";
  if (due < today) return "overdue";
  if (due === today) return "today";
  return due <= weekEnd ? "week" : "later";
}
