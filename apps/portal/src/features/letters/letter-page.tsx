/** One letter: read it, download it, acknowledge it. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";

import {
  BackLink,
  downloadBase64,
  ErrorPage,
  ErrorSummary,
  formatDate,
  formatDateTime,
  LetterActions,
  LetterHtml,
  Loading,
  QueryError,
  readProblems,
  SuccessBanner,
  SummaryList,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useSchoolLetters, type SchoolLetter as Letter } from "../school-case.ts";
import { LetterResponse } from "./letter-response.tsx";
import { LetterStatus } from "./letter-status.tsx";

export function LetterPage() {
  const { letterId = "" } = useParams();
  const { data, isPending, error } = useSchoolLetters();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState(false);
  const letter = data?.letters.find((l) => l.id === letterId);
  usePageTitle(letter ? letter.letterType.label : "Letter");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  if (!data?.caseId || !letter)
    return <ErrorPage error={new Error("There is no such letter.")} title="Letter not found" />;
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
      <LetterSummary letter={letter} />
      <LetterButtons
        caseId={data.caseId}
        letter={letter}
        setProblems={setProblems}
        onAcknowledged={() => setDone(true)}
      />
      <LetterHtml html={letter.html} label={letter.subject} />
    </>
  );
}

function LetterSummary({ letter }: { letter: Letter }) {
  return (
    <SummaryList
      rows={[
        { key: "Status", value: <LetterStatus letter={letter} /> },
        { key: "Issued", value: formatDate(letter.issuedOn) },
        letter.deadline !== undefined && { key: "Respond by", value: formatDate(letter.deadline) },
        letter.response !== undefined && { key: "Your response", value: <LetterResponse letter={letter} /> },
        letter.recipients.some((r) => r.copy) && {
          key: "Copy",
          value: letter.recipients
            .filter((r) => r.copy)
            .map((r) => r.name)
            .join(", "),
        },
        letter.acknowledgedAt !== undefined && {
          key: "Acknowledged",
          value: `${formatDateTime(letter.acknowledgedAt)}${letter.acknowledgedBy ? ` by ${letter.acknowledgedBy}` : ""}`,
        },
        letter.actions.length > 0 && {
          key: "Actions required",
          value: <LetterActions actions={letter.actions} />,
        },
      ]}
    />
  );
}

/** Acknowledging receipt (while the letter needs it) and downloading the PDF. */
function LetterButtons({
  caseId,
  letter,
  setProblems,
  onAcknowledged,
}: {
  caseId: string;
  letter: Letter;
  setProblems: (problems: Problem[]) => void;
  onAcknowledged: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const acknowledge = useMutation(
    trpc.letters.acknowledge.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        onAcknowledged();
        await queryClient.invalidateQueries({ queryKey: trpc.letters.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const download = async () => {
    try {
      const pdf = await queryClient.fetchQuery(
        trpc.letters.pdf.queryOptions({ caseId, letterId: letter.id }, { staleTime: 0 }),
      );
      downloadBase64(pdf.filename, pdf.base64);
    } catch (e) {
      setProblems(readProblems(e));
    }
  };
  return (
    <div className="govuk-button-group">
      {letter.can.acknowledge && (
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate({ caseId, letterId: letter.id })}
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
  );
}
