import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

import {
  CsvButton,
  DataTable,
  fetchAllPages,
  FilterForm,
  humanise,
  Loading,
  Pagination,
  plural,
  QueryError,
  useCan,
  usePageTitle,
  useTRPC,
  type Column,
  type FilterField,
  type RouterInputs,
  type RouterOutputs,
} from "@steward/ui";

import { GOVERNANCE, governanceLabel, PHASES } from "../../lib/vocabulary.ts";

type School = RouterOutputs["schools"]["list"]["items"][number];
type Filter = RouterInputs["schools"]["list"];
const PAGE = 50;

const STATUSES = ["open", "closed", "proposed"];

/** The register's filter, read from the address so a search can be bookmarked. */
function readFilter(params: URLSearchParams): Filter {
  const get = (key: string) => params.get(key) ?? "";
  return {
    ...(get("search") ? { search: get("search") } : {}),
    ...(get("phase") ? { phase: get("phase") } : {}),
    ...(get("governance") ? { governance: get("governance") as Filter["governance"] } : {}),
    ...(get("status") ? { status: get("status") as Filter["status"] } : {}),
  };
}

const COLUMNS: Column<School>[] = [
  {
    heading: "School",
    cell: (s) => (
      <Link className="govuk-link" to={`/schools/${s.urn}`}>
        {s.name}
      </Link>
    ),
    csv: (s) => s.name,
  },
  { heading: "URN", cell: (s) => s.urn, csv: (s) => s.urn },
  { heading: "LAESTAB", cell: (s) => s.laestab ?? "", csv: (s) => s.laestab },
  { heading: "Phase", cell: (s) => humanise(s.phase), csv: (s) => s.phase },
  { heading: "Governance", cell: (s) => governanceLabel(s.governance), csv: (s) => s.governance },
  { heading: "Trust", cell: (s) => s.trust ?? "", csv: (s) => s.trust },
  { heading: "District", cell: (s) => s.district ?? "", csv: (s) => s.district },
  { heading: "Status", cell: (s) => humanise(s.status), csv: (s) => s.status },
];

export function SchoolsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  usePageTitle("Schools");
  const filter = readFilter(params);
  const offset = Number(params.get("offset") ?? 0) || 0;
  const list = useQuery(
    trpc.schools.list.queryOptions({ ...filter, limit: PAGE, offset }, { placeholderData: keepPreviousData }),
  );
  const fetchAll = () =>
    fetchAllPages<School>((from, limit) =>
      queryClient.fetchQuery(trpc.schools.list.queryOptions({ ...filter, limit, offset: from })),
    );
  return (
    <>
      <h1 className="govuk-heading-l">Schools</h1>
      {can("import School") && (
        <Link
          to="/schools/import"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          role="button"
        >
          Import a GIAS file
        </Link>
      )}
      {can("import School") && (
        <Link
          to="/data/import"
          className="govuk-button govuk-button--secondary govuk-!-margin-left-2"
          data-module="govuk-button"
          role="button"
        >
          Import data
        </Link>
      )}
      <SchoolFilters filter={filter} onApply={setParams} />
      {list.isError && <QueryError error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : (
        list.data && (
          <>
            <p className="govuk-body" role="status">
              {plural(list.data.total, "school")}
            </p>
            <div className="steward-table-scroll">
              <DataTable
                caption="The school register"
                captionSize="s"
                columns={COLUMNS}
                rows={list.data.items}
                rowKey={(s) => String(s.urn)}
                empty="No schools match."
              />
            </div>
            <CsvButton filename="schools.csv" columns={COLUMNS} fetchAll={fetchAll} />
            <Pagination
              total={list.data.total}
              limit={PAGE}
              offset={offset}
              onChange={(o) => setParams((p) => (p.set("offset", String(o)), p))}
            />
          </>
        )
      )}
    </>
  );
}

function SchoolFilters({ filter, onApply }: { filter: Filter; onApply: (params: Record<string, string>) => void }) {
  return <FilterForm fields={SCHOOL_FILTERS} initial={filter} onApply={onApply} />;
}

const SCHOOL_FILTERS: FilterField[] = [
  { kind: "text", name: "search", label: "Name, URN or LAESTAB", search: true },
  {
    kind: "select",
    name: "phase",
    label: "Phase",
    placeholder: "Any",
    options: PHASES.map((p) => ({ value: p, label: humanise(p) })),
  },
  {
    kind: "select",
    name: "governance",
    label: "Governance",
    placeholder: "Any",
    options: GOVERNANCE.map((g) => ({ value: g.value, label: g.label })),
  },
  {
    kind: "select",
    name: "status",
    label: "Status",
    placeholder: "Any",
    options: STATUSES.map((s) => ({ value: s, label: humanise(s) })),
  },
];
