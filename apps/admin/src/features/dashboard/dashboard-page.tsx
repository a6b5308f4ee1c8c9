import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";

import {
  Checkboxes,
  CsvButton,
  DataTable,
  formatDate,
  humanise,
  Loading,
  Pagination,
  plural,
  QueryError,
  Select,
  Tag,
  TextInput,
  today,
  useCan,
  usePageTitle,
  useSession,
  useTRPC,
  type Column,
  type RouterInputs,
  type RouterOutputs,
} from "@steward/ui";

import { GOVERNANCE, governanceLabel, PHASES } from "../../lib/vocabulary.ts";
import { CategoryChart } from "./category-chart.tsx";

type CaseItem = RouterOutputs["cases"]["list"]["items"][number];
type Summary = RouterOutputs["cases"]["summary"];
type Filter = RouterInputs["cases"]["summary"];

const PAGE = 25;
const FILTER_KEYS = [
  "search",
  "category",
  "stage",
  "phase",
  "governance",
  "officerId",
  "mine",
  "overdue",
  "dueBy",
  "letters",
  "pastDeadline",
  "sort",
] as const;

/** Reads the dashboard's filters from the address, so a filtered view can be bookmarked and shared. */
function readFilter(params: URLSearchParams): Filter & { sort?: "school" | "next-visit" | "category" | "stage" } {
  const get = (key: string) => params.get(key) || undefined;
  return {
    search: get("search"),
    category: get("category"),
    stage: get("stage"),
    phase: get("phase"),
    governance: get("governance") as Filter["governance"],
    officerId: get("officerId"),
    mine: params.get("mine") === "1" || undefined,
    overdue: params.get("overdue") === "1" || undefined,
    dueBy: get("dueBy"),
    awaitingAcknowledgement: params.get("letters") === "1" || undefined,
    lettersPastDeadline: params.get("pastDeadline") === "1" || undefined,
    sort: get("sort") as "school" | undefined,
  };
}

const clean = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "" && v !== false)) as T;

export function DashboardPage() {
  const trpc = useTRPC();
  const me = useSession();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const offset = Number(params.get("offset") ?? 0) || 0;
  const { sort, ...summaryFilter } = filter;
  usePageTitle("Dashboard");

  // Every filter, the letters views included, is applied by the API in SQL: one page of cases at a time.
  const summary = useQuery(
    trpc.cases.summary.queryOptions(clean(summaryFilter), { placeholderData: keepPreviousData }),
  );
  const listInput = clean({ ...summaryFilter, sort, limit: PAGE, offset });
  const list = useQuery(trpc.cases.list.queryOptions(listInput, { placeholderData: keepPreviousData }));
  const officers = useQuery(
    trpc.users.list.queryOptions({ officersOnly: true }, { enabled: can("read User") || can("assign Case") }),
  );

  const setFilter = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("offset");
    setParams(next);
  };

  const fetchAll = async () => {
    const rows: CaseItem[] = [];
    for (let from = 0; ; from += 1000) {
      const page = await queryClient.fetchQuery(
        trpc.cases.list.queryOptions(clean({ ...summaryFilter, sort, limit: 1000, offset: from })),
      );
      rows.push(...page.items);
      if (rows.length >= page.total || page.items.length === 0) break;
    }
    return rows;
  };

  const categories = summary.data?.byCategory ?? [];
  const categoryOf = (key: string | null) => categories.find((c) => c.key === key);
  const stageOf = (key: string | null) => summary.data?.byStage.find((s) => s.key === key);
  const columns: Column<CaseItem>[] = [
    {
      heading: "School",
      cell: (r) => (
        <Link className="govuk-link" to={`/cases/${r.id}`}>
          {r.school.name}
        </Link>
      ),
      csv: (r) => r.school.name,
    },
    { heading: "URN", cell: (r) => r.school.urn, csv: (r) => r.school.urn },
    {
      heading: "Category",
      cell: (r) =>
        r.category ? (
          <Tag colour={categoryOf(r.category)?.colour}>{categoryOf(r.category)?.label ?? r.category}</Tag>
        ) : (
          "Not categorised"
        ),
      csv: (r) => (r.category ? (categoryOf(r.category)?.label ?? r.category) : ""),
    },
    {
      heading: "Stage",
      cell: (r) => stageOf(r.stage)?.label ?? humanise(r.stage),
      csv: (r) => stageOf(r.stage)?.label ?? r.stage ?? "",
    },
    {
      heading: "Officer",
      cell: (r) => r.assignedOfficer?.name ?? "Not assigned",
      csv: (r) => r.assignedOfficer?.name ?? "",
    },
    {
      heading: "Next visit due",
      cell: (r) =>
        r.nextVisitDue ? (
          <>
            {formatDate(r.nextVisitDue)}
            {r.overdue && (
              <>
                {" "}
                <Tag colour="red">Overdue</Tag>
              </>
            )}
          </>
        ) : (
          "None due"
        ),
      csv: (r) => r.nextVisitDue ?? "",
    },
    {
      heading: "Open letters",
      cell: (r) =>
        r.openLetters === null ? (
          "—"
        ) : r.openLetters > 0 ? (
          <>
            {r.openLetters}
            {r.letterDeadline && (
              <span className="govuk-body-s govuk-!-display-block">
                respond by {formatDate(r.letterDeadline)}
                {r.letterDeadline < today() && (
                  <>
                    {" "}
                    <Tag colour="red">Past deadline</Tag>
                  </>
                )}
              </span>
            )}
          </>
        ) : (
          "0"
        ),
      csv: (r) => r.openLetters ?? "",
    },
    { heading: "Phase", cell: (r) => humanise(r.school.phase), csv: (r) => r.school.phase ?? "" },
    { heading: "Governance", cell: (r) => governanceLabel(r.school.governance), csv: (r) => r.school.governance },
  ];

  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const view = filter.mine
    ? "My caseload"
    : filter.overdue
      ? "Overdue visits"
      : filter.dueBy
        ? "Visits due this half-term"
        : filter.lettersPastDeadline
          ? "Letters past their deadline"
          : filter.awaitingAcknowledgement
            ? "Letters awaiting acknowledgement"
            : "Cases";

  return (
    <>
      <span className="govuk-caption-l">{me.user.displayName}</span>
      <h1 className="govuk-heading-l">Dashboard</h1>
      {summary.isError && <QueryError error={summary.error} />}
      {summary.data && <SummaryCards summary={summary.data} setFilter={setFilter} />}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Filters
            key={params.toString()}
            filter={filter}
            summary={summary.data}
            officers={officers.data}
            setFilter={setFilter}
          />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {summary.data && (
            <>
              <h2 className="govuk-heading-m">Schools by category</h2>
              <CategoryChart counts={summary.data.byCategory} />
              <DataTable
                caption="Schools by category"
                captionSize="s"
                columns={[
                  { heading: "Category", cell: (c) => <Tag colour={c.colour}>{c.label}</Tag>, csv: (c) => c.label },
                  {
                    heading: "Schools",
                    cell: (c) => (
                      <Link className="govuk-link" to={`?category=${encodeURIComponent(c.key)}`}>
                        {c.count}
                        <span className="govuk-visually-hidden"> schools: {c.label}</span>
                      </Link>
                    ),
                    csv: (c) => c.count,
                    numeric: true,
                  },
                ]}
                rows={summary.data.byCategory}
                rowKey={(c) => c.key}
              />
              <CsvButton
                filename="schools-by-category.csv"
                rows={summary.data.byCategory}
                columns={[
                  { heading: "Category", cell: () => null, csv: (c) => c.label },
                  { heading: "Schools", cell: () => null, csv: (c) => c.count },
                ]}
              />
              <DataTable
                caption="Cases by escalation stage"
                captionSize="s"
                columns={[
                  { heading: "Stage", cell: (s) => s.label, csv: (s) => s.label },
                  {
                    heading: "Cases",
                    cell: (s) => (
                      <Link className="govuk-link" to={`?stage=${encodeURIComponent(s.key)}`}>
                        {s.count}
                        <span className="govuk-visually-hidden"> cases at {s.label}</span>
                      </Link>
                    ),
                    csv: (s) => s.count,
                    numeric: true,
                  },
                ]}
                rows={summary.data.byStage}
                rowKey={(s) => s.key}
              />
              <CsvButton
                filename="cases-by-stage.csv"
                rows={summary.data.byStage}
                columns={[
                  { heading: "Stage", cell: () => null, csv: (s) => s.label },
                  { heading: "Cases", cell: () => null, csv: (s) => s.count },
                ]}
              />
            </>
          )}
        </div>
      </div>

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
              rows={rows}
              rowKey={(r) => r.id}
              empty="No cases match these filters."
            />
          </div>
          <CsvButton filename="cases.csv" columns={columns} fetchAll={fetchAll} />
          <Pagination
            total={total}
            limit={PAGE}
            offset={offset}
            onChange={(o) => setParams((p) => (p.set("offset", String(o)), p))}
          />
        </>
      )}
    </>
  );
}

function SummaryCards({
  summary,
  setFilter,
}: {
  summary: Summary;
  setFilter: (changes: Record<string, string | undefined>) => void;
}) {
  const none = Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]));
  const cards = [
    { label: "Open cases", count: summary.cases, onClick: () => setFilter(none) },
    {
      label: summary.halfTerm
        ? `Visits due this half-term (${summary.halfTerm.label}, to ${formatDate(summary.halfTerm.ends)})`
        : "Visits due by the end of the half-term",
      count: summary.dueThisHalfTerm,
      onClick: () => setFilter({ ...none, dueBy: summary.halfTerm?.ends }),
    },
    { label: "Visits overdue", count: summary.overdue, onClick: () => setFilter({ ...none, overdue: "1" }) },
    {
      label: "Letters awaiting acknowledgement",
      count: summary.lettersAwaitingAcknowledgement,
      onClick: () => setFilter({ ...none, letters: "1" }),
    },
    {
      label: "Letters past their deadline",
      count: summary.lettersPastDeadline,
      onClick: () => setFilter({ ...none, pastDeadline: "1" }),
    },
  ];
  return (
    <ul className="steward-cards" aria-label="At a glance">
      {cards.map((card) => (
        <li key={card.label} className="steward-card">
          <a
            href="#cases"
            className="govuk-link steward-card__link"
            onClick={(event) => {
              event.preventDefault();
              card.onClick();
              document.getElementById("cases")?.scrollIntoView();
            }}
          >
            <span className="steward-card__count">{card.count}</span>
            <span className="steward-card__label">{card.label}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Filters({
  filter,
  summary,
  officers,
  setFilter,
}: {
  filter: ReturnType<typeof readFilter>;
  summary?: Summary | undefined;
  officers?: RouterOutputs["users"]["list"] | undefined;
  setFilter: (changes: Record<string, string | undefined>) => void;
}) {
  const [search, setSearch] = useState(filter.search ?? "");
  const [category, setCategory] = useState(filter.category ?? "");
  const [stage, setStage] = useState(filter.stage ?? "");
  const [phase, setPhase] = useState(filter.phase ?? "");
  const [governance, setGovernance] = useState<string>(filter.governance ?? "");
  const [officerId, setOfficerId] = useState(filter.officerId ?? "");
  const [mine, setMine] = useState<string[]>(filter.mine ? ["mine"] : []);
  const [sort, setSort] = useState<string>(filter.sort ?? "");
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      search: search.trim(),
      category,
      stage,
      phase,
      governance,
      officerId,
      mine: mine.length ? "1" : undefined,
      sort,
    });
  };
  return (
    <form noValidate onSubmit={apply} className="steward-filters" aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter cases
      </h2>
      <TextInput id="search" label="School name or URN" value={search} onChange={setSearch} inputMode="search" />
      <Checkboxes
        id="mine"
        label="Caseload"
        small
        options={[{ value: "mine", label: "Only my caseload" }]}
        values={mine}
        onChange={setMine}
      />
      <Select
        id="category"
        label="Category"
        value={category}
        onChange={setCategory}
        placeholder="Any category"
        options={(summary?.byCategory ?? []).map((c) => ({ value: c.key, label: c.label }))}
      />
      <Select
        id="stage"
        label="Escalation stage"
        value={stage}
        onChange={setStage}
        placeholder="Any stage"
        options={(summary?.byStage ?? []).map((s) => ({ value: s.key, label: s.label }))}
      />
      <Select
        id="phase"
        label="Phase"
        value={phase}
        onChange={setPhase}
        placeholder="Any phase"
        options={PHASES.map((p) => ({ value: p, label: humanise(p) }))}
      />
      <Select
        id="governance"
        label="Governance"
        value={governance}
        onChange={setGovernance}
        placeholder="Any governance"
        options={GOVERNANCE.map((g) => ({ value: g.value, label: g.label }))}
      />
      {officers && (
        <Select
          id="officerId"
          label="Officer"
          value={officerId}
          onChange={setOfficerId}
          placeholder="Any officer"
          options={officers.map((o) => ({ value: o.id, label: o.displayName }))}
        />
      )}
      <Select
        id="sort"
        label="Sort by"
        value={sort}
        onChange={setSort}
        options={[
          { value: "", label: "School name" },
          { value: "next-visit", label: "Next visit due" },
          { value: "category", label: "Category" },
          { value: "stage", label: "Stage" },
        ]}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" to="/">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
