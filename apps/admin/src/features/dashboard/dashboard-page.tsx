import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";

import {
  CsvButton,
  DataTable,
  fetchAllPages,
  Loading,
  Pagination,
  plural,
  QueryError,
  useCan,
  usePageTitle,
  useSession,
  useTRPC,
  type RouterOutputs,
} from "@steward/ui";

import { caseColumns, type CaseItem } from "./case-columns.tsx";
import { clean, PAGE, useDashboardFilter, viewTitle } from "./dashboard-filter.ts";
import { SummaryCards, SummaryTables } from "./dashboard-summary.tsx";
import { Filters } from "./filters.tsx";

type Summary = RouterOutputs["cases"]["summary"];

export function DashboardPage() {
  const trpc = useTRPC();
  const me = useSession();
  const can = useCan();
  const { filter, setFilter, paramsKey } = useDashboardFilter();
  const { sort: _sort, ...summaryFilter } = filter;
  usePageTitle("Dashboard");

  // Every filter, the letters views included, is applied by the API in SQL: one page of cases at a time.
  const summary = useQuery(
    trpc.cases.summary.queryOptions(clean(summaryFilter), { placeholderData: keepPreviousData }),
  );
  const officers = useQuery(
    trpc.users.list.queryOptions({ officersOnly: true }, { enabled: can("read User") || can("assign Case") }),
  );

  return (
    <>
      <span className="govuk-caption-l">{me.user.displayName}</span>
      <h1 className="govuk-heading-l">Dashboard</h1>
      {summary.isError && <QueryError error={summary.error} />}
      {summary.data && <SummaryCards summary={summary.data} setFilter={setFilter} />}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Filters
            key={paramsKey}
            filter={filter}
            summary={summary.data}
            officers={officers.data}
            setFilter={setFilter}
          />
        </div>
        <div className="govuk-grid-column-two-thirds">{summary.data && <SummaryTables summary={summary.data} />}</div>
      </div>
      <CaseList summary={summary.data} />
    </>
  );
}

/** One page of the cases the filter selects, with every page of them as CSV. */
function CaseList({ summary }: { summary: Summary | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { filter, offset, setOffset } = useDashboardFilter();
  const listInput = clean({ ...filter, limit: PAGE, offset });
  const list = useQuery(trpc.cases.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const fetchAll = () =>
    fetchAllPages<CaseItem>((from, limit) =>
      queryClient.fetchQuery(trpc.cases.list.queryOptions(clean({ ...filter, limit, offset: from }))),
    );
  const columns = caseColumns(summary);
  const total = list.data?.total ?? 0;
  const view = viewTitle(filter);
  return (
    <>
      <h2 className="govuk-heading-l" id="cases">
        {view}
      </h2>
      {list.isError && <QueryError error={list.error} />}
      {list.isPending ? (
        <Loading what="Loading cases" />
      ) : (
        <>
          <p className="govuk-body" role="status">
            {plural(total, "case")}
            {filter.search ? ` matching “${filter.search}”` : ""}
          </p>
          <div className="steward-table-scroll">
            <DataTable
              caption={`${view}, page ${Math.floor(offset / PAGE) + 1}`}
              captionSize="s"
              columns={columns}
              rows={list.data?.items ?? []}
              rowKey={(r) => r.id}
              empty="No cases match these filters."
            />
          </div>
          <CsvButton filename="cases.csv" columns={columns} fetchAll={fetchAll} />
          <Pagination total={total} limit={PAGE} offset={offset} onChange={setOffset} />
        </>
      )}
    </>
  );
}
