/** The dashboard's counts: cards that switch to a view, and the counts by category and by stage. */
import { Link } from "react-router";

import { CsvButton, DataTable, formatDate, Tag, type RouterOutputs } from "@steward/ui";

import { CategoryChart } from "./category-chart.tsx";
import { FILTER_KEYS, type SetFilter } from "./dashboard-filter.ts";

type Summary = RouterOutputs["cases"]["summary"];

export function SummaryCards({ summary, setFilter }: { summary: Summary; setFilter: SetFilter }) {
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

/** Schools by category (a chart and its table) and cases by stage, each count a link to its cases. */
export function SummaryTables({ summary }: { summary: Summary }) {
  return (
    <>
      <h2 className="govuk-heading-m">Schools by category</h2>
      <CategoryChart counts={summary.byCategory} />
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
        rows={summary.byCategory}
        rowKey={(c) => c.key}
      />
      <CsvButton
        filename="schools-by-category.csv"
        rows={summary.byCategory}
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
        rows={summary.byStage}
        rowKey={(s) => s.key}
      />
      <CsvButton
        filename="cases-by-stage.csv"
        rows={summary.byStage}
        columns={[
          { heading: "Stage", cell: () => null, csv: (s) => s.label },
          { heading: "Cases", cell: () => null, csv: (s) => s.count },
        ]}
      />
    </>
  );
}
