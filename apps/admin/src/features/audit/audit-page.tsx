import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import {
  CsvButton,
  DataTable,
  FilterForm,
  formatDateTime,
  humanise,
  Loading,
  QueryError,
  usePageTitle,
  useTRPC,
  type Column,
  type FilterField,
  type RouterOutputs,
} from "@steward/ui";

type Entry = RouterOutputs["audit"]["list"]["entries"][number];
type AuditFilter = { action?: string; subjectType?: string };

/** A detail's value as text: plain values as they are, anything else as its JSON. */
function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "boolean":
    case "bigint":
      return String(value);
    default:
      return JSON.stringify(value) ?? "";
  }
}

const describeDetail = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${humanise(k)}: ${describeValue(v)}`)
    .join("; ");

const COLUMNS: Column<Entry>[] = [
  { heading: "When", cell: (e) => formatDateTime(e.at), csv: (e) => e.at },
  { heading: "Who", cell: (e) => e.actor ?? "Steward", csv: (e) => e.actor },
  { heading: "What", cell: (e) => humanise(e.action), csv: (e) => e.action },
  {
    heading: "Record",
    cell: (e) => `${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(0, 8)}` : ""}`,
    csv: (e) => `${e.subjectType} ${e.subjectId ?? ""}`,
  },
  {
    heading: "Detail",
    cell: (e) => <span className="govuk-body-s steward-break-all">{describeDetail(e.detail)}</span>,
    csv: (e) => JSON.stringify(e.detail),
  },
];

/** The filter in the address (action, record type) and the page's starting point (`before`). */
function readAuditParams(params: URLSearchParams): { filter: AuditFilter; before: number | undefined } {
  const action = params.get("action");
  const subjectType = params.get("subjectType");
  return {
    filter: { ...(action ? { action } : {}), ...(subjectType ? { subjectType } : {}) },
    before: Number(params.get("before")) || undefined,
  };
}

export function AuditPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const { filter, before } = readAuditParams(params);
  const audit = useQuery(
    trpc.audit.list.queryOptions(
      { ...filter, ...(before ? { before } : {}), limit: 100 },
      { placeholderData: keepPreviousData },
    ),
  );
  usePageTitle("Audit log");
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <AuditFilterForm filter={filter} onApply={setParams} />
      {audit.isPending && <Loading />}
      {audit.isError && <QueryError error={audit.error} />}
      {audit.data && (
        <>
          <div className="steward-table-scroll">
            <DataTable
              caption="Who did what, newest first"
              captionSize="s"
              columns={COLUMNS}
              rows={audit.data.entries}
              rowKey={(e) => String(e.id)}
              empty="No entries."
            />
          </div>
          <CsvButton
            filename="audit-log.csv"
            columns={COLUMNS}
            rows={audit.data.entries}
            label="Download this page as CSV"
          />
          <AuditPagination
            newest={before ? () => setParams(filter) : undefined}
            next={audit.data.next}
            older={(next) => setParams({ ...filter, before: String(next) })}
          />
        </>
      )}
    </>
  );
}

function AuditFilterForm({
  filter,
  onApply,
}: {
  filter: AuditFilter;
  onApply: (params: Record<string, string>) => void;
}) {
  return <FilterForm fields={AUDIT_FILTERS} initial={filter} onApply={onApply} submitLabel="Filter" />;
}

const AUDIT_FILTERS: FilterField[] = [
  { kind: "text", name: "action", label: "Action", hint: "For example, signed-in" },
  { kind: "text", name: "subjectType", label: "Record type", hint: "For example, Case or Policy" },
];

/** Back to the newest entries, and on to older ones (the log pages by entry id, not by number). */
function AuditPagination({
  newest,
  next,
  older,
}: {
  newest: (() => void) | undefined;
  next: number | null;
  older: (next: number) => void;
}) {
  return (
    <nav className="govuk-pagination" aria-label="Pages">
      {newest && (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href="?" onClick={(e) => (e.preventDefault(), newest())}>
            <span className="govuk-pagination__link-title">Newest</span>
          </a>
        </div>
      )}
      {next ? (
        <div className="govuk-pagination__next">
          <a
            className="govuk-link govuk-pagination__link"
            href={`?before=${next}`}
            onClick={(e) => (e.preventDefault(), older(next))}
          >
            <span className="govuk-pagination__link-title">Older entries</span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
