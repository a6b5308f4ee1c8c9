import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";

import {
  BackLink,
  Checkboxes,
  DateInput,
  downloadBase64,
  ErrorPage,
  ErrorSummary,
  fieldError,
  formatDate,
  formatDateTime,
  humanise,
  LetterHtml,
  Loading,
  QueryError,
  Radios,
  readProblems,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { useCase, type CaseView } from "./case-context.tsx";

type Letter = CaseView["letters"][number];

const STATUS_COLOUR: Record<string, string> = {
  draft: "grey",
  approved: "blue",
  issued: "yellow",
  acknowledged: "green",
  withdrawn: "grey",
  removed: "grey",
};

export function LetterStatus({ letter }: { letter: Letter }) {
  const pastDeadline =
    letter.status === "issued" &&
    letter.deadline !== undefined &&
    letter.deadline < new Date().toISOString().slice(0, 10);
  return (
    <>
      <Tag colour={STATUS_COLOUR[letter.status] ?? "grey"}>{humanise(letter.status)}</Tag>
      {pastDeadline && (
        <>
          {" "}
          <Tag colour="red">Past deadline</Tag>
        </>
      )}
    </>
  );
}

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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Letters and notices on this case</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Letter
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              Issued
            </th>
            <th scope="col" className="govuk-table__header">
              Deadline
            </th>
            <th scope="col" className="govuk-table__header">
              Acknowledged
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {letters.length === 0 && (
            <tr className="govuk-table__row">
              <td className="govuk-table__cell" colSpan={5}>
                No letters yet.
              </td>
            </tr>
          )}
          {letters.map((l) => (
            <tr className="govuk-table__row" key={l.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={l.id}>
                  {l.letterType.label}
                </Link>
                <span className="govuk-body-s govuk-!-display-block">{l.subject}</span>
              </th>
              <td className="govuk-table__cell">
                <LetterStatus letter={l} />
              </td>
              <td className="govuk-table__cell">{formatDate(l.issuedOn) || "Not issued"}</td>
              <td className="govuk-table__cell">{formatDate(l.deadline) || "None"}</td>
              <td className="govuk-table__cell">
                {l.acknowledgedAt ? `${formatDate(l.acknowledgedAt)} by ${l.acknowledgedBy}` : "Not yet"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Drafting: choose an eligible type, tick its indicators with evidence, add actions, then preview the draft. */
export function NewLetterPage() {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const eligible = useQuery(trpc.letters.eligible.queryOptions({ caseId: view.id }));
  const [letterType, setLetterType] = useState("");
  const [indicators, setIndicators] = useState<string[]>([]);
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const [actions, setActions] = useState<{ text: string; due: string }[]>([]);
  const [recipient, setRecipient] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  usePageTitle("Draft a letter or notice", { error: problems.length > 0 });
  const draft = useMutation(
    trpc.letters.draft.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        await navigate(`/cases/${view.id}/letters/${result.letterId}?drafted=1`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  if (eligible.isPending) return <Loading what="Finding the letters this case could receive" />;
  if (eligible.isError) return <QueryError error={eligible.error} />;
  const type = eligible.data.find((t) => t.key === letterType);
  // Types the case cannot receive (or the user may not draft) are listed with the reason, not offered.
  const available = eligible.data.filter((t) => t.applicable && t.mayDraft);
  const unavailable = eligible.data.filter((t) => !t.applicable || !t.mayDraft);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!type) return setProblems([{ pointer: "/letterType", message: "Choose a type of letter" }]);
    if (indicators.length < type.minimumIndicators)
      return setProblems([
        {
          pointer: "/indicators",
          message: `Tick at least ${type.minimumIndicators} indicator${type.minimumIndicators === 1 ? "" : "s"}`,
        },
      ]);
    // Indicators are sent in the policy's order, so each one's evidence box is found again by its position.
    const chosen = type.indicators.filter((i) => indicators.includes(i.key));
    draft.mutate({
      caseId: view.id,
      expectedVersion: view.version,
      letterType: type.key,
      indicators: chosen.map((i) => ({ key: i.key, evidence: (evidence[i.key] ?? "").trim() })),
      ...(actions.length > 0 ? { actions: actions.map((a) => ({ text: a.text.trim(), due: a.due })) } : {}),
      ...(recipient.trim() ? { recipient: { name: recipient.trim() } } : {}),
    });
  };
  // An error at /indicators/N/evidence belongs to the evidence box of the Nth chosen indicator.
  const chosenKeys = type ? type.indicators.filter((i) => indicators.includes(i.key)).map((i) => i.key) : [];
  const shownProblems = problems.map((p) => {
    const match = /^\/indicators\/(\d+)\/evidence$/.exec(p.pointer ?? "");
    return match ? { ...p, pointer: `/evidence-${chosenKeys[Number(match[1])]}` } : p;
  });
  return (
    <>
      <BackLink to={`/cases/${view.id}/letters`}>Back to letters</BackLink>
      <ErrorSummary problems={shownProblems} />
      <h2 className="govuk-heading-l">Draft a letter or notice</h2>
      <form noValidate onSubmit={submit}>
        <Radios
          id="letterType"
          label="Type of letter or notice"
          legendClassName="govuk-fieldset__legend--m"
          options={available.map((t) => ({
            value: t.key,
            label: `${t.label}${t.kind === "notice" ? " (notice)" : ""}`,
            hint: [t.purpose, t.inForce ? "One is already in force on this case." : ""].filter(Boolean).join(" "),
          }))}
          value={letterType}
          onChange={(value) => {
            setLetterType(value);
            setIndicators([]);
          }}
          error={fieldError(shownProblems, "letterType")}
        />
        {unavailable.length > 0 && (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Types not available for this case ({unavailable.length})
              </span>
            </summary>
            <div className="govuk-details__text">
              <ul className="govuk-list govuk-list--bullet">
                {unavailable.map((t) => (
                  <li key={t.key}>
                    {t.label}:{" "}
                    {!t.mayDraft
                      ? "your role may not draft this type."
                      : (t.reason ?? "it does not apply to this school.")}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        )}
        {type && (
          <>
            <Checkboxes
              id="indicators"
              label="Indicators that apply"
              legendClassName="govuk-fieldset__legend--m"
              hint={`Tick ${type.minimumIndicators > 0 ? `at least ${type.minimumIndicators}` : "any that apply"}, and give the evidence for each.${type.approvalRequired ? " This type needs approval before it is issued." : ""}${type.deadline ? ` Deadline: ${type.deadline}.` : ""}`}
              options={type.indicators.map((i) => ({ value: i.key, label: i.text }))}
              values={indicators}
              onChange={setIndicators}
              error={fieldError(shownProblems, "indicators")}
              renderAfter={(key) => (
                <Textarea
                  id={`evidence-${key}`}
                  label="Evidence"
                  rows={3}
                  value={evidence[key] ?? ""}
                  onChange={(text) => setEvidence({ ...evidence, [key]: text })}
                  error={fieldError(shownProblems, `evidence-${key}`)}
                />
              )}
            />
            <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                Actions the school must take (optional)
              </legend>
              {actions.map((action, index) => (
                <div key={index} className="steward-add-another-item">
                  <Textarea
                    id={`actions-${index}-text`}
                    label={`Action ${index + 1}`}
                    rows={2}
                    value={action.text}
                    onChange={(text) => setActions(actions.map((a, i) => (i === index ? { ...a, text } : a)))}
                    error={fieldError(shownProblems, `actions-${index}-text`)}
                  />
                  <DateInput
                    id={`actions-${index}-due`}
                    label={`Action ${index + 1}: due by`}
                    value={action.due}
                    onChange={(due) => setActions(actions.map((a, i) => (i === index ? { ...a, due } : a)))}
                    error={fieldError(shownProblems, `actions-${index}-due`)}
                  />
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => setActions(actions.filter((_, i) => i !== index))}
                  >
                    Remove<span className="govuk-visually-hidden"> action {index + 1}</span>
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => setActions([...actions, { text: "", due: "" }])}
              >
                Add an action
              </button>
            </fieldset>
            <TextInput
              id="recipient"
              label="Addressee's name (optional)"
              hint="Leave blank to address the letter to the role, for example “The Chair of Governors”."
              value={recipient}
              onChange={setRecipient}
            />
          </>
        )}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={draft.isPending}>
          Create the draft and preview it
        </button>
      </form>
    </>
  );
}

/** One letter: its details, a preview, and the next step (approve, issue), the PDF and the acknowledgement. */
export function LetterPage() {
  const { letterId = "" } = useParams();
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const eligible = useQuery(trpc.letters.eligible.queryOptions({ caseId: view.id }));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | undefined>(
    new URLSearchParams(window.location.search).get("drafted") ? "Draft created: check the preview" : undefined,
  );
  const letter = view.letters.find((l) => l.id === letterId);
  usePageTitle(letter ? `${letter.letterType.label}: ${view.school.name}` : "Letter not found");
  const after = (message: string) => ({
    onSuccess: async () => {
      setProblems([]);
      await refresh();
      setDone(message);
    },
    onError: (e: unknown) => setProblems(readProblems(e)),
  });
  const approve = useMutation(trpc.letters.approve.mutationOptions(after("Letter approved")));
  const issue = useMutation(trpc.letters.issue.mutationOptions(after("Letter issued to the school")));
  const complete = useMutation(trpc.letters.completeActions.mutationOptions(after("Actions recorded as complete")));
  const [reason, setReason] = useState("");
  const close = useMutation(trpc.letters.close.mutationOptions(after("Letter closed")));
  if (!letter) return <ErrorPage error={new Error("There is no such letter on this case.")} title="Letter not found" />;
  const type = eligible.data?.find((t) => t.key === letter.letterType.key);
  const needsApproval = type?.approvalRequired ?? false;
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
      <SummaryList
        rows={[
          { key: "Status", value: <LetterStatus letter={letter} /> },
          { key: "Drafted", value: `${formatDateTime(letter.draftedAt)} by ${letter.draftedBy}` },
          letter.approvedBy !== undefined && { key: "Approved by", value: letter.approvedBy },
          letter.issuedOn !== undefined && { key: "Issued", value: formatDate(letter.issuedOn) },
          letter.deadline !== undefined && { key: "Deadline", value: formatDate(letter.deadline) },
          letter.reviewDate !== undefined && { key: "Review", value: formatDate(letter.reviewDate) },
          {
            key: "Acknowledged",
            value: letter.acknowledgedAt
              ? `${formatDateTime(letter.acknowledgedAt)} by ${letter.acknowledgedBy}`
              : letter.status === "issued"
                ? "Not yet acknowledged by the school"
                : "Not issued yet",
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
          letter.actions.length > 0 && { key: "Actions complete", value: letter.actionsComplete ? "Yes" : "No" },
          letter.closedReason !== undefined && { key: "Closed", value: letter.closedReason },
        ]}
      />
      <div className="govuk-button-group">
        {letter.status === "draft" && needsApproval && letter.can.approve && (
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={approve.isPending}
            onClick={() => approve.mutate(ref)}
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
            onClick={() => issue.mutate(ref)}
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
        {(letter.status === "issued" || letter.status === "acknowledged") &&
          letter.actions.length > 0 &&
          !letter.actionsComplete &&
          view.can.issueLetter && (
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={() => complete.mutate(ref)}
            >
              Record the actions as complete
            </button>
          )}
      </div>
      <h3 className="govuk-heading-m">{letter.status === "draft" ? "Preview" : "The letter"}</h3>
      <LetterHtml html={letter.html} label={`${letter.letterType.label}: ${letter.subject}`} />
      {letter.can.withdraw && !["withdrawn", "removed"].includes(letter.status) && (
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
                onClick={() => close.mutate({ ...ref, outcome: "withdrawn", reason: reason.trim() })}
              >
                Withdraw
              </button>
              {letter.letterType.kind === "notice" &&
                (letter.status === "issued" || letter.status === "acknowledged") && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => close.mutate({ ...ref, outcome: "removed", reason: reason.trim() })}
                  >
                    Remove the notice
                  </button>
                )}
            </div>
          </div>
        </details>
      )}
    </>
  );
}
