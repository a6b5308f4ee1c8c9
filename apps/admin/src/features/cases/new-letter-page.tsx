/**
 * Drafting: choose an eligible type, fill in its parameters (the type's JSON Schema, through rjsf), tick its
 * indicators with evidence, add actions, then preview the draft (its text with the parameters merged).
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useNavigate } from "react-router";

import { GovukForm } from "@steward/forms";
import {
  BackLink,
  Checkboxes,
  DateInput,
  ErrorSummary,
  fieldError,
  Loading,
  QueryError,
  Radios,
  readProblems,
  SubmitButton,
  Textarea,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { useCase, type CaseView } from "./case-context.tsx";

type EligibleType = RouterOutputs["letters"]["eligible"][number];
interface ActionRow {
  text: string;
  due: string;
}
interface DraftForm {
  letterType: string;
  indicators: string[];
  evidence: Record<string, string>;
  actions: ActionRow[];
  recipient: string;
  /** What the officer fills in for the type's parameters. */
  parameters: Record<string, unknown>;
}
type SetForm = (change: Partial<DraftForm>) => void;

const EMPTY: DraftForm = { letterType: "", indicators: [], evidence: {}, actions: [], recipient: "", parameters: {} };

/** A type with no parameters fills in none: an object schema with no fields. */
const NO_PARAMETERS = { type: "object", properties: {} };

/** The problems the API found in the parameters (`/parameters/<field>`), as rjsf's inline errors. */
function parameterErrors(problems: Problem[]): Record<string, { __errors: string[] }> {
  const errors: Record<string, { __errors: string[] }> = {};
  for (const p of problems) {
    const field = /^\/parameters\/([^/]+)/.exec(p.pointer ?? "")?.[1];
    if (field) (errors[field] ??= { __errors: [] }).__errors.push(p.message);
  }
  return errors;
}

/** The problems the browser can find before sending: no type chosen, too few indicators ticked. */
function checkDraft(type: EligibleType | undefined, form: DraftForm): Problem[] {
  if (!type) return [{ pointer: "/letterType", message: "Choose a type of letter" }];
  if (form.indicators.length < type.minimumIndicators)
    return [
      {
        pointer: "/indicators",
        message: `Tick at least ${type.minimumIndicators} indicator${type.minimumIndicators === 1 ? "" : "s"}`,
      },
    ];
  return [];
}

/** The chosen indicators in the policy's order, so each one's evidence box is found again by its position. */
function chosenIndicators(type: EligibleType | undefined, form: DraftForm) {
  return type ? type.indicators.filter((i) => form.indicators.includes(i.key)) : [];
}

function draftInput(view: CaseView, type: EligibleType, form: DraftForm) {
  return {
    caseId: view.id,
    expectedVersion: view.version,
    letterType: type.key,
    indicators: chosenIndicators(type, form).map((i) => ({
      key: i.key,
      evidence: (form.evidence[i.key] ?? "").trim(),
    })),
    ...(form.actions.length > 0 ? { actions: form.actions.map((a) => ({ text: a.text.trim(), due: a.due })) } : {}),
    ...(form.recipient.trim() ? { recipient: { name: form.recipient.trim() } } : {}),
    ...(type.parameters ? { parameters: form.parameters } : {}),
  };
}

/** An error at /indicators/N/evidence belongs to the evidence box of the Nth chosen indicator. */
function placeEvidenceProblems(problems: Problem[], type: EligibleType | undefined, form: DraftForm): Problem[] {
  const chosenKeys = chosenIndicators(type, form).map((i) => i.key);
  return problems.map((p) => {
    const match = /^\/indicators\/(\d+)\/evidence$/.exec(p.pointer ?? "");
    return match ? { ...p, pointer: `/evidence-${chosenKeys[Number(match[1])]}` } : p;
  });
}

export function NewLetterPage() {
  const { view, refresh } = useCase();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const eligible = useQuery(trpc.letters.eligible.queryOptions({ caseId: view.id }));
  const [form, setFormState] = useState<DraftForm>(EMPTY);
  const setForm: SetForm = (change) => setFormState((f) => ({ ...f, ...change }));
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
  const type = eligible.data.find((t) => t.key === form.letterType);
  const send = () => {
    const found = checkDraft(type, form);
    if (found.length > 0 || !type) return setProblems(found);
    draft.mutate(draftInput(view, type, form));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const shownProblems = placeEvidenceProblems(problems, type, form);
  return (
    <>
      <BackLink to={`/cases/${view.id}/letters`}>Back to letters</BackLink>
      <ErrorSummary problems={shownProblems} />
      <h2 className="govuk-heading-l">Draft a letter or notice</h2>
      <TypeChoice types={eligible.data} form={form} setForm={setForm} problems={shownProblems} />
      {type ? (
        <LetterDraftForm type={type} form={form} setForm={setForm} problems={shownProblems} onSend={send}>
          <SubmitButton pending={draft.isPending}>Create the draft and preview it</SubmitButton>
        </LetterDraftForm>
      ) : (
        <form noValidate onSubmit={submit}>
          <SubmitButton pending={draft.isPending}>Create the draft and preview it</SubmitButton>
        </form>
      )}
    </>
  );
}

/**
 * The chosen type's form: its parameters first (rjsf checks them in the browser with the same Ajv set-up as the
 * engine; the API's problems at `/parameters/<field>` show inline), then the indicators, actions and addressee.
 */
function LetterDraftForm({
  type,
  form,
  setForm,
  problems,
  onSend,
  children,
}: {
  type: EligibleType;
  form: DraftForm;
  setForm: SetForm;
  problems: Problem[];
  onSend: () => void;
  children: ReactNode;
}) {
  const schema = useMemo(
    () => (type.parameters ? { ...type.parameters.schema, title: `Details of the ${type.label}` } : NO_PARAMETERS),
    [type],
  );
  return (
    <GovukForm<Record<string, unknown>>
      key={type.key}
      schema={schema as never}
      uiSchema={{ ...(type.parameters?.uiSchema ?? {}), "ui:submitButtonOptions": { norender: true } }}
      idPrefix="parameters"
      idSeparator="-"
      formData={form.parameters}
      onChange={(event) => setForm({ parameters: event.formData ?? {} })}
      extraErrors={parameterErrors(problems)}
      formContext={{ govuk: { showTitle: Boolean(type.parameters) } }}
      onSubmit={onSend}
    >
      <DraftDetails type={type} form={form} setForm={setForm} problems={problems} />
      {children}
    </GovukForm>
  );
}

/** The types the case can receive; those it cannot (or the user may not draft) are listed with the reason. */
function TypeChoice({
  types,
  form,
  setForm,
  problems,
}: {
  types: EligibleType[];
  form: DraftForm;
  setForm: SetForm;
  problems: Problem[];
}) {
  const available = types.filter((t) => t.applicable && t.mayDraft);
  const unavailable = types.filter((t) => !t.applicable || !t.mayDraft);
  return (
    <>
      <Radios
        id="letterType"
        label="Type of letter or notice"
        legendClassName="govuk-fieldset__legend--m"
        options={available.map((t) => ({
          value: t.key,
          label: `${t.label}${t.kind === "notice" ? " (notice)" : ""}`,
          hint: [t.purpose, t.inForce ? "One is already in force on this case." : ""].filter(Boolean).join(" "),
        }))}
        value={form.letterType}
        onChange={(value) => setForm({ letterType: value, indicators: [], parameters: {} })}
        error={fieldError(problems, "letterType")}
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
    </>
  );
}

function indicatorsHint(type: EligibleType): string {
  const tick = type.minimumIndicators > 0 ? `at least ${type.minimumIndicators}` : "any that apply";
  const approval = type.approvalRequired ? " This type needs approval before it is issued." : "";
  const deadline = type.deadline ? ` Deadline: ${type.deadline}.` : "";
  const response = type.responseForm ? ` The school sends its ${type.responseForm} by the deadline.` : "";
  return `Tick ${tick}, and give the evidence for each.${approval}${deadline}${response}`;
}

/** The chosen type's indicators with their evidence, the school's actions and the addressee. */
function DraftDetails({
  type,
  form,
  setForm,
  problems,
}: {
  type: EligibleType;
  form: DraftForm;
  setForm: SetForm;
  problems: Problem[];
}) {
  return (
    <>
      <Checkboxes
        id="indicators"
        label="Indicators that apply"
        legendClassName="govuk-fieldset__legend--m"
        hint={indicatorsHint(type)}
        options={type.indicators.map((i) => ({ value: i.key, label: i.text }))}
        values={form.indicators}
        onChange={(indicators) => setForm({ indicators })}
        error={fieldError(problems, "indicators")}
        renderAfter={(key) => (
          <Textarea
            id={`evidence-${key}`}
            label="Evidence"
            rows={3}
            value={form.evidence[key] ?? ""}
            onChange={(text) => setForm({ evidence: { ...form.evidence, [key]: text } })}
            error={fieldError(problems, `evidence-${key}`)}
          />
        )}
      />
      <ActionsFieldset actions={form.actions} onChange={(actions) => setForm({ actions })} problems={problems} />
      <TextInput
        id="recipient"
        label="Addressee's name (optional)"
        hint="Leave blank to address the letter to the role, for example “The Chair of Governors”."
        value={form.recipient}
        onChange={(recipient) => setForm({ recipient })}
      />
    </>
  );
}

function ActionsFieldset({
  actions,
  onChange,
  problems,
}: {
  actions: ActionRow[];
  onChange: (actions: ActionRow[]) => void;
  problems: Problem[];
}) {
  const update = (index: number, change: Partial<ActionRow>) =>
    onChange(actions.map((a, i) => (i === index ? { ...a, ...change } : a)));
  return (
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
            onChange={(text) => update(index, { text })}
            error={fieldError(problems, `actions-${index}-text`)}
          />
          <DateInput
            id={`actions-${index}-due`}
            label={`Action ${index + 1}: due by`}
            value={action.due}
            onChange={(due) => update(index, { due })}
            error={fieldError(problems, `actions-${index}-due`)}
          />
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => onChange(actions.filter((_, i) => i !== index))}
          >
            Remove<span className="govuk-visually-hidden"> action {index + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        onClick={() => onChange([...actions, { text: "", due: "" }])}
      >
        Add an action
      </button>
    </fieldset>
  );
}
