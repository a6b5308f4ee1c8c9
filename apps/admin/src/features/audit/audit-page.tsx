import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";

import {
  CsvButton,
  DataTable,
  formatDateTime,
  humanise,
  Loading,
  QueryError,
  TextInput,
  usePageTitle,
  useTRPC,
  type Column,
  type RouterOutputs,
} from "@steward/ui";

type Entry = RouterOutputs["audit"]["list"]["entries"][number];

const describeDetail = (detail: Record<string, unknown>) =>
  Object.entries(detail)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${humanise(k)}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");

export function AuditPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const before = Number(params.get("before")) || undefined;
  const filter = {
    ...(params.get("action") ? { action: params.get("action")! } : {}),
    ...(params.get("subjectType") ? { subjectType: params.get("subjectType")! } : {}),
  };
  const audit = useQuery(
    trpc.audit.list.queryOptions(
      { ...filter, ...(before ? { before } : {}), limit: 100 },
      { placeholderData: keepPreviousData },
    ),
  );
  const [action, setAction] = useState(filter.action ?? "");
  const [subjectType, setSubjectType] = useState(filter.subjectType ?? "");
  usePageTitle("Audit log");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      Object.fromEntries(
        Object.entries({ action: action.trim(), subjectType: subjectType.trim() }).filter(([, v]) => v),
      ),
    );
  };
  const columns: Column<Entry>[] = [
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
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <form noValidate onSubmit={submit} className="steward-inline-filters">
        <TextInput id="action" label="Action" hint="For example, signed-in" value={action} onChange={setAction} />
        <TextInput
          id="subjectType"
          label="Record type"
          hint="For example, Case or Policy"
          value={subjectType}
          onChange={setSubjectType}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Filter
        </button>
      </form>
      {audit.isPending && <Loading />}
      {audit.isError && <QueryError error={audit.error} />}
      {audit.data && (
        <>
          <div className="steward-table-scroll">
            <DataTable
              caption="Who did what, newest first"
              captionSize="s"
              columns={columns}
              rows={audit.data.entries}
              rowKey={(e) => String(e.id)}
              empty="No entries."
            />
          </div>
          <CsvButton
            filename="audit-log.csv"
            columns={columns}
            rows={audit.data.entries}
            label="Download this page as CSV"
          />
          <nav className="govuk-pagination" aria-label="Pages">
            {before && (
              <div className="govuk-pagination__prev">
                <a
                  className="govuk-link govuk-pagination__link"
                  href="?"
                  onClick={(e) => (e.preventDefault(), setParams(filter))}
                >
                  <span className="govuk-pagination__link-title">Newest</span>
                </a>
              </div>
            )}
            {audit.data.next && (
              <div className="govuk-pagination__next">
                <a
                  className="govuk-link govuk-pagination__link"
                  href={`?before=${audit.data.next}`}
                  onClick={(e) => (e.preventDefault(), setParams({ ...filter, before: String(audit.data.next) }))}
                >
                  <span className="govuk-pagination__link-title">Older entries</span>
                </a>
              </div>
            )}
          </nav>
        </>
      )}
    </>
  );
}
