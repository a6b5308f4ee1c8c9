import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  DataTable,
  ErrorSummary,
  fieldError,
  formatDate,
  Tag,
  Textarea,
  useTRPC,
  type Column,
  type Problem,
} from "@steward/ui";

import { useCase, useCaseForm, type CaseView } from "./case-context.tsx";

type Task = CaseView["tasks"][number];

const STATUS: Record<Task["status"], { label: string; colour: string }> = {
  overdue: { label: "Overdue", colour: "red" },
  due: { label: "Due", colour: "yellow" },
  done: { label: "Done", colour: "green" },
  dismissed: { label: "Dismissed", colour: "grey" },
};

/** What marks a task done, by its kind (the type it waits for follows in brackets). */
const DONE_WHEN: Partial<Record<Task["kind"], string>> = {
  visit: "a visit is booked",
  letter: "a letter is drafted",
  meeting: "a meeting is recorded",
};

/** What the task is about beyond its label: the stage that started it, the record that does it, whom to tell. */
function TaskDetail({ task }: { task: Task }) {
  return (
    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
      On entering {task.stage.label}
      {task.awaits ? `; done when ${DONE_WHEN[task.kind] ?? "it happens"} (${task.awaits.label})` : ""}
      {task.notify && task.notify.length > 0 ? `; tell ${task.notify.join(", ")}` : ""}
    </span>
  );
}

function TaskStatus({ task }: { task: Task }) {
  const { label, colour } = STATUS[task.status];
  const closed = task.closedAt && (
    <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
      {task.doneBy === "event" ? "By the record, " : ""}
      {task.closedBy ? `${task.closedBy}, ` : ""}
      {formatDate(task.closedAt)}
      {task.note ? `: ${task.note}` : ""}
    </span>
  );
  return (
    <>
      <Tag colour={colour}>{label}</Tag>
      {closed}
    </>
  );
}

type Choice = { task: Task; action: "complete" | "dismiss" };

/**
 * The overview's other forms already have a `reason` field: this form's fields get ids of their own, and the API's
 * problems at `/note` and `/reason` are moved onto them, so the error summary links to this form's field.
 */
const FIELD_IDS: Record<string, string> = { "/note": "task-note", "/reason": "task-reason" };
const onOwnFields = (problems: Problem[]): Problem[] =>
  problems.map((p) => {
    const id = p.pointer === undefined ? undefined : FIELD_IDS[p.pointer];
    return id ? { ...p, pointer: `/${id}` } : p;
  });

/** The form for one task: an optional note to mark it done, or the reason it is not needed to dismiss it. */
function CloseTaskForm({
  choice,
  onCancel,
  onDone,
}: {
  choice: Choice;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const { task, action } = choice;
  const form = useCaseForm({ note: "", reason: "" }, () =>
    onDone(action === "complete" ? `Task done: ${task.label}` : `Task dismissed: ${task.label}`),
  );
  const complete = useMutation(trpc.tasks.complete.mutationOptions(form.callbacks));
  const dismiss = useMutation(trpc.tasks.dismiss.mutationOptions(form.callbacks));
  const problems = onOwnFields(form.problems);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const note = form.answers.note.trim();
    if (action === "complete") complete.mutate({ ...form.ref, taskId: task.id, ...(note ? { note } : {}) });
    else dismiss.mutate({ ...form.ref, taskId: task.id, reason: form.answers.reason });
  };
  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-6" data-testid="close-task">
      <ErrorSummary problems={problems} />
      <h3 className="govuk-heading-s">
        {action === "complete" ? "Mark as done" : "Dismiss"}: {task.label}
      </h3>
      {action === "complete" ? (
        <Textarea
          {...form.field("note")}
          id="task-note"
          error={fieldError(problems, "task-note")}
          label="Note (optional)"
          rows={2}
        />
      ) : (
        <Textarea
          {...form.field("reason")}
          id="task-reason"
          error={fieldError(problems, "task-reason")}
          label="Why is this task not needed?"
          rows={2}
        />
      )}
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button"
          data-module="govuk-button"
          disabled={complete.isPending || dismiss.isPending}
        >
          {action === "complete" ? "Mark as done" : "Dismiss task"}
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={onCancel}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The tasks the stages' follow-ups put on the case, with their standing, and buttons to close the open ones. */
export function CaseTasks({ onDone }: { onDone: (message: string) => void }) {
  const { view } = useCase();
  const [choice, setChoice] = useState<Choice>();
  const columns: Column<Task>[] = [
    {
      heading: "Task",
      cell: (task) => (
        <>
          {task.label}
          <TaskDetail task={task} />
        </>
      ),
    },
    { heading: "Due", cell: (task) => (task.due ? formatDate(task.due) : "No date") },
    { heading: "Status", cell: (task) => <TaskStatus task={task} /> },
    {
      heading: "Actions",
      cell: (task) =>
        task.canClose && (
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            {(["complete", "dismiss"] as const).map((action) => (
              <button
                key={action}
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                data-module="govuk-button"
                onClick={() => setChoice({ task, action })}
              >
                {action === "complete" ? "Mark as done" : "Dismiss"}
                <span className="govuk-visually-hidden">: {task.label}</span>
              </button>
            ))}
          </div>
        ),
    },
  ];
  return (
    <section data-testid="case-tasks">
      <DataTable caption="Tasks" columns={columns} rows={view.tasks} rowKey={(task) => task.id} />
      {choice && (
        <CloseTaskForm
          key={`${choice.task.id}-${choice.action}`}
          choice={choice}
          onCancel={() => setChoice(undefined)}
          onDone={(message) => (setChoice(undefined), onDone(message))}
        />
      )}
    </section>
  );
}
