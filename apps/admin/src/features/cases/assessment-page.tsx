import { useMutation } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";

import { getBestFitSchema, GovukForm, type AreaJudgement, type BestFitData } from "@steward/forms";
import {
  DateInput,
  ErrorSummary,
  fieldError,
  formatDateTime,
  Radios,
  readProblems,
  SubmitButton,
  SuccessBanner,
  SummaryList,
  Tag,
  Textarea,
  today,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { offered, useCase } from "./case-context.tsx";

/**
 * Categorisation: the best-fit criteria grid with evidence (when the case's policy has criteria), the
 * suggested category and why, then the decision.
 */
export function AssessmentPage() {
  const { view, policy } = useCase();
  usePageTitle(`${view.school.name}: assessment`);
  const [done, setDone] = useState<string>();
  const latest = view.assessments.at(-1);
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <h2 className="govuk-heading-l">Assessment</h2>
      {latest ? (
        <LatestAssessment assessment={latest} />
      ) : (
        <p className="govuk-body">No assessment has been recorded on this case.</p>
      )}
      {view.category?.moderation === "pending" && view.can.moderate && <Moderate onDone={setDone} />}
      {/* A new assessment brings its own suggestion: the decision starts again from it. */}
      {view.can.categorise && <DecideCategory key={latest?.id ?? "none"} onDone={setDone} />}
      {/* A policy without criteria (its categories decided without a best-fit grid) has nothing to tick. */}
      {view.can.assess && policy.criteria.length > 0 && <CriteriaGrid onDone={setDone} />}
      {view.assessments.length > 1 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier assessments ({view.assessments.length - 1})</span>
          </summary>
          <div className="govuk-details__text">
            {view.assessments
              .slice(0, -1)
              .reverse()
              .map((a) => (
                <LatestAssessment key={a.id} assessment={a} earlier />
              ))}
          </div>
        </details>
      )}
    </>
  );
}

type Assessment = ReturnType<typeof useCase>["view"]["assessments"][number];

function LatestAssessment({ assessment, earlier }: { assessment: Assessment; earlier?: boolean }) {
  const { policy } = useCase();
  const category = policy.categories.find((c) => c.key === assessment.suggested);
  const Heading = earlier ? "h4" : "h3";
  const areaLabel = (key: string) => policy.areas.find((a) => a.key === key)?.label ?? key;
  const descriptorText = (area: string, categoryKey: string, key: string) =>
    policy.criteria.find((c) => c.area === area && c.category === categoryKey)?.descriptors.find((d) => d.key === key)
      ?.text ?? key;
  return (
    <div className="govuk-summary-card" data-testid={earlier ? undefined : "latest-assessment"}>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title">
          {earlier ? "Assessment" : "Latest assessment"}, {formatDateTime(assessment.recordedAt)} by{" "}
          {assessment.recordedBy}
        </Heading>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList
          rows={[
            {
              key: "Suggested category",
              value: assessment.suggested ? (
                <Tag colour={category?.colour}>{category?.label ?? assessment.suggested}</Tag>
              ) : (
                "No suggestion"
              ),
            },
            {
              key: "Why",
              value: (
                <ul className="govuk-list govuk-list--bullet">
                  {assessment.explanation.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              ),
            },
            ...assessment.selections.map((s) => ({
              key: areaLabel(s.area),
              value: (
                <>
                  <ul className="govuk-list govuk-list--bullet">
                    {s.descriptors.map((d) => (
                      <li key={`${d.category}-${d.descriptor}`}>
                        {descriptorText(s.area, d.category, d.descriptor)}{" "}
                        <span className="govuk-body-s">
                          ({policy.categories.find((c) => c.key === d.category)?.label ?? d.category})
                        </span>
                      </li>
                    ))}
                  </ul>
                  {s.evidence && <p className="govuk-body-s">Evidence: {s.evidence}</p>}
                </>
              ),
            })),
          ]}
        />
      </div>
    </div>
  );
}

function CriteriaGrid({ onDone }: { onDone: (message: string) => void }) {
  const { view, policy, refresh } = useCase();
  const trpc = useTRPC();
  const [problems, setProblems] = useState<Problem[]>([]);
  const schema = useMemo(
    () => ({
      type: "object" as const,
      properties: {
        selections: getBestFitSchema(
          "Best fit against the criteria",
          "Tick the descriptors that fit the school in each area and give the evidence. A school need not meet every descriptor of a category.",
        ),
      },
    }),
    [],
  );
  // The case's own criteria, areas and categories (from cases.policy: no "read Policy" needed).
  const formContext = useMemo(() => {
    const bestFit: BestFitData = { areas: policy.areas, categories: policy.categories, criteria: policy.criteria };
    return { policy: bestFit, govuk: { showTitle: false } };
  }, [policy]);
  const record = useMutation(
    trpc.assessments.record.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await refresh();
        onDone("Assessment recorded: see the suggested category above");
        window.scrollTo(0, 0);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  return (
    <section aria-labelledby="criteria-heading">
      <h3 className="govuk-heading-m" id="criteria-heading">
        Record an assessment
      </h3>
      <ErrorSummary problems={problems} />
      <GovukForm<{ selections?: AreaJudgement[] }>
        schema={schema}
        uiSchema={{
          selections: { "ui:widget": "bestFit" },
          "ui:submitButtonOptions": { submitText: "Record the assessment" },
        }}
        formContext={formContext}
        idPrefix="assessment"
        onSubmit={({ formData }) => {
          const selections = (formData?.selections ?? []).filter((s) => s.descriptors.length > 0);
          if (selections.length === 0) return setProblems([{ message: "Tick at least one descriptor" }]);
          record.mutate({
            caseId: view.id,
            expectedVersion: view.version,
            selections: selections.map((s) => ({
              area: s.area,
              descriptors: s.descriptors,
              ...(s.evidence?.trim() ? { evidence: s.evidence.trim() } : {}),
            })),
          });
        }}
      />
    </section>
  );
}

function DecideCategory({ onDone }: { onDone: (message: string) => void }) {
  const { view, policy, options, refresh } = useCase();
  const trpc = useTRPC();
  // Only the categories that apply to the school (the engine refuses the others).
  const categories = offered(policy.categories, options.categories);
  const latest = view.assessments.at(-1);
  const [category, setCategory] = useState(latest?.suggested ?? view.category?.key ?? "");
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [rationale, setRationale] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const decide = useMutation(
    trpc.assessments.decide.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        setRationale("");
        await refresh();
        onDone("Category decided");
        window.scrollTo(0, 0);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({
      caseId: view.id,
      expectedVersion: view.version,
      category,
      effectiveFrom,
      ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
      ...(latest ? { assessmentId: latest.id } : {}),
    });
  };
  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-bottom-8" aria-labelledby="decide-heading">
      <h3 className="govuk-heading-m" id="decide-heading">
        Decide the category
      </h3>
      <ErrorSummary problems={problems} />
      <Radios
        id="category"
        label="Category"
        hint={
          latest?.suggested
            ? `The latest assessment suggests ${categories.find((c) => c.key === latest.suggested)?.label ?? latest.suggested}.`
            : undefined
        }
        options={categories.map((c) => ({ value: c.key, label: c.label, hint: c.description }))}
        value={category}
        onChange={setCategory}
        error={fieldError(problems, "category")}
      />
      <DateInput
        id="effectiveFrom"
        label="Effective from"
        hint="For example, 1 9 2026"
        value={effectiveFrom}
        onChange={setEffectiveFrom}
        error={fieldError(problems, "effectiveFrom")}
      />
      <Textarea
        id="rationale"
        label="Rationale"
        hint="Required when your decision differs from the suggested category."
        value={rationale}
        onChange={setRationale}
        error={fieldError(problems, "rationale")}
      />
      <SubmitButton pending={decide.isPending}>Decide the category</SubmitButton>
    </form>
  );
}

function Moderate({ onDone }: { onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [outcome, setOutcome] = useState("");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const moderate = useMutation(
    trpc.assessments.moderate.mutationOptions({
      onSuccess: async () => (await refresh(), onDone("Moderation recorded")),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  return (
    <form
      noValidate
      className="govuk-!-margin-bottom-8"
      onSubmit={(e) => (
        e.preventDefault(),
        moderate.mutate({
          caseId: view.id,
          expectedVersion: view.version,
          outcome: outcome as "confirmed",
          ...(note.trim() ? { note: note.trim() } : {}),
        })
      )}
    >
      <h3 className="govuk-heading-m">Moderate the decision</h3>
      <ErrorSummary problems={problems} />
      <Radios
        id="outcome"
        label="Your moderation"
        options={[
          { value: "confirmed", label: "Confirm the category" },
          { value: "returned", label: "Return it to the officer" },
        ]}
        value={outcome}
        onChange={setOutcome}
        error={fieldError(problems, "outcome")}
      />
      <Textarea id="note" label="Note (optional)" value={note} onChange={setNote} rows={3} />
      <SubmitButton>Record moderation</SubmitButton>
    </form>
  );
}
