import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import {
  DataTable,
  FilterForm,
  formatDateTime,
  Loading,
  QueryError,
  usePageTitle,
  useTRPC,
  type Column,
  type FilterField,
  type RouterOutputs,
} from "@steward/ui";

type Message = RouterOutputs["notifications"]["outbox"]["messages"][number];
type Status = Message["status"];

const STATUS_LABELS: Record<Status, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  held: "Waiting for the daily digest",
  digested: "Sent in a digest",
};
const STATUS_TAGS: Record<Status, string> = {
  queued: "govuk-tag--blue",
  sending: "govuk-tag--blue",
  sent: "govuk-tag--green",
  failed: "govuk-tag--red",
  held: "govuk-tag--grey",
  digested: "govuk-tag--grey",
};

const COLUMNS: Column<Message>[] = [
  { heading: "Made", cell: (m) => formatDateTime(m.createdAt) },
  { heading: "To", cell: (m) => <span className="steward-break-all">{m.recipient}</span> },
  { heading: "Subject", cell: (m) => m.subject },
  {
    heading: "Status",
    cell: (m) => <strong className={`govuk-tag ${STATUS_TAGS[m.status]}`}>{STATUS_LABELS[m.status]}</strong>,
  },
  { heading: "Attempts", cell: (m) => String(m.attempts) },
  {
    heading: "Sent or last error",
    cell: (m) =>
      m.sentAt ? (
        formatDateTime(m.sentAt)
      ) : m.lastError ? (
        <span className="govuk-body-s steward-break-all">{m.lastError}</span>
      ) : m.nextAttemptAt ? (
        `Next try ${formatDateTime(m.nextAttemptAt)}`
      ) : (
        ""
      ),
  },
];

const FILTERS: FilterField[] = [
  {
    kind: "select",
    name: "status",
    label: "Status",
    placeholder: "Any status",
    options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label })),
  },
];

const isStatus = (value: string | null): value is Status => value !== null && value in STATUS_LABELS;

/** The emails Steward has made: to whom, about what, and whether they went. */
export function OutboxPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const status = params.get("status");
  const page = Number(params.get("page")) || 1;
  const filter: { status?: Status } = isStatus(status) ? { status } : {};
  const goTo = (to: number) => setParams({ ...(filter.status ? { status: filter.status } : {}), page: String(to) });
  const outbox = useQuery(
    trpc.notifications.outbox.queryOptions({ ...filter, page }, { placeholderData: keepPreviousData }),
  );
  usePageTitle("Outbox");
  const pages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / outbox.data.pageSize)) : 1;
  return (
    <>
      <h1 className="govuk-heading-l">Outbox</h1>
      <p className="govuk-body">
        Every email Steward makes from the policy&apos;s notifications and invitations, newest first. A message that
        cannot be sent is tried again, waiting longer each time, and then shows as failed.
      </p>
      <FilterForm fields={FILTERS} initial={filter} onApply={setParams} submitLabel="Filter" />
      {outbox.isPending && <Loading />}
      {outbox.isError && <QueryError error={outbox.error} />}
      {outbox.data && (
        <>
          <div className="steward-table-scroll">
            <DataTable
              caption={`${outbox.data.total} ${outbox.data.total === 1 ? "message" : "messages"}`}
              captionSize="s"
              columns={COLUMNS}
              rows={outbox.data.messages}
              rowKey={(m) => m.id}
              empty="No messages."
            />
          </div>
          {pages > 1 && (
            <nav className="govuk-pagination" aria-label="Pages">
              {page > 1 && (
                <div className="govuk-pagination__prev">
                  <a
                    className="govuk-link govuk-pagination__link"
                    href={`?page=${page - 1}`}
                    onClick={(e) => (e.preventDefault(), goTo(page - 1))}
                  >
                    <span className="govuk-pagination__link-title">Newer</span>
                  </a>
                </div>
              )}
              {page < pages && (
                <div className="govuk-pagination__next">
                  <a
                    className="govuk-link govuk-pagination__link"
                    href={`?page=${page + 1}`}
                    onClick={(e) => (e.preventDefault(), goTo(page + 1))}
                  >
                    <span className="govuk-pagination__link-title">Older</span>
                  </a>
                </div>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
