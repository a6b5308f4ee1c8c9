import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";

import {
  CsvButton,
  DataTable,
  humanise,
  Loading,
  Pagination,
  plural,
  QueryError,
  Select,
  TextInput,
  useCan,
  usePageTitle,
  useTRPC,
  type Column,
  type RouterInputs,
  type RouterOutputs,
} from "@steward/ui";

import { GOVERNANCE, governanceLabel, PHASES } from "../../lib/vocabulary.ts";

type School = RouterOutputs["schools"]["list"]["items"][number];
type Filter = RouterInputs["schools"]["list"];
const PAGE = 50;

export function SchoolsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  usePageTitle("Schools");
  const filter: Filter = {
    ...(params.get("search") ? { search: params.get("search")! } : {}),
    ...(params.get("phase") ? { phase: params.get("phase")! } : {}),
    ...(params.get("governance") ? { governance: params.get("governance") as Filter["governance"] } : {}),
    ...(params.get("status") ? { status: params.get("status") as Filter["status"] } : {}),
  };
  const offset = Number(params.get("offset") ?? 0) || 0;
  const list = useQuery(
    trpc.schools.list.queryOptions({ ...filter, limit: PAGE, offset }, { placeholderData: keepPreviousData }),
  );
  const [search, setSearch] = useState(filter.search ?? "");
  const [phase, setPhase] = useState(filter.phase ?? "");
  const [governance, setGovernance] = useState<string>(filter.governance ?? "");
  const [status, setStatus] = useState<string>(filter.status ?? "");
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(
      Object.fromEntries(Object.entries({ search: search.trim(), phase, governance, status }).filter(([, v]) => v)),
    );
  };
  const columns: Column<School>[] = [
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
  const fetchAll = async () => {
    const rows: School[] = [];
    for (let from = 0; ; from += 1000) {
      const page = await queryClient.fetchQuery(
        trpc.schools.list.queryOptions({ ...filter, limit: 1000, offset: from }),
      );
      rows.push(...page.items);
      if (rows.length >= page.total || page.items.length === 0) return rows;
    }
  };
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
      <form noValidate onSubmit={apply} className="steward-inline-filters">
        <TextInput id="search" label="Name, URN or LAESTAB" value={search} onChange={setSearch} inputMode="search" />
        <Select
          id="phase"
          label="Phase"
          value={phase}
          onChange={setPhase}
          placeholder="Any"
          options={PHASES.map((p) => ({ value: p, label: humanise(p) }))}
        />
        <Select
          id="governance"
          label="Governance"
          value={governance}
          onChange={setGovernance}
          placeholder="Any"
          options={GOVERNANCE.map((g) => ({ value: g.value, label: g.label }))}
        />
        <Select
          id="status"
          label="Status"
          value={status}
          onChange={setStatus}
          placeholder="Any"
          options={["open", "closed", "proposed"].map((s) => ({ value: s, label: humanise(s) }))}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Search
        </button>
      </form>
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
                columns={columns}
                rows={list.data.items}
                rowKey={(s) => String(s.urn)}
                empty="No schools match."
              />
            </div>
            <CsvButton filename="schools.csv" columns={columns} fetchAll={fetchAll} />
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
