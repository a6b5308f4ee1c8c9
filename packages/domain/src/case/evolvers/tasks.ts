/**
 * Tasks from the stages' follow-ups: started on entering a stage, marked done
 * or dismissed by hand, and done by the case's own records: the visit of the
 * task's type scheduled or recorded, the letter of its type drafted, the
 * meeting of its type recorded (`settleTasks`, which evolve applies after every
 * event, so the rule lives here and nowhere else).
 */
import type { CaseEvent } from "../events.ts";
import type { CaseState, TaskRecord } from "../state.ts";
import type { EventOf, Evolvers } from "./shared.ts";

function updateTask(state: CaseState, id: string, change: (task: TaskRecord) => TaskRecord): CaseState {
  return { ...state, tasks: state.tasks.map((t) => (t.id === id ? change(t) : t)) };
}

function startTasks(state: CaseState, event: EventOf<"tasks-started">): CaseState {
  const started = event.tasks.map((task): TaskRecord => ({
    ...task,
    stage: event.stage,
    startedAt: event.at,
    status: "open",
  }));
  return { ...state, tasks: [...state.tasks, ...started] };
}

export const taskEvolvers: Pick<Evolvers, "tasks-started" | "task-completed" | "task-dismissed"> = {
  "tasks-started": startTasks,
  "task-completed": (state, event) =>
    updateTask(state, event.taskId, (t) => ({
      ...t,
      status: "done",
      doneBy: "hand",
      closedBy: event.actorId,
      closedAt: event.at,
      ...(event.note ? { note: event.note } : {}),
    })),
  "task-dismissed": (state, event) =>
    updateTask(state, event.taskId, (t) => ({
      ...t,
      status: "dismissed",
      closedBy: event.actorId,
      closedAt: event.at,
      note: event.reason,
    })),
};

/** The record an event made that a follow-up may wait for: its kind, its type and its id. */
interface DoneWith {
  kind: "visit" | "letter" | "meeting";
  type: string;
  id: string;
}

/** What the event did that a task may wait for, read from the event and the state after it. */
function recordOf(state: CaseState, event: CaseEvent): DoneWith | undefined {
  switch (event.type) {
    case "visit-scheduled":
      return { kind: "visit", type: event.visitType, id: event.visitId };
    case "visit-recorded": {
      const visit = state.visits.find((v) => v.id === event.visitId);
      return visit && { kind: "visit", type: visit.visitType, id: visit.id };
    }
    case "letter-drafted":
      return { kind: "letter", type: event.letter.letterType, id: event.letter.id };
    case "meeting-recorded":
      return { kind: "meeting", type: event.meeting.meetingType, id: event.meeting.id };
    default:
      return undefined;
  }
}

/** The type a task waits for, by its kind (notify and task wait for nothing: they are done by hand). */
function awaitedType(task: TaskRecord): string | undefined {
  switch (task.kind) {
    case "visit":
      return task.visitType;
    case "letter":
      return task.letterType;
    case "meeting":
      return task.meetingType;
    case "notify":
    case "task":
      return undefined;
  }
}

/**
 * The state with every open task the event's record answers marked done by
 * that record (`doneBy: "event"`, `doneWith`), by the event's actor at its
 * instant; the state unchanged when the event made no such record.
 */
export function settleTasks(state: CaseState, event: CaseEvent): CaseState {
  const record = recordOf(state, event);
  if (!record) return state;
  const answers = (t: TaskRecord) => t.status === "open" && t.kind === record.kind && awaitedType(t) === record.type;
  if (!state.tasks.some(answers)) return state;
  return {
    ...state,
    tasks: state.tasks.map((t) =>
      answers(t)
        ? {
            ...t,
            status: "done",
            doneBy: "event",
            doneWith: { kind: record.kind, id: record.id },
            closedBy: event.actorId,
            closedAt: event.at,
          }
        : t,
    ),
  };
}
