import { BackLink, ErrorPage, formatDate, formatDateTime, humanise, Loading, QueryError, SummaryList, usePageTitle, useTRPC } from "@steward/ui";
import { FormSummary } from "@steward/forms";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { today, useSchoolCase, type CaseView } from "../school-case.ts";

type Visit = CaseView["visits"][number];

export function VisitsPage() {
  const { view, isPending, error } = useSchoolCase();
  usePageTitle("Visits");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const visits = view?.visits ?? [];
  const upcoming = visits.filter((v) => v.status === "scheduled" && v.date >= today()).sort((a, b) => a.date.localeCompare(b.date));
  const reports = visits.filter((v) => v.report).sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <h1 className="govuk-heading-l">Visits</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Upcoming visits</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Date</th>
            <th scope="col" className="govuk-table__header">Visit</th>
            <th scope="col" className="govuk-table__header">Agenda</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {upcoming.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={3}>No visits booked.</td>
            </tr>
          )}
          {upcoming.map((v) => (
            <tr className="govuk-table__row" key={v.id}>
              <th scope="row" className="govuk-table__header">{formatDate(v.date)}</th>
              <td className="govuk-table__cell">{v.visitType.label}</td>
              <td className="govuk-table__cell">
                <ol className="govuk-list govuk-list--number govuk-body-s">
                  {v.agenda.map((a) => (
                    <li key={a.key}>{a.title}</li>
                  ))}
                </ol>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Visit reports</h2>
      {reports.length === 0 ? (
        <p className="govuk-body">No reports have been published to your school yet.</p>
      ) : (
        <ul className="govuk-list">
          {reports.map((v) => (
            <li key={v.id}>
              <Link className="govuk-link" to={`/visits/${v.id}`}>
                {v.visitType.label}, {formatDate(v.date)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A published visit report: the notes against the agenda and the report form's answers. */
export function VisitReportPage() {
  const { visitId = "" } = useParams();
  const { view, isPending, error } = useSchoolCase();
  const trpc = useTRPC();
  const forms = useQuery(trpc.forms.list.queryOptions({}));
  const visit = view?.visits.find((v) => v.id === visitId);
  usePageTitle(visit ? `${visit.visitType.label} report, ${formatDate(visit.date)}` : "Visit report");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  if (!visit?.report) return <ErrorPage error={new Error("There is no published report for that visit.")} title="Report not found" />;
  return (
    <>
      <BackLink to="/visits">Back to visits</BackLink>
      <span className="govuk-caption-l">{formatDate(visit.date)}</span>
      <h1 className="govuk-heading-l">{visit.visitType.label} report</h1>
      <ReportBody visit={visit} forms={forms.data?.forms} />
    </>
  );
}

function ReportBody({ visit, forms }: { visit: Visit; forms: { key: string; schema: Record<string, unknown>; uiSchema: Record<string, unknown> }[] | undefined }) {
  const report = visit.report!;
  const form = forms?.find((f) => f.key === report.form);
  return (
    <>
      <SummaryList
        rows={[
          { key: "Written by", value: report.recordedBy },
          { key: "Recorded", value: formatDateTime(report.recordedAt) },
        ]}
      />
      {visit.agenda.some((item) => report.agendaNotes[item.key]) && (
        <>
          <h2 className="govuk-heading-m">Notes on the agenda</h2>
          <SummaryList rows={visit.agenda.filter((item) => report.agendaNotes[item.key]).map((item) => ({ key: item.title, value: <span className="steward-pre-wrap">{report.agendaNotes[item.key]}</span> }))} />
        </>
      )}
      <h2 className="govuk-heading-m">The report</h2>
      {form ? <FormSummary schema={form.schema} uiSchema={form.uiSchema} formData={report.data} headingLevel={3} /> : <GenericAnswers data={report.data} />}
    </>
  );
}

/**
 * The report's answers when its form is not among the forms the school receives: each answer under
 * its field name in words.
 */
function GenericAnswers({ data }: { data: Record<string, unknown> }) {
  const show = (value: unknown): React.ReactNode => {
    if (Array.isArray(value)) return <ul className="govuk-list govuk-list--bullet">{value.map((v, i) => <li key={i}>{show(v)}</li>)}</ul>;
    if (value && typeof value === "object") return Object.entries(value).map(([k, v]) => <p className="govuk-body" key={k}><span className="govuk-!-font-weight-bold">{humanise(k)}: </span>{show(v)}</p>);
    if (typeof value === "boolean") return value ? "Yes" : "No";
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return String(value ?? "");
  };
  return <SummaryList rows={Object.entries(data).map(([key, value]) => ({ key: humanise(key), value: show(value) }))} />;
}
