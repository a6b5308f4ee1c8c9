import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";

import { FormSummary, GovukForm } from "@steward/forms";
import {
  BackLink,
  ErrorPage,
  ErrorSummary,
  formatDateTime,
  Loading,
  QueryError,
  readProblems,
  SuccessBanner,
  SummaryList,
  Tag,
  useCan,
  usePageTitle,
  useSession,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { ResponsesDue } from "../letters/letter-response.tsx";
import { useSchoolLetters } from "../school-case.ts";

type Forms = RouterOutputs["forms"]["list"];
type FormDef = Forms["forms"][number];
type Response = Forms["responses"][number];

function useSchoolForms() {
  const trpc = useTRPC();
  const me = useSession();
  return useQuery(trpc.forms.list.queryOptions({ ...(me.schoolUrn ? { schoolUrn: me.schoolUrn } : {}) }));
}

/** The forms the policy asks of the school, and what the school has started and sent. */
export function FormsPage() {
  const forms = useSchoolForms();
  const can = useCan();
  // The forms the school's letters ask for, tied to each letter (for those who may read the letters).
  const letters = useSchoolLetters({ enabled: can("read Letter") });
  usePageTitle("Forms");
  if (forms.isPending) return <Loading />;
  if (forms.isError) return <QueryError error={forms.error} />;
  const titleOf = (key: string) => forms.data.forms.find((f) => f.key === key)?.title ?? key;
  const drafts = forms.data.responses.filter((r) => r.status === "draft");
  const submitted = forms.data.responses.filter((r) => r.status === "submitted");
  return (
    <>
      <h1 className="govuk-heading-l">Forms</h1>
      <ResponsesDue letters={letters.data?.letters ?? []} />
      {drafts.length > 0 && (
        <>
          <h2 className="govuk-heading-m">In progress</h2>
          <ul className="govuk-task-list">
            {drafts.map((r) => (
              <li className="govuk-task-list__item govuk-task-list__item--with-link" key={r.id}>
                <div className="govuk-task-list__name-and-hint">
                  <Link
                    className="govuk-link govuk-task-list__link"
                    to={`/forms/responses/${r.id}`}
                    aria-describedby={`status-${r.id}`}
                  >
                    {titleOf(r.formKey)}
                  </Link>
                  <div className="govuk-task-list__hint">Last saved {formatDateTime(r.updatedAt)}</div>
                </div>
                <div className="govuk-task-list__status" id={`status-${r.id}`}>
                  <Tag colour="light-blue">In progress</Tag>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m">Start a form</h2>
      {forms.data.forms.length === 0 && <p className="govuk-body">There are no forms for your school to complete.</p>}
      {forms.data.forms.map((f) => (
        <div key={f.key} className="govuk-!-margin-bottom-6">
          <h3 className="govuk-heading-s">{f.title}</h3>
          {f.description && <p className="govuk-body">{f.description}</p>}
          {can("create FormResponse") && (
            <Link
              className="govuk-button govuk-button--secondary"
              role="button"
              data-module="govuk-button"
              to={`/forms/new/${f.key}`}
            >
              Start<span className="govuk-visually-hidden"> {f.title}</span>
            </Link>
          )}
        </div>
      ))}
      {submitted.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Sent</h2>
          <ul className="govuk-list">
            {submitted.map((r) => (
              <li key={r.id}>
                <Link className="govuk-link" to={`/forms/responses/${r.id}`}>
                  {titleOf(r.formKey)}
                </Link>
                , sent {formatDateTime(r.submittedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * A new response: nothing is stored until the first save. The school keeps one draft of a form, so when it has
 * one already (a letter's "Fill in the action plan" after someone started it) this continues that draft.
 */
export function NewFormPage() {
  const { formKey = "" } = useParams();
  const forms = useSchoolForms();
  const form = forms.data?.forms.find((f) => f.key === formKey);
  usePageTitle(form?.title ?? "Form");
  if (forms.isPending) return <Loading />;
  if (forms.isError) return <QueryError error={forms.error} />;
  if (!form) return <ErrorPage error={new Error("There is no such form.")} title="Form not found" />;
  const draft = forms.data.responses.find((r) => r.formKey === formKey && r.status === "draft");
  if (draft) return <Navigate to={`/forms/responses/${draft.id}`} replace />;
  return <FillForm form={form} />;
}

export function ResponsePage() {
  const { responseId = "" } = useParams();
  const forms = useSchoolForms();
  const response = forms.data?.responses.find((r) => r.id === responseId);
  const form = forms.data?.forms.find((f) => f.key === response?.formKey);
  usePageTitle(form?.title ?? "Form");
  if (forms.isPending) return <Loading />;
  if (forms.isError) return <QueryError error={forms.error} />;
  if (!response || !form) return <ErrorPage error={new Error("There is no such form.")} title="Form not found" />;
  if (response.status === "submitted") return <SubmittedForm form={form} response={response} />;
  return <FillForm key={response.id} form={form} response={response} />;
}

function SubmittedForm({ form, response }: { form: FormDef; response: Response }) {
  return (
    <>
      <BackLink to="/forms">Back to forms</BackLink>
      {new URLSearchParams(window.location.search).get("sent") && (
        <SuccessBanner title="Sent">
          <p className="govuk-notification-banner__heading">
            Your {form.title.toLowerCase()} has been sent to the local authority.
          </p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">Sent {formatDateTime(response.submittedAt)}</span>
      <h1 className="govuk-heading-l">{form.title}</h1>
      <SummaryList rows={[{ key: "Status", value: <Tag colour="green">Sent</Tag> }]} />
      <FormSummary schema={form.schema} uiSchema={form.uiSchema} formData={response.data} />
    </>
  );
}

/**
 * Save and return: the first save creates the draft, later saves carry the revision they started
 * from; sending waits for any save still running, then sends the latest draft.
 */
function useFormResponse(form: FormDef, response: Response | undefined) {
  const trpc = useTRPC();
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [current, setCurrent] = useState(response);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState<string>();
  // A submitted response may answer a letter: what the school still owes (and its count in the menu) changes too.
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.forms.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
    ]);
  const save = useMutation(
    trpc.forms.save.mutationOptions({
      onSuccess: async (r) => {
        setCurrent(r);
        setProblems([]);
        setSaved(`Saved at ${formatDateTime(r.updatedAt)}. You can come back to it from the forms page.`);
        await refresh();
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const submit = useMutation(
    trpc.forms.submit.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        await navigate(`/forms/responses/${r.id}?sent=1`, { replace: true });
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const schoolUrn = me.schoolUrn ?? 0;
  // Saves run one after another, each from the revision the previous one returned: two quick
  // saves never race to create two drafts, nor the second refused as stale.
  const latest = useRef(response);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saveData = (data: unknown, page: number): Promise<Response> => {
    const run = queue.current
      .catch(() => undefined)
      .then(async () => {
        const base = latest.current;
        const saved = await save.mutateAsync({
          formKey: form.key,
          schoolUrn,
          ...(base ? { id: base.id, revision: base.revision } : {}),
          data: (data ?? {}) as Record<string, unknown>,
          page: Math.min(page, 100),
        });
        latest.current = saved;
        return saved;
      });
    queue.current = run;
    return run;
  };
  const send = async (formData: Record<string, unknown> | undefined) => {
    try {
      await queue.current.catch(() => undefined);
      const draft = latest.current ?? (await saveData(formData, 0));
      submit.mutate({ id: draft.id, revision: draft.revision, data: formData ?? {} });
    } catch {
      // The save's error is shown.
    }
  };
  return { current, problems, saved, saveData, send };
}

/** Filling in a form; the last step sends it, checked against the form's schema by the API. */
function FillForm({ form, response }: { form: FormDef; response?: Response }) {
  const [data, setData] = useState<Record<string, unknown> | undefined>(response?.data);
  const { current, problems, saved, saveData, send } = useFormResponse(form, response);
  return (
    <>
      <BackLink to="/forms">Back to forms</BackLink>
      {saved && (
        <SuccessBanner title="Saved">
          <p className="govuk-notification-banner__heading">{saved}</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      {form.description && <p className="govuk-body">{form.description}</p>}
      <GovukForm<Record<string, unknown>>
        // The form's title is the page's heading: the form's own when its schema gives none.
        schema={form.schema.title === undefined ? { ...form.schema, title: form.title } : form.schema}
        uiSchema={{ ...form.uiSchema, "ui:submitButtonOptions": { submitText: "Send to the local authority" } }}
        formData={current?.data}
        initialPage={current?.page}
        idPrefix="form"
        submitText="Send to the local authority"
        onChange={(event) => setData(event.formData)}
        onSave={(answers, page) => void saveData(answers, page).catch(() => undefined)}
        onSubmit={({ formData }) => void send(formData)}
      />
      {!form.uiSchema["ui:options"] && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
          onClick={() => void saveData(data ?? {}, 0).catch(() => undefined)}
        >
          Save and come back later
        </button>
      )}
    </>
  );
}
