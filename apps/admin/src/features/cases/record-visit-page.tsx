import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";

import { GovukForm } from "@steward/forms";
import {
  BackLink,
  ErrorPage,
  ErrorSummary,
  formatDate,
  readProblems,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { getReportForm, useCase, type CaseView } from "./case-context.tsx";

interface VisitRecord {
  report?: Record<string, unknown>;
  agendaNotes?: Record<string, string>;
  concerns?: boolean;
  publish?: boolean;
}

type Policy = ReturnType<typeof useCase>["policy"];

/**
 * The form for recording a visit: notes against the agenda items, each with the policy's prompts (the
 * case view carries the items, the policy the prompts), the report form, concerns and publishing.
 */
function recordForm(
  visit: CaseView["visits"][number] | undefined,
  visitType: Policy["visitTypes"][number] | undefined,
  form: ReturnType<typeof getReportForm>,
) {
  const agenda = (visit?.agenda ?? []).map((item) => {
    const prompts = visitType?.agendas.flatMap((a) => a.items).find((i) => i.key === item.key)?.prompts;
    return { ...item, ...(prompts ? { prompts } : {}) };
  });
  const reportSchema = { ...form.schema, title: form.schema.title ?? "Report" };
  return {
    schema: {
      type: "object" as const,
      required: ["concerns"],
      properties: {
        agendaNotes: {
          type: "object" as const,
          title: "Notes on the agenda",
          additionalProperties: { type: "string" as const, maxLength: 20000 },
        },
        report: reportSchema,
        concerns: {
          type: "boolean" as const,
          title: "Record concerns about progress on the case?",
          description: "The policy's escalation rules read this, whatever the report says.",
        },
        publish: {
          type: "boolean" as const,
          title: "Publish the report to the school now?",
          description: "You can publish it later from the visits page.",
        },
      },
    },
    uiSchema: {
      agendaNotes: { "ui:field": "agendaNotes", "ui:options": { items: agenda } },
      report: form.uiSchema,
      concerns: { "ui:widget": "yesNo" },
      publish: { "ui:widget": "yesNo" },
      "ui:submitButtonOptions": { submitText: "Record the visit" },
    },
  };
}

/** Records a visit: notes against the term's agenda, the policy's report form, concerns, and whether to publish it. */
export function RecordVisitPage() {
  const { visitId = "" } = useParams();
  const { view, policy, refresh } = useCase();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<Problem[]>([]);
  const visit = view.visits.find((v) => v.id === visitId);
  const visitType = policy.visitTypes.find((t) => t.key === visit?.visitType.key);
  const form = getReportForm(policy, visit?.visitType.key ?? "");
  usePageTitle(visit ? `Record the ${visit.visitType.label}` : "Visit not found", { error: problems.length > 0 });
  const record = useMutation(
    trpc.visits.record.mutationOptions({
      onSuccess: async () => {
        await refresh();
        await navigate(`/cases/${view.id}/visits`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const { schema, uiSchema } = useMemo(() => recordForm(visit, visitType, form), [visit, visitType, form]);
  if (!visit) return <ErrorPage error={new Error("There is no such visit on this case.")} title="Visit not found" />;
  return (
    <>
      <BackLink to={`/cases/${view.id}/visits`}>Back to visits</BackLink>
      <ErrorSummary problems={problems} />
      <h2 className="govuk-heading-l">
        <span className="govuk-caption-m">{formatDate(visit.date)}</span>
        Record the {visit.visitType.label}
      </h2>
      <GovukForm<VisitRecord>
        schema={schema as never}
        uiSchema={uiSchema}
        idPrefix="visit"
        formContext={{ govuk: { showTitle: false } }}
        onSubmit={({ formData }) => {
          record.mutate({
            caseId: view.id,
            expectedVersion: view.version,
            visitId: visit.id,
            data: formData?.report ?? {},
            ...(formData?.agendaNotes ? { agendaNotes: formData.agendaNotes } : {}),
            concerns: Boolean(formData?.concerns),
            publish: Boolean(formData?.publish),
          });
        }}
      />
    </>
  );
}
