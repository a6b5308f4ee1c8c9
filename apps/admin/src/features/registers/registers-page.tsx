import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";

import {
  answerText,
  DataTable,
  downloadFile,
  FilterForm,
  formatDate,
  Loading,
  Pagination,
  plural,
  QueryError,
  Tag,
  usePageTitle,
  useTRPC,
  type Column,
  type FilterField,
  type RouterInputs,
  type RouterOutputs,
} from "@steward/ui";

type List = RouterOutputs["registers"]["listEntries"];
type Entry = List["items"][number];
type Filter = Omit<RouterInputs["registers"]["exportEntries"], "limit" | "offset">;
const PAGE = 50;

/** The filter, read from the address so a search can be bookmarked. */
function readFilter(params: URLSearchParams): Filter {
  const get = (key: string) => params.get(key) ?? "";
  const status = get("status");
  return {
    ...(get("register") ? { register: get("register") } : {}),
    ...(status === "open" || status === "closed" ? { status } : {}),
    ...(get("school") ? { school: get("school") } : {}),
    ...(get("occurredFrom") ? { occurredFrom: get("occurredFrom") } : {}),
    ...(get("occurredTo") ? { occurredTo: get("occurredTo") } : {}),
  };
}

function columns(registers: List["registers"], chosen: string | undefined): Column<Entry>[] {
  const labelOf = (key: string) => registers.find((r) => r.key === key)?.label ?? key;
  const fields = registers.find((r) => r.key === chosen)?.fields;
  return [
    { heading: "Date it happened", cell: (e) => formatDate(e.occurredOn) },
    {
      heading: "School",
      cell: (e) => (
        <Link className="govuk-link" to={`/cases/${e.caseId}/registers`}>
          {e.school.name}
          <span className="govuk-visually-hidden"> (URN {e.school.urn})</span>
        </Link>
      ),
    },
    ...(chosen ? [] : [{ heading: "Register", cell: (e: Entry) => labelOf(e.register) }]),
    ...(fields
      ? fields.map((f) => ({ heading: f.title, cell: (e: Entry) => answerText(e.fields[f.key]) }))
      : [
          {
            heading: "Details",
            cell: (e: Entry) => (
              <span className="govuk-body-s">
                {Object.values(e.fields).map(answerText).filter(Boolean).join("; ").slice(0, 200)}
              </span>
            ),
          },
        ]),
    { heading: "Logged by", cell: (e) => e.loggedBy },
    {
      heading: "Status",
      cell: (e) => (e.status === "open" ? <Tag colour="blue">Open</Tag> : <Tag colour="grey">Closed</Tag>),
    },
  ];
}

/** Entries across schools in the registers the user may read, with filters, paging and a CSV of the filter. */
export function RegistersListPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  usePageTitle("Registers");
  const filter = readFilter(params);
  const offset = Number(params.get("offset") ?? 0) || 0;
  const list = useQuery(
    trpc.registers.listEntries.queryOptions({ ...filter, limit: PAGE, offset }, { placeholderData: keepPreviousData }),
  );
  const download = async () => {
    const file = await queryClient.fetchQuery(trpc.registers.exportEntries.queryOptions(filter, { staleTime: 0 }));
    downloadFile(file.filename, file.csv, "text/csv;charset=utf-8");
  };
  return (
    <>
      <h1 className="govuk-heading-l">Registers</h1>
      {list.isError && <QueryError error={list.error} />}
      {list.isPending ? (
        <Loading />
      ) : (
        list.data && (
          <>
            <RegisterFilters
              key={params.toString()}
              filter={filter}
              registers={list.data.registers}
              onApply={setParams}
            />
            <p className="govuk-body" role="status">
              {plural(list.data.total, "entry", "entries")}
            </p>
            <div className="steward-table-scroll">
              <DataTable
                caption={
                  list.data.registers.find((r) => r.key === filter.register)?.label ?? "Entries in every register"
                }
                captionSize="s"
                columns={columns(list.data.registers, filter.register)}
                rows={list.data.items}
                rowKey={(e) => e.id}
                empty="No entries match."
              />
            </div>
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
              data-module="govuk-button"
              onClick={() => void download()}
            >
              Download CSV<span className="govuk-visually-hidden"> of the entries that match</span>
            </button>
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

function RegisterFilters({
  filter,
  registers,
  onApply,
}: {
  filter: Filter;
  registers: List["registers"];
  onApply: (params: Record<string, string>) => void;
}) {
  const fields: FilterField[] = [
    {
      kind: "select",
      name: "register",
      label: "Register",
      placeholder: "Every register",
      options: registers.map((r) => ({ value: r.key, label: r.label })),
    },
    {
      kind: "select",
      name: "status",
      label: "Status",
      placeholder: "Any",
      options: [
        { value: "open", label: "Open" },
        { value: "closed", label: "Closed" },
      ],
    },
    { kind: "text", name: "school", label: "School name or URN", search: true },
    { kind: "date", name: "occurredFrom", label: "Happened on or after" },
    { kind: "date", name: "occurredTo", label: "Happened on or before" },
  ];
  return <FilterForm fields={fields} initial={filter} onApply={onApply} />;
}
