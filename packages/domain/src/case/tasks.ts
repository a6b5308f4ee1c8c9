/**
 * A stage's follow-ups become tasks on the case whenever the case enters the
 * stage, by whatever path: opened at the initial stage, moved by an officer,
 * by a letter's effect, by an automatic transition after a command or on the
 * daily check. `withFollowUps` is the one place that adds them: `decide` and
 * `decideOnTheDay` pass every event list they return through it, so no path
 * into a stage can forget. (A move to another policy version maps the case to
 * the matching stage of the new version: it enters no stage and starts none.)
 */
import type { FollowUp, Period, PolicyDocument } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { CalendarError } from "../calendar/school-calendar.ts";
import { calendarOf, type DecideContext } from "./deciders/shared.ts";
import type { CaseEvent } from "./events.ts";
import type { TaskRecord, TaskStart } from "./state.ts";

/** The stage an event puts the case in, when it enters one. */
function enteredStage(event: CaseEvent): string | undefined {
  return event.type === "case-opened" || event.type === "stage-changed" ? event.stage : undefined;
}

/**
 * The day a follow-up is due: its `within` counted on the school calendar from
 * the day the stage was entered; none without a `within`, or when the
 * calendar cannot count that far (school days past its last term).
 */
function dueDate(policy: PolicyDocument, entered: IsoDate, within: Period | undefined): IsoDate | undefined {
  if (!within) return undefined;
  try {
    return calendarOf(policy).addPeriod(entered, within);
  } catch (error) {
    if (error instanceof CalendarError) return undefined;
    throw error;
  }
}

function toTask(followUp: FollowUp, id: string, due: IsoDate | undefined): TaskStart {
  const { key, kind, label, visitType, letterType, meetingType, notify, roles } = followUp;
  return {
    id,
    followUp: key,
    kind,
    label,
    ...(visitType ? { visitType } : {}),
    ...(letterType ? { letterType } : {}),
    ...(meetingType ? { meetingType } : {}),
    ...(notify ? { notify } : {}),
    ...(roles ? { roles } : {}),
    ...(due ? { due } : {}),
  };
}

/** The `tasks-started` event for the stage an event enters (with that event's envelope), when the stage has follow-ups. */
function startFollowUps(event: CaseEvent, stageKey: string, context: DecideContext): CaseEvent | undefined {
  const followUps = context.policy.escalation.stages.find((s) => s.key === stageKey)?.followUps ?? [];
  if (followUps.length === 0) return undefined;
  const entered = event.at.slice(0, 10);
  const tasks = followUps.map((f) => toTask(f, context.newId(), dueDate(context.policy, entered, f.within)));
  const { actorId, at, policyVersionId } = event;
  return { type: "tasks-started", stage: stageKey, tasks, actorId, at, policyVersionId };
}

/** The events with, right after each that enters a stage, the `tasks-started` of that stage's follow-ups. */
export function withFollowUps(events: readonly CaseEvent[], context: DecideContext): CaseEvent[] {
  return events.flatMap((event) => {
    const stage = enteredStage(event);
    const started = stage === undefined ? undefined : startFollowUps(event, stage, context);
    return started ? [event, started] : [event];
  });
}

type TaskStatus = "overdue" | "due" | "done" | "dismissed";

/** How a task stands on a day: done or dismissed, or open and overdue once its due day has passed. */
export function getTaskStatus(task: TaskRecord, today: IsoDate): TaskStatus {
  if (task.status !== "open") return task.status;
  return task.due !== undefined && task.due < today ? "overdue" : "due";
}
