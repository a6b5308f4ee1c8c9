// The tasks the stages' follow-ups put on the case: the LA's work, so none for school staff whatever their roles
// allow. Open tasks first (the soonest due first, those with no due day last), then those done or dismissed,
// latest first; each says whether the user may close it (one of its roles, or `update` on the case, as the
// engine checks).
import { caseSubject, getTaskStatus, type TaskRecord } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

type TaskView = CaseView["tasks"][number];

/** The type of record that does the task, with its label from the policy. */
function awaits({ policy }: ViewContext, task: TaskRecord): TaskView["awaits"] {
  if (task.visitType) return label(policy.visitTypes, task.visitType);
  if (task.letterType) return label(policy.letterTypes, task.letterType);
  if (task.meetingType) return label(policy.meetingTypes, task.meetingType);
  return undefined;
}

function presentTask(view: ViewContext, task: TaskRecord, mayUpdateCase: boolean): TaskView {
  const status = getTaskStatus(task, view.options.today);
  const open = status === "overdue" || status === "due";
  return {
    id: task.id,
    label: task.label,
    kind: task.kind,
    stage: label(view.policy.escalation.stages, task.stage),
    awaits: awaits(view, task),
    notify: task.notify?.map((p) => (p.role ? label(view.policy.roles, p.role).label : (p.label ?? ""))),
    startedAt: task.startedAt,
    due: task.due,
    status,
    doneBy: task.doneBy,
    closedBy: task.closedBy === undefined ? undefined : view.nameOf(task.closedBy),
    closedAt: task.closedAt,
    note: task.note,
    canClose: open && (mayUpdateCase || (task.roles !== undefined && view.holds(task.roles))),
  };
}

/** Open before closed; open by due day (none last), closed latest first. */
function byStanding(a: TaskRecord, b: TaskRecord): number {
  if ((a.status === "open") !== (b.status === "open")) return a.status === "open" ? -1 : 1;
  if (a.status === "open") return (a.due ?? "9999-12-31").localeCompare(b.due ?? "9999-12-31");
  return (b.closedAt ?? "").localeCompare(a.closedAt ?? "");
}

export function presentTasks(view: ViewContext): CaseView["tasks"] {
  if (!view.la) return [];
  const mayUpdateCase = view.may("update", caseSubject(view.facts));
  return [...view.state.tasks].sort(byStanding).map((task) => presentTask(view, task, mayUpdateCase));
}
