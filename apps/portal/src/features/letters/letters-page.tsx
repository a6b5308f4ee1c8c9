import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";

import {
  BackLink,
  downloadBase64,
  ErrorPage,
  ErrorSummary,
  formatDate,
  formatDateTime,
  humanise,
  LetterHtml,
  Loading,
  QueryError,
  readProblems,
  SuccessBanner,
  SummaryList,
  Tag,
  useCan,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useSchoolCase, type CaseView } from "../school-case.ts";

type Letter = CaseView["letters"][number];

function Status({ letter }: { letter: Letter }) {
  if (letter.status === "issued") return <Tag colour="yellow">Needs acknowledging</Tag>;
  if (letter.status === "acknowledged") return <Tag colour="green">Acknowledged</Tag>;
  return <Tag colour="grey">{humanise(letter.status)}</Tag>;
}

export function LettersPage() {
  const { view, isPending, error } = useSchoolCase();
  usePageTitle("Letters and notices");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const letters = [...(view?.letters ?? [])].sort((a, b) => (b.issuedOn ?? "").localeCompare(a.issuedOn ?? ""));
  return (
    <>
      <h1 className="govuk-heading-l">Letters and notices</h1>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Letters and notices from the local authority
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Letter
            </th>
            <th scope="col" className="govuk-table__header">
              Issued
            </th>
            <th scope="col" className="govuk-table__header">
              Respond by
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {letters.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={4}>
                No letters.
              </td>
            </tr>
          )}
          {letters.map((l) => (
            <tr className="govuk-table__row" key={l.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/letters/${l.id}`}>
                  {l.letterType.label}
                </Link>
              </th>
              <td className="govuk-table__cell">{formatDate(l.issuedOn)}</td>
              <td className="govuk-table__cell">{formatDate(l.deadline) || "No deadline"}</td>
              <td className="govuk-table__cell">
                <Status letter={l} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** One letter: read it, download it, acknowledge it. */
export function LetterPage() {
  const { letterId = "" } = useParams();
  const { view, isPending, error } = useSchoolCase();
  const trpc = useTRPC();
  const can = useCan();
  const queryClient = useQueryClient();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const letter = view?.letters.find((l) => l.id === letterId);
  usePageTitle(letter ? letter.letterType.label : "Letter");
  const acknowledge = useMutation(
    trpc.letters.acknowledge.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        setDone(true);
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  if (!view || !letter) return <ErrorPage error={new Error("There is no such letter.")} title="Letter not found" />;
  const download = async () => {
    try {
      const pdf = await queryClient.fetchQuery(
        trpc.letters.pdf.queryOptions({ caseId: view.id, letterId: letter.id }, { staleTime: 0 }),
      );
      downloadBase64(pdf.filename, pdf.base64);
    } catch (e) {
      setProblems(readProblems(e));
    }
  };
  return (
    <>
      <BackLink to="/letters">Back to letters</BackLink>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">Thank you: you have acknowledged this letter.</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{letter.letterType.label}</span>
      <h1 className="govuk-heading-l">{letter.subject}</h1>
      <SummaryList
        rows={[
          { key: "Status", value: <Status letter={letter} /> },
          { key: "Issued", value: formatDate(letter.issuedOn) },
          letter.deadline !== undefined && { key: "Respond by", value: formatDate(letter.deadline) },
          letter.acknowledgedAt !== undefined && {
            key: "Acknowledged",
            value: `${formatDateTime(letter.acknowledgedAt)}${letter.acknowledgedBy ? ` by ${letter.acknowledgedBy}` : ""}`,
          },
          letter.actions.length > 0 && {
            key: "Actions required",
            value: (
              <ul className="govuk-list govuk-list--bullet">
                {letter.actions.map((a, i) => (
                  <li key={i}>
                    {a.text} (by {formatDate(a.due)})
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      <div className="govuk-button-group">
        {letter.status === "issued" && can("acknowledge Letter") && (
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate({ caseId: view.id, letterId: letter.id })}
          >
            Acknowledge receipt
          </button>
        )}
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void download()}
        >
          Download as PDF
        </button>
      </div>
      <LetterHtml html={letter.html} label={letter.subject} />
    </>
  );
}
