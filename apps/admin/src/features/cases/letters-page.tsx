import { Link } from "react-router";

import { DataTable, formatDate, usePageTitle, type Column } from "@steward/ui";

import { useCase, type CaseView } from "./case-context.tsx";
import { LetterStatus, responseText } from "./letter-status.tsx";

type Letter = CaseView["letters"][number];

const COLUMNS: Column<Letter>[] = [
  {
    heading: "Letter",
    cell: (l) => (
      <>
        <Link className="govuk-link" to={l.id}>
          {l.letterType.label}
        </Link>
        <span className="govuk-body-s govuk-!-display-block">{l.subject}</span>
      </>
    ),
  },
  { heading: "Status", cell: (l) => <LetterStatus letter={l} /> },
  { heading: "Issued", cell: (l) => formatDate(l.issuedOn) || "Not issued" },
  { heading: "Deadline", cell: (l) => formatDate(l.deadline) || "None" },
  { heading: "School's response", cell: (l) => responseText(l) ?? "None asked for" },
  {
    heading: "Acknowledged",
    cell: (l) => (l.acknowledgedAt ? `${formatDate(l.acknowledgedAt)} by ${l.acknowledgedBy}` : "Not yet"),
  },
];

/** The case's letters and notices, newest first. */
export function LettersPage() {
  const { view } = useCase();
  usePageTitle(`${view.school.name}: letters`);
  const letters = [...view.letters].sort((a, b) => b.draftedAt.localeCompare(a.draftedAt));
  return (
    <>
      <h2 className="govuk-heading-l">Letters and notices</h2>
      {view.can.draftLetter && view.status === "open" && (
        <Link to="new" className="govuk-button" data-module="govuk-button" role="button">
          Draft a letter or notice
        </Link>
      )}
      <DataTable
        caption="Letters and notices on this case"
        columns={COLUMNS}
        rows={letters}
        rowKey={(l) => l.id}
        empty="No letters yet."
      />
    </>
  );
}
