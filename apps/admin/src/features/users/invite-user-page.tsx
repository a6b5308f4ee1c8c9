import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";

import {
  BackLink,
  ErrorSummary,
  fieldError,
  Loading,
  readProblems,
  SubmitButton,
  SuccessBanner,
  TextInput,
  usePageTitle,
  useTRPC,
  type Problem,
} from "@steward/ui";

import { GrantFields, toGrants } from "./grant-fields.tsx";
import { usePolicyRoles } from "./roles.ts";

export function InviteUserPage() {
  const trpc = useTRPC();
  const { roles, isPending } = usePolicyRoles();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [urn, setUrn] = useState("");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sentTo, setSentTo] = useState<string>();
  usePageTitle("Invite a user", { error: problems.length > 0 });
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: (result) => {
        setProblems([]);
        setSentTo(result.sentTo);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  if (isPending) return <Loading />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), displayName: displayName.trim(), grants: toGrants(roles, chosen, urn) });
  };
  return (
    <>
      <BackLink to="/users">Back to users</BackLink>
      {sentTo && (
        <SuccessBanner title="Invitation sent">
          <p className="govuk-notification-banner__heading">An invitation was sent to {sentTo}.</p>
          <p className="govuk-body">Its link works once, for 7 days.</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Invite a user</h1>
      <form noValidate onSubmit={submit}>
        <TextInput
          id="displayName"
          label="Full name"
          value={displayName}
          onChange={setDisplayName}
          error={fieldError(problems, "displayName")}
        />
        <TextInput
          id="email"
          label="Email address"
          type="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError(problems, "email")}
        />
        <GrantFields
          roles={roles}
          chosen={chosen}
          setChosen={setChosen}
          urn={urn}
          setUrn={setUrn}
          error={fieldError(problems, "grants") ?? problems.find((p) => p.pointer?.startsWith("/grants/"))?.message}
          urnError={problems.find((p) => p.pointer?.endsWith("/schoolUrn"))?.message}
        />
        <SubmitButton pending={invite.isPending}>Send invitation</SubmitButton>
      </form>
    </>
  );
}
