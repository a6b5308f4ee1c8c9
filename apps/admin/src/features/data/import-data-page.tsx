import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  BackLink,
  DataTable,
  DateInput,
  ErrorSummary,
  fieldError,
  formatDateTime,
  Loading,
  QueryError,
  Radios,
  readProblems,
  SuccessBanner,
  SummaryList,
  TextInput,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { EMPTY_MAPPING, fromMapping, MappingFields, toMapping, type MappingForm } from "./mapping-fields.tsx";

type Report = RouterOutputs["indicators"]["previewImport"];
type Run = RouterOutputs["indicators"]["listRuns"][number];
interface ChosenFile {
  name: string;
  content: string;
  encoding: "text" | "base64";
}

const REJECTED_COLUMNS: Column<Report["rejected"][number]>[] = [
  { heading: "Line", cell: (r) => r.line, numeric: true },
  { heading: "Column", cell: (r) => r.column ?? "" },
  { heading: "Reason", cell: (r) => r.reason },
];

const INDICATOR_COLUMNS: Column<Report["indicators"][number]>[] = [
  { heading: "Indicator", cell: (i) => i.label },
  { heading: "Values to apply", cell: (i) => i.applied, numeric: true },
];

/** Reads the chosen file once: a CSV as text, an XLSX workbook as base64, so the dry run and the import send the same bytes. */
async function readChosenFile(file: File): Promise<ChosenFile> {
  if (!/\.xlsx$/i.test(file.name)) return { name: file.name, content: await file.text(), encoding: "text" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, content: btoa(binary), encoding: "base64" };
}

/** The page's state: the file, the mapping (saved or built), and the dry run, apply and save requests. */
function useImportData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<ChosenFile>();
  const [source, setSource] = useState("build");
  const [form, setForm] = useState<MappingForm>(EMPTY_MAPPING);
  const [asAtOverride, setAsAtOverride] = useState("");
  const [name, setName] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [report, setReport] = useState<{ report: Report; applied: boolean }>();
  const [message, setMessage] = useState<string>();
  const onError = (e: unknown) => (setReport(undefined), setProblems(readProblems(e)));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.indicators.pathKey() });
  const preview = useMutation(
    trpc.indicators.previewImport.mutationOptions({
      onSuccess: (r) => (setProblems([]), setMessage(undefined), setReport({ report: r, applied: false })),
      onError,
    }),
  );
  const apply = useMutation(
    trpc.indicators.applyImport.mutationOptions({
      onSuccess: (r) => (setProblems([]), setReport({ report: r.report, applied: true }), refresh()),
      onError,
    }),
  );
  const save = useMutation(
    trpc.indicators.saveMapping.mutationOptions({
      onSuccess: (m) => (setProblems([]), setMessage(`The mapping “${m.name}” was saved.`), refresh()),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const request = () => {
    if (!file) return (setProblems([{ pointer: "/file", message: "Choose a CSV or XLSX file" }]), undefined);
    if (source === "build") return { file, mapping: toMapping(form), ...(name.trim() ? { name: name.trim() } : {}) };
    return { file, mappingId: source, ...(asAtOverride ? { asAtDate: asAtOverride } : {}) };
  };
  return {
    ...{ file, source, form, asAtOverride, name, problems, report, message },
    ...{
      setFile: (f: ChosenFile | undefined) => (setReport(undefined), setFile(f)),
      setForm,
      setAsAtOverride,
      setName,
    },
    setSource: (value: string) => (setReport(undefined), setSource(value)),
    ...{ preview, apply, save, request, refresh },
  };
}

type ImportState = ReturnType<typeof useImportData>;

/**
 * Imports a file of indicator values (CSV or XLSX) keyed by URN or LAESTAB:
 * with a saved mapping or one built here (and saved by name for next term),
 * a dry run reporting what would be applied, unchanged, skipped and rejected,
 * then the import; and the runs so far, each of which can be undone whole.
 */
export function ImportDataPage() {
  const trpc = useTRPC();
  const state = useImportData();
  usePageTitle("Import data", { error: state.problems.length > 0 });
  const mappings = useQuery(trpc.indicators.listMappings.queryOptions());
  const indicators = useQuery(trpc.indicators.listImportable.queryOptions());
  if (mappings.isPending || indicators.isPending) return <Loading />;
  if (mappings.isError) return <QueryError error={mappings.error} />;
  if (indicators.isError) return <QueryError error={indicators.error} />;
  return (
    <>
      <BackLink to="/schools">Back to schools</BackLink>
      <ErrorSummary problems={state.problems} />
      {state.message && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{state.message}</p>
        </SuccessBanner>
      )}
      <h1 className="govuk-heading-l">Import data</h1>
      <p className="govuk-body">
        Import a file of values for the policy's indicators, one row per school, keyed by URN or LAESTAB: for example
        the DfE's key stage 2 performance table or an explore education statistics attendance file. Check the file
        first: nothing is stored until you apply it.
      </p>
      <ImportForm state={state} mappings={mappings.data} indicators={indicators.data} />
      {state.report && <ImportReport report={state.report.report} applied={state.report.applied} />}
      <ImportRuns onUndone={state.refresh} />
    </>
  );
}

function ImportForm({
  state,
  mappings,
  indicators,
}: {
  state: ImportState;
  mappings: RouterOutputs["indicators"]["listMappings"];
  indicators: RouterOutputs["indicators"]["listImportable"];
}) {
  const { problems, source } = state;
  const chosen = mappings.find((m) => m.id === source);
  const check = (event: FormEvent) => {
    event.preventDefault();
    const input = state.request();
    if (input) state.preview.mutate(input);
  };
  return (
    <form noValidate onSubmit={check}>
      <FileInput error={fieldError(problems, "file")} onChange={state.setFile} />
      <Radios
        id="source"
        label="How to read it"
        options={[
          ...mappings.map((m) => ({
            value: m.id,
            label: `Saved mapping: ${m.name}`,
            hint: `Keyed by ${m.keyColumn}; ${m.columns.length} column${m.columns.length === 1 ? "" : "s"}.`,
          })),
          { value: "build", label: "Build a mapping for this file" },
        ]}
        value={source}
        onChange={state.setSource}
      />
      {chosen && (
        <SavedMapping
          mapping={chosen}
          state={state}
          onChange={() => (state.setForm(fromMapping(chosen)), state.setName(chosen.name), state.setSource("build"))}
        />
      )}
      {source === "build" && (
        <>
          <MappingFields form={state.form} onChange={state.setForm} indicators={indicators} problems={problems} />
          <TextInput
            id="name"
            label="Save this mapping as (optional)"
            hint="Saved mappings import next term's file in one step."
            value={state.name}
            onChange={state.setName}
            error={fieldError(problems, "name")}
            width="20"
          />
        </>
      )}
      <ImportButtons state={state} />
    </form>
  );
}

function SavedMapping({
  mapping,
  state,
  onChange,
}: {
  mapping: RouterOutputs["indicators"]["listMappings"][number];
  state: ImportState;
  onChange: () => void;
}) {
  return (
    <>
      {"date" in mapping.asAt && (
        <DateInput
          id="asAtDate"
          label="As at"
          hint={`Leave blank to use the mapping's date, ${mapping.asAt.date}. For next term's file, enter its date.`}
          value={state.asAtOverride}
          onChange={state.setAsAtOverride}
          error={fieldError(state.problems, "asAtDate")}
        />
      )}
      <p className="govuk-body">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={onChange}
        >
          Change this mapping
        </button>
      </p>
    </>
  );
}

function ImportButtons({ state }: { state: ImportState }) {
  const { report, source, file } = state;
  return (
    <div className="govuk-button-group">
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        disabled={state.preview.isPending}
      >
        Check the file
      </button>
      {source === "build" && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          disabled={state.save.isPending}
          onClick={() => state.save.mutate({ name: state.name.trim(), mapping: toMapping(state.form) })}
        >
          Save the mapping
        </button>
      )}
      {report && !report.applied && report.report.applied > 0 && (
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          disabled={state.apply.isPending}
          onClick={() => {
            const input = state.request();
            if (input) state.apply.mutate(input);
          }}
        >
          Apply the import of {file?.name}
        </button>
      )}
    </div>
  );
}

function ImportReport({ report, applied }: { report: Report; applied: boolean }) {
  return (
    <section aria-labelledby="report-heading">
      {applied && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">The import was applied.</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-m" id="report-heading">
        {applied ? "Import report" : "What the import would do"}
      </h2>
      <SummaryList
        rows={[
          { key: "Rows read", value: String(report.rows) },
          { key: "Rows left out by the filters", value: String(report.filtered) },
          {
            key: applied ? "Values applied" : "Values to apply",
            value: `${report.applied} (${report.schools} schools)`,
          },
          { key: "Unchanged", value: `${report.unchanged} (the same value as at the same date is already there)` },
          { key: "No value", value: `${report.skipped} (suppressed or empty: SUPP, NE, x, c and the like)` },
          { key: "Rejected", value: String(report.rejected.length) },
        ]}
      />
      <DataTable
        caption="By indicator"
        captionSize="s"
        columns={INDICATOR_COLUMNS}
        rows={report.indicators}
        rowKey={(i) => i.key}
      />
      {report.rejected.length > 0 && (
        <DataTable
          caption="Rejected"
          captionSize="s"
          columns={REJECTED_COLUMNS}
          rows={report.rejected}
          rowKey={(r, i) => `${r.line}-${r.column ?? ""}-${i}`}
          rowHeader={false}
        />
      )}
    </section>
  );
}

/** The runs so far, newest first, each with its undo. */
function ImportRuns({ onUndone }: { onUndone: () => void }) {
  const trpc = useTRPC();
  const [problems, setProblems] = useState<Problem[]>([]);
  const runs = useQuery(trpc.indicators.listRuns.queryOptions());
  const undo = useMutation(
    trpc.indicators.undoRun.mutationOptions({
      onSuccess: () => (setProblems([]), onUndone()),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const columns: Column<Run>[] = [
    { heading: "File", cell: (r) => r.fileName },
    { heading: "Mapping", cell: (r) => r.mappingName ?? "" },
    { heading: "Applied", cell: (r) => `${formatDateTime(r.createdAt)} by ${r.createdBy ?? "someone"}` },
    { heading: "Values", cell: (r) => r.applied, numeric: true },
    {
      heading: "Status",
      cell: (r) =>
        r.status === "undone" ? `Undone ${formatDateTime(r.undoneAt)} by ${r.undoneBy ?? "someone"}` : "Applied",
    },
    {
      heading: "Undo",
      cell: (r) =>
        r.status === "applied" ? (
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            data-module="govuk-button"
            disabled={undo.isPending}
            onClick={() => undo.mutate({ runId: r.id })}
          >
            Undo<span className="govuk-visually-hidden"> the import of {r.fileName}</span>
          </button>
        ) : (
          ""
        ),
    },
  ];
  if (runs.isPending) return <Loading />;
  if (runs.isError) return <QueryError error={runs.error} />;
  return (
    <section aria-labelledby="runs-heading">
      <h2 className="govuk-heading-m" id="runs-heading">
        Imports so far
      </h2>
      <ErrorSummary problems={problems} />
      <DataTable
        caption="Imports, newest first"
        captionSize="s"
        columns={columns}
        rows={runs.data}
        rowKey={(r) => r.id}
        empty="No file has been imported yet."
      />
    </section>
  );
}

function FileInput({
  error,
  onChange,
}: {
  error: string | undefined;
  onChange: (file: ChosenFile | undefined) => void;
}) {
  const read = async (chosen: File | undefined) => onChange(chosen ? await readChosenFile(chosen) : undefined);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor="file">
        CSV or XLSX file
      </label>
      <div className="govuk-hint" id="file-hint">
        An XLSX workbook is read from its first worksheet.
      </div>
      {error && (
        <p className="govuk-error-message" id="file-error">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className="govuk-file-upload"
        id="file"
        name="file"
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={error ? "file-hint file-error" : "file-hint"}
        onChange={(event) => void read(event.target.files?.[0])}
      />
    </div>
  );
}
