import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import { FormSummary } from "@steward/forms";
import {
  DateInput,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  humanise,
  readProblems,
  Select,
  SubmitButton,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  usePageTitle,
  useSession,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { getReportForm, offered, useCase, type CaseView } from "./case-context.tsx";

type Visit = CaseView["visits"][number];
type VisitReport = NonNullable<Visit["report"]>;

const STATUS_COLOUR: Record<string, string> = { scheduled: "blue", completed: "green", cancelled: "grey" };

export function VisitsPage() {
  const { view, options } = useCase();
  usePageTitle(`${view.school.name}: visits`);
  const [done, setDone] = useState<string>();
  const visits = [...view.visits].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-l">Visits</h2>
      {view.can.scheduleVisit && view.status === "open" && options.visitTypes.length > 0 && (
        <ScheduleVisit onDone={setDone} />
      )}
      {view.noVisits && <p className="govuk-body">No LA visits for this category.</p>}
      {visits.length === 0 && <p className="govuk-body">No visits yet.</p>}
      {visits.map((visit) => (
        <VisitCard key={visit.id} visit={visit} onDone={setDone} />
      ))}
    </>
  );
}

function VisitCard({ visit, onDone }: { visit: Visit; onDone: (message: string) => void }) {
  const { view, policy } = useCase();
  const me = useSession();
  // The policy names the roles that lead and record each type of visit.
  const leaders = policy.visitTypes.find((t) => t.key === visit.visitType.key)?.ledBy;
  const mayRecord = view.can.recordVisit && (!leaders || leaders.some((role) => me.roles.some((r) => r.key === role)));
  const leaderLabels = (leaders ?? []).map((key) => policy.roles.find((r) => r.key === key)?.label ?? key);
  const [problems, setProblems] = useState<Problem[]>([]);
  const headingId = `visit-${visit.id}`;
  return (
    <section className="govuk-summary-card" aria-labelledby={headingId}>
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title" id={headingId}>
          {visit.visitType.label}, {formatDate(visit.date)}
        </h3>
        <ul className="govuk-summary-card__actions">
          {visit.status === "scheduled" && mayRecord && (
            <li className="govuk-summary-card__action">
              <Link className="govuk-link" to={`${visit.id}/record`}>
                Record the visit<span className="govuk-visually-hidden"> on {formatDate(visit.date)}</span>
              </Link>
            </li>
          )}
        </ul>
      </div>
      <div className="govuk-summary-card__content">
        <ErrorSummary problems={problems} />
        <VisitSummary visit={visit} recordedBy={visit.status === "scheduled" && !mayRecord ? leaderLabels : []} />
        {visit.report && !visit.report.published && view.can.publishReport && (
          <PublishReport visit={visit} onDone={onDone} setProblems={setProblems} />
        )}
        {visit.status === "scheduled" && view.can.scheduleVisit && <ChangeVisit visit={visit} onDone={onDone} />}
        {visit.report && <ReadReport visit={visit} report={visit.report} />}
      </div>
    </section>
  );
}

function reportSummary(report: VisitReport): string {
  const published = report.published ? "Published to the school." : "Not yet published to the school.";
  const concerns = report.concerns ? " Concerns about progress remain." : "";
  return `Recorded by ${report.recordedBy}, ${formatDateTime(report.recordedAt)}. ${published}${concerns}`;
}

/** The visit's status, term, agenda and report; who records it when the user may not. */
function VisitSummary({ visit, recordedBy }: { visit: Visit; recordedBy: string[] }) {
  return (
    <SummaryList
      rows={[
        { key: "Status", value: <Tag colour={STATUS_COLOUR[visit.status]}>{humanise(visit.status)}</Tag> },
        visit.cancelledReason !== undefined && { key: "Why cancelled", value: visit.cancelledReason },
        visit.term !== undefined && { key: "Term", value: humanise(visit.term) },
        recordedBy.length > 0 && { key: "Recorded by", value: recordedBy.join(", ") },
        {
          key: "Agenda",
          value: (
            <ol className="govuk-list govuk-list--number">
              {visit.agenda.map((item) => (
                <li key={item.key}>{item.title}</li>
              ))}
            </ol>
          ),
        },
        visit.report && { key: "Report", value: reportSummary(visit.report) },
        visit.reportWithheld && { key: "Report", value: "Recorded; not shown to you." },
      ]}
    />
  );
}

function PublishReport({
  visit,
  onDone,
  setProblems,
}: {
  visit: Visit;
  onDone: (message: string) => void;
  setProblems: (problems: Problem[]) => void;
}) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const publish = useMutation(
    trpc.visits.publish.mutationOptions({
      onSuccess: async () => (await refresh(), onDone("Report published to the school")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary"
      data-module="govuk-button"
      disabled={publish.isPending}
      onClick={() => publish.mutate({ caseId: view.id, expectedVersion: view.version, visitId: visit.id })}
    >
      Publish the report to the school
      <span className="govuk-visually-hidden">
        {" "}
        ({visit.visitType.label}, {formatDate(visit.date)})
      </span>
    </button>
  );
}

/** The report as written: notes against the agenda, then the answers under the report form's questions. */
function ReadReport({ visit, report }: { visit: Visit; report: VisitReport }) {
  const { policy } = useCase();
  const form = getReportForm(policy, visit.visitType.key, report.form);
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Read the report</span>
      </summary>
      <div className="govuk-details__text">
        {Object.keys(report.agendaNotes).length > 0 && (
          <>
            <h4 className="govuk-heading-s">Notes on the agenda</h4>
            <SummaryList
              rows={visit.agenda
                .filter((item) => report.agendaNotes[item.key])
                .map((item) => ({ key: item.title, value: report.agendaNotes[item.key] }))}
            />
          </>
        )}
        <FormSummary schema={form.schema} uiSchema={form.uiSchema} formData={report.data} headingLevel={4} />
      </div>
    </details>
  );
}

function ScheduleVisit({ onDone }: { onDone: (message: string) => void }) {
  const { view, policy, options, refresh } = useCase();
  const trpc = useTRPC();
  // Only the visit types that apply to the school (the engine refuses the others).
  const types = offered(policy.visitTypes, options.visitTypes).map((t) => ({ value: t.key, label: t.label }));
  const dueType = view.visitPlan.find((s) => s.status === "due" || s.status === "overdue" || s.status === "upcoming")
    ?.visitType.key;
  const [visitType, setVisitType] = useState(dueType ?? "");
  const [date, setDate] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const schedule = useMutation(
    trpc.visits.schedule.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await refresh();
        onDone("Visit scheduled");
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    schedule.mutate({ caseId: view.id, expectedVersion: view.version, visitType, date });
  };
  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-8" aria-labelledby="schedule-heading">
      <h3 className="govuk-heading-m" id="schedule-heading">
        Schedule a visit
      </h3>
      <ErrorSummary problems={problems} />
      <Select
        id="visitType"
        label="Type of visit"
        value={visitType}
        onChange={setVisitType}
        placeholder="Choose a type of visit"
        options={types}
        error={fieldError(problems, "visitType")}
      />
      <DateInput
        id="date"
        label="Date of the visit"
        hint="A school day, for example 14 1 2027. The agenda is the one for that term."
        value={date}
        onChange={setDate}
        error={fieldError(problems, "date")}
      />
      <SubmitButton pending={schedule.isPending}>Schedule the visit</SubmitButton>
    </form>
  );
}

/** Moving a scheduled visit (a reason is optional) or cancelling it (a reason is needed). */
function useVisitChanges(visit: Visit, onDone: (message: string) => void, setProblems: (p: Problem[]) => void) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const after = (message: string) => ({
    onSuccess: async () => (setProblems([]), await refresh(), onDone(message)),
    onError: (e: unknown) => setProblems(readProblems(e)),
  });
  const reschedule = useMutation(trpc.visits.reschedule.mutationOptions(after("Visit moved")));
  const cancel = useMutation(trpc.visits.cancel.mutationOptions(after("Visit cancelled")));
  const ref = { caseId: view.id, expectedVersion: view.version, visitId: visit.id };
  return {
    move: (date: string, reason: string) =>
      reschedule.mutate({ ...ref, date, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
    cancel: (reason: string) => cancel.mutate({ ...ref, reason: reason.trim() }),
  };
}

function ChangeVisit({ visit, onDone }: { visit: Visit; onDone: (message: string) => void }) {
  const [date, setDate] = useState(visit.date);
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const changes = useVisitChanges(visit, onDone, setProblems);
  const id = `change-${visit.id}`;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Move or cancel this visit</span>
      </summary>
      <div className="govuk-details__text">
        <ErrorSummary problems={problems} />
        <DateInput
          id={`${id}-date`}
          label="New date"
          value={date}
          onChange={setDate}
          error={fieldError(problems, "date")}
        />
        <Textarea
          id={`${id}-reason`}
          label="Reason"
          hint="Needed to cancel."
          value={reason}
          onChange={setReason}
          rows={2}
          error={fieldError(problems, "reason")}
        />
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => changes.move(date, reason)}
          >
            Move the visit
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            data-module="govuk-button"
            onClick={() => changes.cancel(reason)}
          >
            Cancel the visit
          </button>
        </div>
      </div>
    </details>
  );
}
