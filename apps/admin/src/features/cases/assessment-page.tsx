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
 * Categorisation: the latest assessment (each dimension's value, the suggested category and why), the decision, and
 * recording a new assessment: one part per dimension that applies to the school (the criteria grid, an officer's
 * level and why, or what Steward works out from data).
 */
export function AssessmentPage() {
  const { view } = useCase();
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
      {view.can.assess && <RecordAssessment onDone={setDone} />}
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

/** How a stored dimension value came about, as a sentence. */
function whyInWords(value: Assessment["dimensions"][number]): string {
  const why = value.why.charAt(0).toUpperCase() + value.why.slice(1);
  return `${why}.`;
}

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
            // The criteria dimensions' values are in "Why" and the descriptors below; the others are shown here.
            ...assessment.dimensions
              .filter((d) => d.source !== "criteria")
              .map((d) => ({
                key: d.label,
                value: (
                  <>
                    {d.levelLabel ?? "No value"}
                    <span className="govuk-body-s govuk-!-display-block">{whyInWords(d)}</span>
                  </>
                ),
              })),
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

type Dimension = ReturnType<typeof useCase>["policy"]["assessment"]["dimensions"][number];

/** What the recording form holds: the ticked descriptors, and per officer dimension the level chosen and why. */
interface AssessmentAnswers {
  selections?: AreaJudgement[];
  choices?: Record<string, { level?: string; rationale?: string } | undefined>;
}

/** The form's schema: the criteria grid for the criteria dimensions' areas, then one question group per officer dimension. */
function recordSchema(criteria: boolean, officer: Dimension[]) {
  const choice = (d: Dimension) => ({
    type: "object" as const,
    title: d.label,
    ...(d.description ? { description: d.description } : {}),
    properties: {
      level: {
        type: "string" as const,
        title: `${d.label}: the level that fits (optional)`,
        oneOf: d.levels.map((l) => ({
          const: l.key,
          title: l.label,
          ...(l.description ? { description: l.description } : {}),
        })),
      },
      rationale: {
        type: "string" as const,
        title: d.rationaleRequired
          ? "Why you chose this level (needed when you choose one)"
          : "Why you chose this level (optional)",
        maxLength: 10_000,
      },
    },
  });
  return {
    type: "object" as const,
    properties: {
      ...(criteria
        ? {
            selections: getBestFitSchema(
              "Best fit against the criteria",
              "Tick the descriptors that fit the school in each area and give the evidence. A school need not meet every descriptor of a category.",
            ),
          }
        : {}),
      ...(officer.length > 0
        ? {
            choices: {
              type: "object" as const,
              title: "Your judgements",
              properties: Object.fromEntries(officer.map((d) => [d.key, choice(d)])),
            },
          }
        : {}),
    },
  };
}

/** The server's problems with the officer's choices (`/choices/<i>/<field>`) at their questions; the rest above the form. */
function placeProblems(problems: Problem[], sent: string[]) {
  const fieldErrors: Record<string, Record<string, { __errors: string[] }>> = {};
  const rest: Problem[] = [];
  for (const problem of problems) {
    const [, index, field] = /^\/choices\/(\d+)\/(level|rationale|dimension)$/.exec(problem.pointer ?? "") ?? [];
    const key = sent[Number(index)];
    if (!key || !field) {
      rest.push(problem);
      continue;
    }
    fieldErrors[key] = {
      ...fieldErrors[key],
      [field === "rationale" ? "rationale" : "level"]: { __errors: [problem.message] },
    };
  }
  return { rest, extraErrors: Object.keys(fieldErrors).length > 0 ? { choices: fieldErrors } : undefined };
}

/** The recording form's schema, uiSchema and grid data, from the case's policy (kept while the policy is the same). */
function useRecordForm() {
  const { policy } = useCase();
  return useMemo(() => {
    const dimensions = policy.assessment.dimensions;
    const areas = new Set(dimensions.flatMap((d) => (d.valuedBy === "criteria" && d.area ? [d.area] : [])));
    const officer = dimensions.filter((d) => d.valuedBy === "officer");
    const uiSchema = {
      selections: { "ui:widget": "bestFit" },
      choices: Object.fromEntries(
        officer.map((d) => [d.key, { level: { "ui:widget": "radio" }, rationale: { "ui:widget": "textarea" } }]),
      ),
      "ui:submitButtonOptions": { submitText: "Record the assessment" },
    };
    // The case's own criteria, areas and categories (from cases.policy: no "read Policy" needed).
    const bestFit: BestFitData = {
      areas: policy.areas.filter((a) => areas.has(a.key)),
      categories: policy.categories,
      criteria: policy.criteria,
    };
    // The questions say themselves which are optional: a level is (an officer may leave a dimension for later), and
    // its reason is required where the policy says so once a level is chosen, which "(optional)" by rjsf's
    // `required` alone would get wrong.
    const formContext = { policy: bestFit, govuk: { showTitle: false, markOptional: false } };
    return { dimensions, officer, schema: recordSchema(areas.size > 0, officer), uiSchema, formContext };
  }, [policy]);
}

/**
 * Recording an assessment: one part per dimension that applies to the school. The values Steward works out (from a
 * rule over the school's data, or an indicator) are shown read-only; the criteria dimensions share the descriptor
 * grid; each officer dimension asks for a level and why.
 */
function RecordAssessment({ onDone }: { onDone: (message: string) => void }) {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sent, setSent] = useState<string[]>([]);
  const { dimensions, officer, schema, uiSchema, formContext } = useRecordForm();
  const record = useMutation(
    trpc.assessments.record.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await refresh();
        onDone("Assessment recorded: see the suggested category and why above");
        window.scrollTo(0, 0);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const placed = placeProblems(problems, sent);
  const submit = ({ selections = [], choices = {} }: AssessmentAnswers) => {
    const chosen = officer.flatMap((d) => {
      const answer = choices[d.key];
      if (!answer?.level) return [];
      const rationale = answer.rationale?.trim();
      return [{ dimension: d.key, level: answer.level, ...(rationale ? { rationale } : {}) }];
    });
    setSent(chosen.map((c) => c.dimension));
    record.mutate({
      caseId: view.id,
      expectedVersion: view.version,
      selections: selections
        .filter((s) => s.descriptors.length > 0)
        .map((s) => ({
          area: s.area,
          descriptors: s.descriptors,
          ...(s.evidence?.trim() ? { evidence: s.evidence.trim() } : {}),
        })),
      ...(chosen.length > 0 ? { choices: chosen } : {}),
    });
  };
  return (
    <section aria-labelledby="record-heading">
      <h3 className="govuk-heading-m" id="record-heading">
        Record an assessment
      </h3>
      <ErrorSummary problems={placed.rest} />
      {dimensions.length === 0 && (
        <p className="govuk-body">
          No dimension of the assessment applies to this school: the suggestion comes from the school&apos;s data alone.
        </p>
      )}
      <WorkedOut dimensions={dimensions} />
      <GovukForm<AssessmentAnswers>
        schema={schema}
        uiSchema={uiSchema}
        formContext={formContext}
        idPrefix="assessment"
        {...(placed.extraErrors ? { extraErrors: placed.extraErrors } : {})}
        onSubmit={({ formData }) => submit(formData ?? {})}
      />
    </section>
  );
}

/** The dimensions Steward values itself: worked out when the assessment is saved, and what they were last time. */
function WorkedOut({ dimensions }: { dimensions: Dimension[] }) {
  const { view } = useCase();
  const computed = dimensions.filter((d) => d.valuedBy === "rule" || d.valuedBy === "indicator");
  if (computed.length === 0) return null;
  const last = view.assessments.at(-1)?.dimensions ?? [];
  return (
    <>
      <h4 className="govuk-heading-s">Worked out by Steward</h4>
      <SummaryList
        rows={computed.map((d) => {
          const stored = last.find((v) => v.key === d.key);
          return {
            key: d.label,
            value: (
              <>
                <p className="govuk-body govuk-!-margin-bottom-1">
                  Worked out when you save, from{" "}
                  {d.valuedBy === "rule" ? "the school's data" : "the school's current value of an indicator"}.
                </p>
                {stored && (
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    Last assessment: {stored.levelLabel ?? "no value"} ({stored.why})
                  </p>
                )}
              </>
            ),
          };
        })}
      />
    </>
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
