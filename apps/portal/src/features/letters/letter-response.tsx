/**
 * The school form a letter asks for: "Action plan due 15 December 2026" with a link to fill it in, overdue once
 * the date has gone by (the server's clock says which), "received on …" with a link to it once it came.
 */
import { Link } from "react-router";

import { formatDate, Tag, useCan } from "@steward/ui";

import type { SchoolLetter as Letter } from "../school-case.ts";

export function LetterResponse({ letter, withLetter = false }: { letter: Letter; withLetter?: boolean }) {
  const can = useCan();
  const response = letter.response;
  if (!response) return null;
  // Away from the letter's own page, say which letter asks for it: "… for the Warning notice of 24 November 2026".
  const forLetter = withLetter && (
    <>
      {" "}
      for the{" "}
      <Link className="govuk-link" to={`/letters/${letter.id}`}>
        {letter.letterType.label}
      </Link>
      {letter.issuedOn ? ` of ${formatDate(letter.issuedOn)}` : ""}
    </>
  );
  if (response.status === "received")
    return (
      <>
        {response.label} received{response.receivedOn ? ` on ${formatDate(response.receivedOn)}` : ""}
        {forLetter}
        {response.responseId && can("read FormResponse") && (
          <>
            {" "}
            <Link className="govuk-link" to={`/forms/responses/${response.responseId}`}>
              View it<span className="govuk-visually-hidden"> ({response.label})</span>
            </Link>
          </>
        )}
      </>
    );
  return (
    <>
      {response.label} due {formatDate(response.due)}
      {forLetter}
      {response.status === "overdue" && (
        <>
          {" "}
          <Tag colour="red">Overdue</Tag>
        </>
      )}
      {/* Only someone who may fill in the school's forms is offered to (a clerk who reads letters is not). */}
      {can("create FormResponse") && (
        <>
          {" "}
          <Link className="govuk-link" to={`/forms/new/${response.form}`}>
            Fill in the {response.label.toLowerCase()}
          </Link>
        </>
      )}
    </>
  );
}

/**
 * The forms the school's letters ask it to send back, while they are awaited (the earliest due first), each
 * tied to its letter: "Action plan due 15 December 2026 for the Warning notice of 1 December 2026".
 */
export function ResponsesDue({ letters }: { letters: readonly Letter[] }) {
  const due = letters
    .filter((l) => l.response && l.response.status !== "received")
    .sort((a, b) => (a.response?.due ?? "").localeCompare(b.response?.due ?? ""));
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="responses-due">
      <h2 className="govuk-heading-m" id="responses-due">
        Responses due
      </h2>
      <ul className="govuk-list" data-testid="responses-due">
        {due.map((l) => (
          <li key={l.id}>
            <LetterResponse letter={l} withLetter />
          </li>
        ))}
      </ul>
    </section>
  );
}
