import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import { ErrorSummary } from "../../components/error-summary.tsx";
import { Radios } from "../../components/fields.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Loading, QueryError, SuccessBanner } from "../../components/ui.tsx";
import { readProblems, type Problem } from "../../lib/api-error.ts";
import { useTRPC } from "../../trpc.ts";

const CHOICES = [
  { value: "immediate", label: "Each email as it happens", hint: "You get an email as soon as something happens." },
  {
    value: "digest",
    label: "One summary email a day",
    hint: "Everything from the day before, in one email each morning.",
  },
];

/** The signed-in user's choice: each notification as it happens, or one daily summary. For both apps. */
export function EmailSettingsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.notifications.settings.queryOptions());
  const [choice, setChoice] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.notifications.setSettings.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        setSaved(true);
        await queryClient.invalidateQueries(trpc.notifications.settings.queryFilter());
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  usePageTitle("Email settings", { error: problems.length > 0 });
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <QueryError error={settings.error} />;
  const value = choice ?? settings.data.delivery;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate({ delivery: value === "digest" ? "digest" : "immediate" });
  };
  return (
    <>
      {saved && (
        <SuccessBanner title="Saved">
          <p className="govuk-notification-banner__heading">
            {value === "digest" ? "You will get one summary email a day." : "You will get each email as it happens."}
          </p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Email settings</h1>
      <p className="govuk-body">Steward emails you at {settings.data.email} when something you are told of happens.</p>
      <form noValidate onSubmit={submit}>
        <Radios
          id="delivery"
          label="How do you want to get these emails?"
          legendClassName="govuk-fieldset__legend--m"
          options={CHOICES}
          value={value}
          onChange={setChoice}
        />
        <SubmitButton pending={save.isPending}>Save</SubmitButton>
      </form>
    </>
  );
}
