/**
 * Tasks by hand: marking a stage's follow-up done (with an optional note) or
 * dismissing it (with a reason). Its own roles may do either; so may anyone
 * whose roles allow `update` on the case. Tasks are the LA's work: to school
 * staff there are none. (Tasks start on entering a stage:
 * see ../tasks.ts; the records that do them: ../evolvers/tasks.ts.)
 */
import { audienceOf } from "../../permissions/ability.ts";
import { caseSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import type { TaskRecord } from "../state.ts";
import {
  authorise,
  fail,
  holdsOneOf,
  onOpenCase,
  optional,
  required,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/** The open task the command names, once the actor may act on it. */
function openTask(command: CommandOf<"complete-task" | "dismiss-task">, on: OpenCase): TaskRecord {
  const { state, context, facts } = on;
  const task =
    audienceOf(on.policy, context.actor.grants) === "la" ? state.tasks.find((t) => t.id === command.taskId) : undefined;
  if (!task) fail("not-found", "There is no such task on this case.", "/taskId");
  if (!(task.roles && holdsOneOf(context, task.roles))) authorise(context, command.type, caseSubject(facts));
  if (task.status !== "open")
    fail("conflict", `"${task.label}" is already ${task.status === "done" ? "done" : "dismissed"}.`, "/taskId");
  return task;
}

function completeTask(command: CommandOf<"complete-task">, on: OpenCase): CaseEventData[] {
  const task = openTask(command, on);
  return [{ type: "task-completed", taskId: task.id, note: optional(command.note) }];
}

function dismissTask(command: CommandOf<"dismiss-task">, on: OpenCase): CaseEventData[] {
  const task = openTask(command, on);
  const reason = required(command.reason, "a reason for dismissing the task", "/reason");
  return [{ type: "task-dismissed", taskId: task.id, reason }];
}

export const taskDeciders: Pick<Deciders, "complete-task" | "dismiss-task"> = {
  "complete-task": onOpenCase(completeTask),
  "dismiss-task": onOpenCase(dismissTask),
};
