import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  DataTable,
  DateInput,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  humanise,
  readProblems,
  Select,
  SuccessBanner,
  Tag,
  Textarea,
  TextInput,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
} from "@steward/ui";

import { useCase, useCaseForm, type CaseView } from "./case-context.tsx";

type Action = CaseView["actions"][number];
const STATUS_COLOUR: Record<string, string> = { open: "blue", done: "green", dropped: "grey" };

/** The action plan: priorities with their targets, and the actions under each. */
export function ActionsPage() {
  const { view } = useCase();
  usePageTitle(`${view.school.name}: action plan`);
  const [done, setDone] = useState<string>();
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-l">Action plan</h2>
      {view.priorities.length === 0 && <p className="govuk-body">No priorities yet.</p>}
      {view.priorities.map((priority, index) => (
        <PrioritySection key={priority.id} priority={priority} index={index} onDone={setDone} />
      ))}
      {view.can.planActions && view.status === "open" && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <AddPriority onDone={setDone} />
          </div>
          <div className="govuk-grid-column-one-half">
            {view.priorities.length > 0 && <AddAction onDone={setDone} />}
          </div>
        </div>
      )}
    </>
  );
}

type Priority = CaseView["priorities"][number];

/** One priority: its targets, and its actions as a table (each with its notes and, if allowed, its update form). */
function PrioritySection({
  priority,
  index,
  onDone,
}: {
  priority: Priority;
  index: number;
  onDone: (message: string) => void;
}) {
  const { view } = useCase();
  const actions = view.actions.filter((a) => a.priority === priority.id);
  const columns: Column<Action>[] = [
    {
      heading: "Action",
      cell: (a) => (
        <>
          {a.text}
          {a.notes.map((n, i) => (
            <span key={i} className="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular">
              {formatDateTime(n.at)}, {n.by}: {n.text}
            </span>
          ))}
          {view.can.updateActions && <UpdateAction action={a} onDone={onDone} />}
        </>
      ),
    },
    { heading: "Owner", cell: (a) => a.owner },
    { heading: "Due", cell: (a) => formatDate(a.due) },
    { heading: "Status", cell: (a) => <Tag colour={STATUS_COLOUR[a.status]}>{humanise(a.status)}</Tag> },
  ];
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`priority-${priority.id}`}>
      <h3 className="govuk-heading-m" id={`priority-${priority.id}`}>
        Priority {index + 1}: {priority.title}
      </h3>
      {priority.targets.length > 0 && (
        <>
          <h4 className="govuk-heading-s">Targets</h4>
          <ul className="govuk-list govuk-list--bullet">
            {priority.targets.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ul>
        </>
      )}
      <DataTable
        caption={`Actions for priority ${index + 1}`}
        captionSize="s"
        columns={columns}
        rows={actions}
        rowKey={(a) => a.id}
        empty="No actions yet."
      />
    </section>
  );
}

function AddPriority({ onDone }: { onDone: (message: string) => void }) {
  const trpc = useTRPC();
  const form = useCaseForm({ title: "", targets: "" }, () => onDone("Priority added"));
  const add = useMutation(trpc.actions.addPriority.mutationOptions(form.callbacks));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { title, targets } = form.answers;
    const lines = targets.split("\n").map((t) => t.trim());
    add.mutate({ ...form.ref, title: title.trim(), targets: lines.filter(Boolean) });
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="add-priority-heading">
      <h3 className="govuk-heading-m" id="add-priority-heading">
        Add a priority
      </h3>
      <ErrorSummary problems={form.problems} />
      <TextInput {...form.field("title")} label="Priority" />
      <Textarea {...form.field("targets")} label="Targets (optional)" hint="One per line." rows={3} />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Add the priority
      </button>
    </form>
  );
}

function AddAction({ onDone }: { onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [priorityId, setPriorityId] = useState(view.priorities[0]?.id ?? "");
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const add = useMutation(
    trpc.actions.addAction.mutationOptions({
      onSuccess: async () => (setText(""), setProblems([]), await refresh(), onDone("Action added")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      caseId: view.id,
      expectedVersion: view.version,
      priorityId,
      text: text.trim(),
      owner: owner.trim(),
      due,
    });
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="add-action-heading">
      <h3 className="govuk-heading-m" id="add-action-heading">
        Add an action
      </h3>
      <ErrorSummary problems={problems} />
      <Select
        id="priorityId"
        label="Priority"
        value={priorityId}
        onChange={setPriorityId}
        options={view.priorities.map((p, i) => ({ value: p.id, label: `${i + 1}: ${p.title}` }))}
        error={fieldError(problems, "priorityId")}
      />
      <Textarea
        id="text"
        label="Action"
        value={text}
        onChange={setText}
        rows={2}
        error={fieldError(problems, "text")}
      />
      <TextInput
        id="owner"
        label="Who owns it"
        value={owner}
        onChange={setOwner}
        error={fieldError(problems, "owner")}
      />
      <DateInput id="due" label="Due by" value={due} onChange={setDue} error={fieldError(problems, "due")} />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        Add the action
      </button>
    </form>
  );
}

function UpdateAction({ action, onDone }: { action: Action; onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [status, setStatus] = useState(action.status);
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const update = useMutation(
    trpc.actions.update.mutationOptions({
      onSuccess: async () => (setNote(""), setProblems([]), await refresh(), onDone("Action updated")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  return (
    <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          Update<span className="govuk-visually-hidden"> {action.text}</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary problems={problems} />
        <Select
          id={`status-${action.id}`}
          label="Status"
          value={status}
          onChange={setStatus}
          options={[
            { value: "open", label: "Open" },
            { value: "done", label: "Done" },
            { value: "dropped", label: "Dropped" },
          ]}
        />
        <Textarea
          id={`note-${action.id}`}
          label="Progress note (optional)"
          value={note}
          onChange={setNote}
          rows={2}
          error={fieldError(problems, "note")}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            update.mutate({
              caseId: view.id,
              expectedVersion: view.version,
              actionId: action.id,
              ...(status !== action.status ? { status: status as "open" } : {}),
              ...(note.trim() ? { note: note.trim() } : {}),
            })
          }
        >
          Save
        </button>
      </div>
    </details>
  );
}
