import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";

import { ACTIONS, subjectLabel, SUBJECTS, type Role, type Subject } from "@steward/policy-config";
import { ErrorSummary, readProblems, Select, TextInput, useTRPC } from "@steward/ui";

import { useStudio } from "../../studio-context.ts";
import { sampleQuestions, toRecord, type SampleQuestion } from "./sample-record.ts";

const RECORD_SUBJECTS = SUBJECTS.filter((s) => s !== "all");

function SampleField({ q, value, onChange }: { q: SampleQuestion; value: string; onChange: (v: string) => void }) {
  const id = `explain-field-${q.field.replace(/\W/g, "-")}`;
  if (q.options)
    return (
      <Select id={id} label={q.label} value={value} onChange={onChange} options={q.options} placeholder="(none)" />
    );
  return (
    <TextInput
      id={id}
      label={q.label}
      value={value}
      onChange={onChange}
      width="20"
      inputMode={q.numeric ? "numeric" : "text"}
    />
  );
}

/** The answer, read out when it comes: yes or no, why, and the rule that decided. */
function Answer({ answer }: { answer: { allowed: boolean; reason: string; rule: string | null } | undefined }) {
  return (
    <div role="status" aria-live="polite">
      {answer && (
        <div className="govuk-inset-text">
          <p className="govuk-heading-s">{answer.allowed ? "Yes, they may." : "No, they may not."}</p>
          <p className="govuk-body">{answer.rule ? `Decided by the rule: ${answer.rule}.` : answer.reason}</p>
          {answer.rule && !answer.allowed && <p className="govuk-body">{answer.reason}</p>}
        </div>
      )}
    </div>
  );
}

/** The sample record's fields: its own, then its school's attributes a click away. */
function RecordFields({
  questions,
  answers,
  onChange,
}: {
  questions: SampleQuestion[];
  answers: Record<string, string>;
  onChange: (answers: Record<string, string>) => void;
}) {
  const own = questions.filter((q) => !q.field.startsWith("school."));
  const school = questions.filter((q) => q.field.startsWith("school."));
  const field = (q: SampleQuestion) => (
    <SampleField
      key={q.field}
      q={q}
      value={answers[q.field] ?? ""}
      onChange={(v) => onChange({ ...answers, [q.field]: v })}
    />
  );
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">The record</legend>
      {own.map(field)}
      {school.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Its school&apos;s attributes</span>
          </summary>
          <div className="govuk-details__text">{school.map(field)}</div>
        </details>
      )}
    </fieldset>
  );
}

/**
 * "Can a user of this role do this to this record?", asked of the server, which builds the very ability a
 * signed-in user gets, under the draft as it is now (unsaved changes included).
 */
export function ExplainForm({ roles }: { roles: Role[] }) {
  const { doc } = useStudio();
  const trpc = useTRPC();
  const [role, setRole] = useState(roles[0]?.key ?? "");
  const [action, setAction] = useState<string>("read");
  const [subject, setSubject] = useState<Subject>("VisitReport");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const questions = useMemo(() => sampleQuestions(doc, subject), [doc, subject]);
  const ask = useMutation(trpc.policy.explainPermission.mutationOptions());
  const actionOf = ACTIONS.find((a) => a === action) ?? "read";
  return (
    <section aria-labelledby="permissions-explain-heading">
      <h3 className="govuk-heading-m" id="permissions-explain-heading">
        Can a user of this role do it?
      </h3>
      <p className="govuk-body">
        Answered by the same rules Steward checks when a user of the role signs in, under this draft as it is now.
      </p>
      <ErrorSummary problems={ask.error ? readProblems(ask.error) : []} title="The question was not answered" />
      <Select
        id="explain-role"
        label="Role"
        value={role}
        onChange={setRole}
        options={roles.map((r) => ({ value: r.key, label: r.label }))}
      />
      <Select
        id="explain-action"
        label="Action"
        value={action}
        onChange={setAction}
        options={ACTIONS.map((a) => ({ value: a, label: a }))}
      />
      <Select
        id="explain-subject"
        label="Record"
        value={subject}
        onChange={(s) => {
          setSubject(RECORD_SUBJECTS.find((r) => r === s) ?? "VisitReport");
          setAnswers({});
        }}
        options={RECORD_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) }))}
      />
      <RecordFields questions={questions} answers={answers} onChange={setAnswers} />
      <button
        type="button"
        className="govuk-button"
        disabled={ask.isPending}
        onClick={() =>
          ask.mutate({
            document: doc,
            role,
            action: actionOf,
            subject: subject === "all" ? "School" : subject,
            record: toRecord(questions, answers),
          })
        }
      >
        Ask
      </button>
      <Answer answer={ask.data} />
    </section>
  );
}
