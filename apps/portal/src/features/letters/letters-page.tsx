import { Link } from "react-router";

import { DataTable, formatDate, Loading, QueryError, usePageTitle, type Column } from "@steward/ui";

import { useSchoolLetters, type SchoolLetter } from "../school-case.ts";
import { LetterResponse } from "./letter-response.tsx";
import { LetterStatus } from "./letter-status.tsx";

const COLUMNS: Column<SchoolLetter>[] = [
  {
    heading: "Letter",
    cell: (l) => (
      <Link className="govuk-link" to={`/letters/${l.id}`}>
        {l.letterType.label}
      </Link>
    ),
  },
  { heading: "Issued", cell: (l) => formatDate(l.issuedOn) },
  { heading: "Respond by", cell: (l) => formatDate(l.deadline) || "No deadline" },
  { heading: "Status", cell: (l) => <LetterStatus letter={l} /> },
  { heading: "What the school sends back", cell: (l) => (l.response ? <LetterResponse letter={l} /> : "Nothing") },
];

/** The letters and notices the local authority has sent the school, newest first. */
export function LettersPage() {
  const { data, isPending, error } = useSchoolLetters();
  usePageTitle("Letters and notices");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const letters = [...data.letters].sort((a, b) => (b.issuedOn ?? "").localeCompare(a.issuedOn ?? ""));
  return (
    <>
      <h1 className="govuk-heading-l">Letters and notices</h1>
      <DataTable
        caption="Letters and notices from the local authority"
        columns={COLUMNS}
        rows={letters}
        rowKey={(l) => l.id}
        empty="No letters."
      />
    </>
  );
}
