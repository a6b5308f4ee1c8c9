import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";

import {
  DataTable,
  ErrorSummary,
  fieldError,
  formatDate,
  humanise,
  readProblems,
  Select,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
} from "@steward/ui";

import { governanceLabel } from "../../lib/vocabulary.ts";
import { offered, useCase, useCaseForm, type CaseView } from "./case-context.tsx";
import { CaseTasks } from "./case-tasks.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { responseText } from "./letter-status.tsx";

export function OverviewPage() {
  const { view, policy, options } = useCase();
  // The policy's suggestions whose rules hold, then its manual steps, that the user may take now (the options
  // leave out those that do not lead from this stage, apply to the school or may be made by the user's roles).
  const steps = [
    ...view.suggestedTransitions.filter((t) => options.transitions.includes(t.key)),
    ...offered(policy.transitions, options.transitions).filter((t) => t.mode === "manual"),
  ];
  usePageTitle(`${view.school.name}: overview`);
  const [done, setDone] = useState<string>();
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-m">Summary</h2>
      <CaseSummary />
      {view.triggers.length > 0 && <TriggersToday triggers={view.triggers} />}
      {view.can.assign && <AssignOfficer onDone={setDone} />}
      {view.can.escalate && steps.length > 0 && <SuggestedTransitions transitions={steps} onDone={setDone} />}
      {view.can.escalate && <ChangeStage onDone={setDone} />}
      {view.tasks.length > 0 && <CaseTasks onDone={setDone} />}

      {view.noVisits && (
        <>
          <h2 className="govuk-heading-m">Visit plan</h2>
          <p className="govuk-body">No LA visits for this category.</p>
        </>
      )}
      {view.visitPlan.length > 0 && (
        <DataTable
          caption="Visit plan"
          columns={VISIT_PLAN_COLUMNS}
          rows={view.visitPlan}
          rowKey={(_, i) => String(i)}
        />
      )}

      <h2 className="govuk-heading-m">Timeline</h2>
      <CaseTimeline entries={view.timeline} reversed />
    </>
  );
}

type VisitSlot = CaseView["visitPlan"][number];

const SLOT_COLOUR: Record<string, string> = { done: "green", overdue: "red", due: "yellow" };

const VISIT_PLAN_COLUMNS: Column<VisitSlot>[] = [
  { heading: "Period", cell: (slot) => slot.label },
  { heading: "Visit", cell: (slot) => slot.visitType.label },
  { heading: "Due by", cell: (slot) => formatDate(slot.dueBy) },
  {
    heading: "Status",
    cell: (slot) => (
      <>
        <Tag colour={SLOT_COLOUR[slot.status] ?? "grey"}>{humanise(slot.status)}</Tag>
        {slot.metBy && <span className="govuk-body-s"> on {formatDate(slot.metBy)}</span>}
      </>
    ),
  },
];

/** The policy's triggers that hold today on the school's data, indicators and measures, with what each suggests. */
function TriggersToday({ triggers }: { triggers: CaseView["triggers"] }) {
  return (
    <div className="govuk-inset-text" data-testid="triggers-today">
      <h3 className="govuk-heading-s">What the data says today</h3>
      <ul className="govuk-list govuk-list--bullet">
        {triggers.map((trigger) => (
          <li key={trigger.key}>
            {trigger.label}
            {trigger.suggests.length > 0 && (
              <span className="govuk-body-s">: suggests {trigger.suggests.join("; ")}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The school, its category and stage, and the officer assigned. */
function CaseSummary() {
  const { view } = useCase();
  const responses = view.letters.filter((l) => l.response && !["withdrawn", "removed"].includes(l.status));
  return (
    <SummaryList
      rows={[
        { key: "School", value: `${view.school.name} (URN ${view.school.urn})` },
        view.school.previousUrns.length > 0 && { key: "Previous URNs", value: view.school.previousUrns.join(", ") },
        { key: "Phase", value: humanise(view.school.phase) || "Not known" },
        {
          key: "Governance",
          value: `${governanceLabel(view.school.governance)}${view.school.trust ? `, ${view.school.trust}` : ""}`,
        },
        {
          key: "Category",
          value: view.category ? (
            <>
              <Tag colour={view.category.colour}>{view.category.label}</Tag>
              <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                From {formatDate(view.category.effectiveFrom)}
                {view.category.decidedBy ? `, decided by ${view.category.decidedBy}` : ""}. Moderation:{" "}
                {humanise(view.category.moderation)}.
              </p>
              {view.category.rationale && (
                <p className="govuk-body-s govuk-!-margin-bottom-0">Rationale: {view.category.rationale}</p>
              )}
            </>
          ) : (
            "Not yet categorised"
          ),
        },
        {
          key: "Escalation stage",
          value: view.stage ? `${view.stage.label} (since ${formatDate(view.stage.since)})` : "Not shown to you",
        },
        { key: "Assigned officer", value: view.assignedOfficer?.name ?? "Not assigned" },
        responses.length > 0 && { key: "School's responses", value: <LetterResponses letters={responses} /> },
      ]}
    />
  );
}

/** What the letters in force ask the school to send back, each tied to its letter: due, overdue or received. */
function LetterResponses({ letters }: { letters: CaseView["letters"] }) {
  return (
    <ul className="govuk-list" data-testid="letter-responses">
      {letters.map((l) => (
        <li key={l.id}>
          {responseText(l)}{" "}
          <span className="govuk-body-s">
            (for the{" "}
            <Link className="govuk-link" to={`letters/${l.id}`}>
              {l.letterType.label}
            </Link>
            {l.issuedOn ? ` of ${formatDate(l.issuedOn)}` : ""})
          </span>
        </li>
      ))}
    </ul>
  );
}

function AssignOfficer({ onDone }: { onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const officers = useQuery(trpc.users.list.queryOptions({ officersOnly: true }));
  const [officerId, setOfficerId] = useState(view.assignedOfficer?.id ?? "");
  const [problems, setProblems] = useState<Problem[]>([]);
  const assign = useMutation(
    trpc.cases.assign.mutationOptions({
      onSuccess: async () => (setProblems([]), await refresh(), onDone("Officer assigned")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  if (!officers.data) return null;
  return (
    <form
      noValidate
      className="govuk-!-margin-bottom-6"
      onSubmit={(e) => (
        e.preventDefault(),
        assign.mutate({ caseId: view.id, expectedVersion: view.version, officerId })
      )}
    >
      <ErrorSummary problems={problems} />
      <Select
        id="officerId"
        label="Assign an officer"
        value={officerId}
        onChange={setOfficerId}
        placeholder="Choose an officer"
        options={officers.data.map((o) => ({
          value: o.id,
          label: `${o.displayName} (${o.grants.map((g) => g.roleLabel).join(", ")})`,
        }))}
        error={fieldError(problems, "officerId")}
      />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
        disabled={assign.isPending}
      >
        Assign officer
      </button>
    </form>
  );
}

function SuggestedTransitions({
  transitions,
  onDone,
}: {
  transitions: Pick<CaseView["suggestedTransitions"][number], "key" | "label" | "to" | "requiresReason">[];
  onDone: (message: string) => void;
}) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const change = useMutation(
    trpc.cases.changeStage.mutationOptions({
      onSuccess: async () => (await refresh(), onDone("Stage changed")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  return (
    <div className="govuk-inset-text">
      <h2 className="govuk-heading-s">Next steps the policy offers</h2>
      <ErrorSummary problems={problems} />
      {transitions.some((t) => t.requiresReason) && (
        <Textarea
          id="reason"
          label="Reason for the change"
          value={reason}
          onChange={setReason}
          rows={2}
          error={fieldError(problems, "reason")}
        />
      )}
      <div className="govuk-button-group">
        {transitions.map((t) => (
          <button
            key={t.key}
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={change.isPending}
            onClick={() =>
              change.mutate({
                caseId: view.id,
                expectedVersion: view.version,
                stage: t.to,
                transition: t.key,
                ...(reason.trim() ? { reason: reason.trim() } : {}),
              })
            }
          >
            {t.label}
          </button>
        ))}
      </div>
    </div>
  );
}

function ChangeStage({ onDone }: { onDone: (message: string) => void }) {
  const { policy, options } = useCase();
  const trpc = useTRPC();
  const form = useCaseForm({ stage: "", reason: "" }, () => onDone("Stage changed"));
  const change = useMutation(trpc.cases.changeStage.mutationOptions(form.callbacks));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = form.answers.reason.trim();
    change.mutate({ ...form.ref, stage: form.answers.stage, ...(reason ? { reason } : {}) });
  };
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Move the case to another stage</span>
      </summary>
      <div className="govuk-details__text">
        <form noValidate onSubmit={submit}>
          <ErrorSummary problems={form.problems} />
          <Select
            {...form.field("stage")}
            label="Stage"
            placeholder="Choose a stage"
            options={offered(policy.stages, options.stages).map((s) => ({ value: s.key, label: s.label }))}
          />
          <Textarea {...form.field("reason")} label="Reason" rows={3} />
          <button
            type="submit"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            disabled={change.isPending}
          >
            Change stage
          </button>
        </form>
      </div>
    </details>
  );
}
