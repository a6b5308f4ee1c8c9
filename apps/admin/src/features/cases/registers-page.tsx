import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { GovukForm } from "@steward/forms";
import {
  answerText,
  DataTable,
  DateInput,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  readProblems,
  Select,
  SubmitButton,
  SuccessBanner,
  Tag,
  Textarea,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
} from "@steward/ui";

import { useCase, type CaseView } from "./case-context.tsx";

type Register = CaseView["registers"][number];
type Entry = Register["entries"][number];

const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

function entryColumns(register: Register): Column<Entry>[] {
  return [
    { heading: register.occurredOnLabel, cell: (e) => formatDate(e.occurredOn) },
    ...register.fields.map((f) => ({
      heading: f.title,
      cell: (e: Entry) => <span className="steward-pre-wrap">{answerText(e.fields[f.key])}</span>,
    })),
    { heading: "Logged", cell: (e) => `${formatDateTime(e.loggedAt)} by ${e.loggedBy}` },
    {
      heading: "Status",
      cell: (e) =>
        e.status === "open" ? (
          <Tag colour="blue">Open</Tag>
        ) : (
          <>
            <Tag colour="grey">Closed</Tag>
            <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">
              {e.closedAt && `${formatDate(e.closedAt)}${e.closedBy ? ` by ${e.closedBy}` : ""}: `}
              {e.closeNote}
            </p>
          </>
        ),
    },
  ];
}

type Active = { register: string; form: "log" | "close" } | undefined;

/**
 * The case's registers the user may read or log in: each register's entries, and a form to log or close one (one
 * form open at a time, so every field's id is unique on the page and an error links to its field).
 */
export function RegistersPage() {
  const { view } = useCase();
  usePageTitle(`${view.school.name}: registers`);
  const [done, setDone] = useState<string>();
  const [active, setActive] = useState<Active>();
  const finish = (message: string) => {
    setActive(undefined);
    setDone(message);
  };
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-l">Registers</h2>
      {view.registers.length === 0 && <p className="govuk-body">There are no registers you may see on this case.</p>}
      {view.registers.map((register) => (
        <RegisterSection
          key={register.key}
          register={register}
          form={active?.register === register.key ? active.form : undefined}
          onOpen={(form) => {
            setDone(undefined);
            setActive({ register: register.key, form });
          }}
          onDone={finish}
        />
      ))}
    </>
  );
}

function RegisterSection({
  register,
  form,
  onOpen,
  onDone,
}: {
  register: Register;
  form: "log" | "close" | undefined;
  onOpen: (form: "log" | "close") => void;
  onDone: (message: string) => void;
}) {
  const { view } = useCase();
  const closable = register.entries.filter((e) => e.canClose);
  const canLog = register.canLog && register.schema !== undefined && view.status === "open";
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={`register-${register.key}`}>
      <h3 className="govuk-heading-m" id={`register-${register.key}`}>
        {register.label}
      </h3>
      {register.description && <p className="govuk-body">{register.description}</p>}
      <div className="steward-table-scroll">
        <DataTable
          caption={`${sentence(register.entryLabel)} entries, newest first`}
          captionSize="s"
          columns={entryColumns(register)}
          rows={register.entries}
          rowKey={(e) => e.id}
          empty={`No ${register.entryLabel} entries.`}
        />
      </div>
      {form === "log" && <LogEntry register={register} onDone={onDone} />}
      {form === "close" && <CloseEntry register={register} entries={closable} onDone={onDone} />}
      {form === undefined && (canLog || closable.length > 0) && (
        <div className="govuk-button-group">
          {canLog && (
            <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => onOpen("log")}>
              Log a {register.entryLabel}
            </button>
          )}
          {closable.length > 0 && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={() => onOpen("close")}
            >
              Close a {register.entryLabel}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** Logs an entry: the register's own fields (its schema, through rjsf) and the date it happened. */
function LogEntry({ register, onDone }: { register: Register; onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [fields, setFields] = useState<Record<string, unknown>>({});
  const [occurredOn, setOccurredOn] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const log = useMutation(
    trpc.registers.logEntry.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await refresh();
        onDone(`${sentence(register.entryLabel)} logged in ${register.label}`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const id = `log-${register.key}`;
  return (
    <div className="govuk-!-margin-top-6" role="region" aria-labelledby={`${id}-heading`}>
      <h4 className="govuk-heading-s" id={`${id}-heading`}>
        Log a {register.entryLabel}
      </h4>
      <ErrorSummary problems={problems} />
      <GovukForm<Record<string, unknown>>
        schema={register.schema as never}
        uiSchema={register.uiSchema ?? {}}
        idPrefix="fields"
        idSeparator="-"
        formData={fields}
        onChange={(event) => setFields(event.formData ?? {})}
        formContext={{ govuk: { showTitle: false } }}
        onSubmit={({ formData }) =>
          log.mutate({
            caseId: view.id,
            expectedVersion: view.version,
            register: register.key,
            occurredOn,
            fields: formData ?? {},
          })
        }
      >
        <DateInput
          id="occurredOn"
          label={register.occurredOnLabel}
          hint="For example, 27 3 2027. It may be before today."
          value={occurredOn}
          onChange={setOccurredOn}
          error={fieldError(problems, "occurredOn")}
        />
        <SubmitButton pending={log.isPending}>Log the {register.entryLabel}</SubmitButton>
      </GovukForm>
    </div>
  );
}

/** Closes one of the open entries the user may close, with a note saying why. */
function CloseEntry({
  register,
  entries,
  onDone,
}: {
  register: Register;
  entries: Entry[];
  onDone: (message: string) => void;
}) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [entryId, setEntryId] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const close = useMutation(
    trpc.registers.closeEntry.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await refresh();
        onDone(`${sentence(register.entryLabel)} closed`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ caseId: view.id, expectedVersion: view.version, entryId, note });
  };
  const first = register.fields[0];
  const describe = (e: Entry) =>
    `${formatDate(e.occurredOn)}${first ? `: ${answerText(e.fields[first.key]).slice(0, 80)}` : ""}`;
  return (
    <form
      noValidate
      onSubmit={submit}
      aria-labelledby={`close-${register.key}-heading`}
      className="govuk-!-margin-top-6"
    >
      <h4 className="govuk-heading-s" id={`close-${register.key}-heading`}>
        Close a {register.entryLabel}
      </h4>
      <ErrorSummary problems={problems} />
      <Select
        id="entryId"
        label={`Which ${register.entryLabel}`}
        value={entryId}
        onChange={setEntryId}
        placeholder={`Choose a ${register.entryLabel}`}
        options={entries.map((e) => ({ value: e.id, label: describe(e) }))}
        error={fieldError(problems, "entryId")}
      />
      <Textarea
        id="note"
        label="Why it is closed"
        value={note}
        onChange={setNote}
        rows={3}
        error={fieldError(problems, "note")}
      />
      <SubmitButton pending={close.isPending}>Close the {register.entryLabel}</SubmitButton>
    </form>
  );
}
