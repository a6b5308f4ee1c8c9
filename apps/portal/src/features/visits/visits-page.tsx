import { Link, useParams } from "react-router";

import { FormSummary } from "@steward/forms";
import {
  BackLink,
  DataTable,
  ErrorPage,
  formatDate,
  formatDateTime,
  Loading,
  QueryError,
  SummaryList,
  today,
  usePageTitle,
  type Column,
} from "@steward/ui";

import { useSchoolVisits, type SchoolVisits, type SchoolVisit as Visit } from "../school-case.ts";

type Report = NonNullable<Visit["report"]>;
type ReportForm = SchoolVisits["reportForms"][number];

const UPCOMING_COLUMNS: Column<Visit>[] = [
  { heading: "Date", cell: (v) => formatDate(v.date) },
  { heading: "Visit", cell: (v) => v.visitType.label },
  {
    heading: "Agenda",
    cell: (v) => (
      <ol className="govuk-list govuk-list--number govuk-body-s">
        {v.agenda.map((a) => (
          <li key={a.key}>{a.title}</li>
        ))}
      </ol>
    ),
  },
];

export function VisitsPage() {
  const { data, isPending, error } = useSchoolVisits();
  usePageTitle("Visits");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const visits = data.visits;
  const upcoming = visits
    .filter((v) => v.status === "scheduled" && v.date >= today())
    .sort((a, b) => a.date.localeCompare(b.date));
  const reports = visits.filter((v) => v.report).sort((a, b) => b.date.localeCompare(a.date));
  return (
    <>
      <h1 className="govuk-heading-l">Visits</h1>
      <DataTable
        caption="Upcoming visits"
        columns={UPCOMING_COLUMNS}
        rows={upcoming}
        rowKey={(v) => v.id}
        empty="No visits booked."
      />
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

/** A published visit report: the notes against the agenda and the report form's answers under its questions. */
export function VisitReportPage() {
  const { visitId = "" } = useParams();
  const { data, isPending, error } = useSchoolVisits();
  const visit = data?.visits.find((v) => v.id === visitId);
  usePageTitle(visit ? `${visit.visitType.label} report, ${formatDate(visit.date)}` : "Visit report");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  if (!visit?.report)
    return <ErrorPage error={new Error("There is no published report for that visit.")} title="Report not found" />;
  return (
    <>
      <BackLink to="/visits">Back to visits</BackLink>
      <span className="govuk-caption-l">{formatDate(visit.date)}</span>
      <h1 className="govuk-heading-l">{visit.visitType.label} report</h1>
      <ReportBody visit={visit} report={visit.report} form={getReportForm(data.reportForms, visit.report)} />
    </>
  );
}

/** A report written as one summary (how the LA app records a visit whose type names no report form). */
const SUMMARY_REPORT: Pick<ReportForm, "schema" | "uiSchema"> = {
  schema: { type: "object", title: "Report", properties: { summary: { type: "string", title: "Summary" } } },
  uiSchema: { summary: { "ui:widget": "textarea" } },
};

/** The form the report was written with, from the case's own policy version: its questions label the answers. */
function getReportForm(forms: readonly ReportForm[], report: Report): Pick<ReportForm, "schema" | "uiSchema"> {
  return (
    (report.form ? forms.find((f) => f.key === report.form) : undefined) ??
    forms.find((f) => f.purpose === "visit-report") ??
    SUMMARY_REPORT
  );
}

function ReportBody({
  visit,
  report,
  form,
}: {
  visit: Visit;
  report: Report;
  form: Pick<ReportForm, "schema" | "uiSchema">;
}) {
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
          <SummaryList
            rows={visit.agenda
              .filter((item) => report.agendaNotes[item.key])
              .map((item) => ({
                key: item.title,
                value: <span className="steward-pre-wrap">{report.agendaNotes[item.key]}</span>,
              }))}
          />
        </>
      )}
      <h2 className="govuk-heading-m">The report</h2>
      <FormSummary schema={form.schema} uiSchema={form.uiSchema} formData={report.data} headingLevel={3} />
    </>
  );
}
