/** One letter: its details, a preview, and the next step (approve, issue), the PDF and the acknowledgement. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";

import {
  BackLink,
  downloadBase64,
  ErrorPage,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  LetterActions,
  LetterHtml,
  readProblems,
  SuccessBanner,
  SummaryList,
  Textarea,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useCase, type CaseView } from "./case-context.tsx";
import { LetterStatus, responseText } from "./letter-status.tsx";

type Letter = CaseView["letters"][number];

/** The letter's commands, each reporting its problems or, once the case is fresh again, what it did. */
function useLetterCommands(setProblems: (problems: Problem[]) => void, setDone: (message: string) => void) {
  const { refresh } = useCase();
  const trpc = useTRPC();
  const after = (message: string) => ({
    onSuccess: async () => {
      setProblems([]);
      await refresh();
      setDone(message);
    },
    onError: (e: unknown) => setProblems(readProblems(e)),
  });
  return {
    approve: useMutation(trpc.letters.approve.mutationOptions(after("Letter approved"))),
    issue: useMutation(trpc.letters.issue.mutationOptions(after("Letter issued to the school"))),
    complete: useMutation(trpc.letters.completeActions.mutationOptions(after("Actions recorded as complete"))),
    close: useMutation(trpc.letters.close.mutationOptions(after("Letter closed"))),
  };
}
type LetterCommands = ReturnType<typeof useLetterCommands>;
type LetterRef = { caseId: string; expectedVersion: number; letterId: string };

export function LetterPage() {
  const { letterId = "" } = useParams();
  const { view } = useCase();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | undefined>(
    new URLSearchParams(window.location.search).get("drafted") ? "Draft created: check the preview" : undefined,
  );
  const letter = view.letters.find((l) => l.id === letterId);
  usePageTitle(letter ? `${letter.letterType.label}: ${view.school.name}` : "Letter not found");
  const commands = useLetterCommands(setProblems, setDone);
  if (!letter) return <ErrorPage error={new Error("There is no such letter on this case.")} title="Letter not found" />;
  const ref = { caseId: view.id, expectedVersion: view.version, letterId: letter.id };
  return (
    <>
      <BackLink to={`/cases/${view.id}/letters`}>Back to letters</BackLink>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <h2 className="govuk-heading-l">
        <span className="govuk-caption-m">{letter.letterType.label}</span>
        {letter.subject}
      </h2>
      <LetterSummary letter={letter} />
      <LetterButtons letter={letter} letterRef={ref} commands={commands} setProblems={setProblems} />
      <h3 className="govuk-heading-m">{letter.status === "draft" ? "Preview" : "The letter"}</h3>
      <LetterHtml html={letter.html} label={`${letter.letterType.label}: ${letter.subject}`} />
      {letter.can.withdraw && !["withdrawn", "removed"].includes(letter.status) && (
        <CloseLetter letter={letter} letterRef={ref} close={commands.close} problems={problems} />
      )}
    </>
  );
}

function acknowledgement(letter: Letter): string {
  if (letter.acknowledgedAt) return `${formatDateTime(letter.acknowledgedAt)} by ${letter.acknowledgedBy}`;
  return letter.status === "issued" ? "Not yet acknowledged by the school" : "Not issued yet";
}

function LetterSummary({ letter }: { letter: Letter }) {
  return (
    <SummaryList
      rows={[
        { key: "Status", value: <LetterStatus letter={letter} /> },
        { key: "Drafted", value: `${formatDateTime(letter.draftedAt)} by ${letter.draftedBy}` },
        letter.approvedBy !== undefined && { key: "Approved by", value: letter.approvedBy },
        letter.issuedOn !== undefined && { key: "Issued", value: formatDate(letter.issuedOn) },
        letter.deadline !== undefined && { key: "Deadline", value: formatDate(letter.deadline) },
        letter.reviewDate !== undefined && { key: "Review", value: formatDate(letter.reviewDate) },
        { key: "Acknowledged", value: acknowledgement(letter) },
        letter.response !== undefined && { key: "School's response", value: responseText(letter) },
        {
          key: "To",
          value: letter.recipients
            .filter((r) => !r.copy)
            .map((r) => r.name)
            .join(", "),
        },
        letter.recipients.some((r) => r.copy) && {
          key: "Copy",
          value: letter.recipients
            .filter((r) => r.copy)
            .map((r) => r.name)
            .join(", "),
        },
        letter.parameters !== undefined &&
          letter.parameters.length > 0 && {
            key: "Details",
            value: (
              <dl className="govuk-body">
                {letter.parameters.map((p) => (
                  <div key={p.field}>
                    <dt className="govuk-!-font-weight-bold">{p.title}</dt>
                    <dd className="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{p.value}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
        {
          key: "Indicators",
          value: (
            <ul className="govuk-list govuk-list--bullet">
              {letter.indicators.map((i) => (
                <li key={i.key}>
                  {i.text}
                  <span className="govuk-body-s govuk-!-display-block">Evidence: {i.evidence}</span>
                </li>
              ))}
            </ul>
          ),
        },
        letter.actions.length > 0 && {
          key: "Actions",
          value: <LetterActions actions={letter.actions} />,
        },
        letter.actions.length > 0 && { key: "Actions complete", value: letter.actionsComplete ? "Yes" : "No" },
        letter.closedReason !== undefined && { key: "Closed", value: letter.closedReason },
      ]}
    />
  );
}

/** The next step the letter allows (approve, issue, record its actions complete) and its PDF. */
function LetterButtons({
  letter,
  letterRef,
  commands,
  setProblems,
}: {
  letter: Letter;
  letterRef: LetterRef;
  commands: LetterCommands;
  setProblems: (problems: Problem[]) => void;
}) {
  const { view } = useCase();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const eligible = useQuery(trpc.letters.eligible.queryOptions({ caseId: view.id }));
  const needsApproval = eligible.data?.find((t) => t.key === letter.letterType.key)?.approvalRequired ?? false;
  const { approve, issue, complete } = commands;
  const download = async () => {
    try {
      const pdf = await queryClient.fetchQuery(
        trpc.letters.pdf.queryOptions({ caseId: view.id, letterId: letter.id }, { staleTime: 0 }),
      );
      downloadBase64(pdf.filename, pdf.base64);
    } catch (error) {
      setProblems(readProblems(error));
    }
  };
  const inForce = letter.status === "issued" || letter.status === "acknowledged";
  return (
    <div className="govuk-button-group">
      {letter.status === "draft" && needsApproval && letter.can.approve && (
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          disabled={approve.isPending}
          onClick={() => approve.mutate(letterRef)}
        >
          Approve the letter
        </button>
      )}
      {(letter.status === "approved" || (letter.status === "draft" && !needsApproval)) && letter.can.issue && (
        <button
          type="button"
          className="govuk-button"
          data-module="govuk-button"
          disabled={issue.isPending}
          onClick={() => issue.mutate(letterRef)}
        >
          Issue the letter
        </button>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        onClick={() => void download()}
      >
        Download the PDF
      </button>
      {inForce && letter.actions.length > 0 && !letter.actionsComplete && view.can.issueLetter && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => complete.mutate(letterRef)}
        >
          Record the actions as complete
        </button>
      )}
    </div>
  );
}

/** Withdrawing a letter (or removing a notice in force), with the reason. */
function CloseLetter({
  letter,
  letterRef,
  close,
  problems,
}: {
  letter: Letter;
  letterRef: LetterRef;
  close: LetterCommands["close"];
  problems: Problem[];
}) {
  const [reason, setReason] = useState("");
  const inForce = letter.status === "issued" || letter.status === "acknowledged";
  return (
    <details className="govuk-details govuk-!-margin-top-6">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {letter.status === "draft" || letter.status === "approved"
            ? "Withdraw this letter"
            : "Withdraw or remove this letter"}
        </span>
      </summary>
      <div className="govuk-details__text">
        <Textarea
          id="reason"
          label="Reason"
          value={reason}
          onChange={setReason}
          rows={2}
          error={fieldError(problems, "reason")}
        />
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() => close.mutate({ ...letterRef, outcome: "withdrawn", reason: reason.trim() })}
          >
            Withdraw
          </button>
          {letter.letterType.kind === "notice" && inForce && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => close.mutate({ ...letterRef, outcome: "removed", reason: reason.trim() })}
            >
              Remove the notice
            </button>
          )}
        </div>
      </div>
    </details>
  );
}
