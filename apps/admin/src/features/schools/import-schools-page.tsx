import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  BackLink,
  DataTable,
  ErrorSummary,
  fieldError,
  plural,
  Radios,
  readProblems,
  SuccessBanner,
  SummaryList,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

type Report = RouterOutputs["schools"]["import"];

const REJECTED_COLUMNS: Column<Report["rejected"][number]>[] = [
  { heading: "Line", cell: (r) => r.line },
  { heading: "URN", cell: (r) => r.urn ?? "" },
  { heading: "Reason", cell: (r) => r.reason },
];

/** Imports a GIAS file: a dry run first shows what would change, then the import itself. */
export function ImportSchoolsPage() {
  const trpc = useTRPC();
  const [kind, setKind] = useState("establishments");
  const [file, setFile] = useState<{ name: string; text: string }>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [report, setReport] = useState<Report>();
  usePageTitle("Import schools", { error: problems.length > 0 });
  const run = useMutation(
    trpc.schools.import.mutationOptions({
      onSuccess: (r) => (setProblems([]), setReport(r)),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    if (!file) return setProblems([{ pointer: "/csv", message: "Choose a CSV file" }]);
    run.mutate({ kind: kind as "links", csv: file.text, dryRun });
  };
  return (
    <>
      <BackLink to="/schools">Back to schools</BackLink>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Import schools from GIAS</h1>
      <form noValidate onSubmit={submit(true)}>
        <Radios
          id="kind"
          label="What is in the file?"
          options={[
            {
              value: "establishments",
              label: "All establishment data",
              hint: "The “all establishment data” download, any year's layout. Only this authority's schools are read.",
            },
            { value: "links", label: "Links", hint: "Predecessor and successor URNs, from the links download." },
          ]}
          value={kind}
          onChange={setKind}
        />
        <CsvFileInput
          error={fieldError(problems, "csv")}
          onChange={(chosen) => {
            setReport(undefined);
            setFile(chosen);
          }}
        />
        <div className="govuk-button-group">
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={run.isPending}
          >
            Check the file
          </button>
          {report?.dryRun && (
            <button
              type="button"
              className="govuk-button"
              data-module="govuk-button"
              disabled={run.isPending}
              onClick={() => submit(false)()}
            >
              Import {file?.name}
            </button>
          )}
        </div>
      </form>
      {report && <ImportReport report={report} />}
    </>
  );
}

function ImportReport({ report }: { report: Report }) {
  return (
    <section aria-labelledby="report-heading">
      {!report.dryRun && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">The file was imported.</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-m" id="report-heading">
        {report.dryRun ? "What the import would do" : "Import report"}
      </h2>
      <SummaryList
        rows={[
          { key: "Rows read", value: String(report.rows) },
          {
            key: "Schools added",
            value: report.added.length ? `${report.added.length}: ${report.added.join(", ")}` : "None",
          },
          { key: "Schools updated", value: String(report.updated.length) },
          { key: "Unchanged", value: String(report.unchanged) },
          { key: "Closed", value: report.closed.length ? report.closed.join(", ") : "None" },
          { key: "Skipped", value: `${plural(report.skipped, "row")} (other authorities, independent schools)` },
          { key: "Rejected", value: String(report.rejected.length) },
        ]}
      />
      {report.rejected.length > 0 && (
        <DataTable
          caption="Rejected rows"
          captionSize="s"
          columns={REJECTED_COLUMNS}
          rows={report.rejected}
          rowKey={(r) => String(r.line)}
        />
      )}
    </section>
  );
}

/** The file upload: the chosen file is read as text at once, so the dry run and the import send the same text. */
function CsvFileInput({
  error,
  onChange,
}: {
  error: string | undefined;
  onChange: (file: { name: string; text: string } | undefined) => void;
}) {
  const read = async (chosen: File | undefined) => {
    onChange(chosen ? { name: chosen.name, text: await chosen.text() } : undefined);
  };
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="csv">
        CSV file
      </label>
      {error && (
        <p className="govuk-error-message" id="csv-error">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className="govuk-file-upload"
        id="csv"
        name="csv"
        type="file"
        accept=".csv,text/csv"
        aria-describedby={error ? "csv-error" : undefined}
        onChange={(event) => void read(event.target.files?.[0])}
      />
    </div>
  );
}
