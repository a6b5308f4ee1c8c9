/** The dashboard's list of cases as table (and CSV) columns, labelled from the policy's summary. */
import { Link } from "react-router";

import { formatDate, humanise, Tag, today, type Column, type RouterOutputs } from "@steward/ui";

import { governanceLabel } from "../../lib/vocabulary.ts";

export type CaseItem = RouterOutputs["cases"]["list"]["items"][number];
type Summary = RouterOutputs["cases"]["summary"];

function NextVisitDue({ row }: { row: CaseItem }) {
  if (!row.nextVisitDue) return "None due";
  return (
    <>
      {formatDate(row.nextVisitDue)}
      {row.overdue && (
        <>
          {" "}
          <Tag colour="red">Overdue</Tag>
        </>
      )}
    </>
  );
}

function OpenLetters({ row }: { row: CaseItem }) {
  if (row.openLetters === null) return "—";
  if (row.openLetters === 0) return "0";
  return (
    <>
      {row.openLetters}
      {row.letterDeadline && (
        <span className="govuk-body-s govuk-!-display-block">
          respond by {formatDate(row.letterDeadline)}
          {row.letterDeadline < today() && (
            <>
              {" "}
              <Tag colour="red">Past deadline</Tag>
            </>
          )}
        </span>
      )}
    </>
  );
}

export function caseColumns(summary: Summary | undefined): Column<CaseItem>[] {
  const categoryOf = (key: string | null) => summary?.byCategory.find((c) => c.key === key);
  const stageOf = (key: string | null) => summary?.byStage.find((s) => s.key === key);
  return [
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
    { heading: "Next visit due", cell: (r) => <NextVisitDue row={r} />, csv: (r) => r.nextVisitDue ?? "" },
    { heading: "Open letters", cell: (r) => <OpenLetters row={r} />, csv: (r) => r.openLetters ?? "" },
    { heading: "Phase", cell: (r) => humanise(r.school.phase), csv: (r) => r.school.phase ?? "" },
    { heading: "Governance", cell: (r) => governanceLabel(r.school.governance), csv: (r) => r.school.governance },
  ];
}
