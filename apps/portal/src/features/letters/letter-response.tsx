/**
 * The school form a letter asks for: "Action plan due 15 December 2026" with a link to fill it in, overdue once
 * the date has gone by (the server's clock says which), "received on …" with a link to it once it came.
 */
import { Link } from "react-router";

import { formatDate, Tag, useCan } from "@steward/ui";

import type { CaseView } from "../school-case.ts";

type Letter = CaseView["letters"][number];

export function LetterResponse({ letter }: { letter: Letter }) {
  const can = useCan();
  const response = letter.response;
  if (!response) return null;
  if (response.status === "received")
    return (
      <>
        {response.label} received{response.receivedOn ? ` on ${formatDate(response.receivedOn)}` : ""}
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
