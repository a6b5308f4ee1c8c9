import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  BackLink,
  ErrorSummary,
  fieldError,
  plural,
  Radios,
  readProblems,
  SuccessBanner,
  SummaryList,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

type Report = RouterOutputs["schools"]["import"];

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
        <div className={`govuk-form-group${fieldError(problems, "csv") ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="csv">
            CSV file
          </label>
          {fieldError(problems, "csv") && (
            <p className="govuk-error-message" id="csv-error">
              <span className="govuk-visually-hidden">Error:</span> {fieldError(problems, "csv")}
            </p>
          )}
          <input
            className="govuk-file-upload"
            id="csv"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fieldError(problems, "csv") ? "csv-error" : undefined}
            onChange={async (event) => {
              const chosen = event.target.files?.[0];
              setReport(undefined);
              setFile(chosen ? { name: chosen.name, text: await chosen.text() } : undefined);
            }}
          />
        </div>
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
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Rejected rows</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Line
              </th>
              <th scope="col" className="govuk-table__header">
                URN
              </th>
              <th scope="col" className="govuk-table__header">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.rejected.map((r) => (
              <tr className="govuk-table__row" key={r.line}>
                <th scope="row" className="govuk-table__header">
                  {r.line}
                </th>
                <td className="govuk-table__cell">{r.urn ?? ""}</td>
                <td className="govuk-table__cell">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
