import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";

import { ErrorSummary } from "../../components/error-summary.tsx";
import { PasswordInput, Radios, Select, TextInput, useAnswers } from "../../components/fields.tsx";
import { usePageTitle } from "../../components/page-title.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { Loading, QueryError, SuccessBanner } from "../../components/ui.tsx";
import { readProblems, type Problem } from "../../lib/api-error.ts";
import type { Audience } from "../../lib/audience.ts";
import { setCsrfToken, useTRPC } from "../../trpc.ts";

type Tenant = { slug: string; name: string };

/** Where to go once signed in: the page that sent the user here, if it is one of this app's own. */
function returnPath(params: URLSearchParams): string {
  const returnTo = params.get("returnTo");
  return returnTo && returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/";
}

/** The authority chosen, or the only one there is. */
function chosenTenant(tenant: string, tenants: readonly Tenant[] | undefined): string {
  const [only] = tenants?.length === 1 ? tenants : [];
  return tenant || (only?.slug ?? "");
}

/** Why a sign-in with an identity provider was refused (`?problem=` from the server), in words. */
const PROVIDER_PROBLEMS: Record<string, Problem> = {
  expired: {
    message: "Your sign-in took too long, was used already or was started in another browser. Sign in again.",
  },
  provider: {
    message:
      "Your identity provider's answer could not be accepted, so you are not signed in. Try again, and tell your administrator if it keeps happening.",
  },
  "no-account": {
    pointer: "/tenant",
    message:
      "There is no account for you at this authority. Check you chose your own authority, or ask your administrator for an account.",
  },
  disabled: { message: "Your account is disabled. Ask your administrator if you need it again." },
  unavailable: {
    message:
      "Signing in with your identity provider is not available just now. Try again later, or sign in another way.",
  },
};

function providerProblems(params: URLSearchParams): Problem[] {
  const problem = PROVIDER_PROBLEMS[params.get("problem") ?? ""];
  return problem ? [problem] : [];
}

function missingAnswers(tenant: string, email: string, password: string): Problem[] {
  const missing: Problem[] = [];
  if (!tenant) missing.push({ pointer: "/tenant", message: "Choose your authority" });
  if (!email.trim()) missing.push({ pointer: "/email", message: "Enter your email address" });
  if (!password) missing.push({ pointer: "/password", message: "Enter your password" });
  return missing;
}

function useSignIn(setProblems: (problems: Problem[]) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async (result) => {
        setCsrfToken(result.csrfToken);
        await queryClient.resetQueries();
        void navigate(returnPath(params), { replace: true });
      },
      onError: (error) => setProblems(readProblems(error).map((p) => (p.pointer ? p : { ...p, pointer: "/email" }))),
    }),
  );
}

/**
 * Sign in: choose the authority, then its identity providers' buttons and (unless the authority has switched
 * passwords off) email and password.
 */
export function SignInPage({ audience }: { audience: Audience }) {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const tenants = useQuery(trpc.tenants.list.queryOptions());
  const [problems, setProblems] = useState<Problem[]>(() => providerProblems(params));
  const { answers, field } = useAnswers({ tenant: params.get("tenant") ?? "", email: "", password: "" }, problems);
  const chosen = chosenTenant(answers.tenant, tenants.data);
  const options = useQuery({
    ...trpc.auth.signInOptions.queryOptions({ tenant: chosen, app: audience === "la" ? "admin" : "portal" }),
    enabled: chosen !== "",
  });
  usePageTitle("Sign in", { error: problems.length > 0 });
  const signIn = useSignIn(setProblems);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { email, password } = answers;
    const missing = missingAnswers(chosen, email, password);
    setProblems(missing);
    if (missing.length === 0) signIn.mutate({ tenant: chosen, email: email.trim(), password });
  };
  if (tenants.isPending) return <Loading />;
  if (tenants.isError) return <QueryError error={tenants.error} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get("accepted") && (
          <SuccessBanner>
            <p className="govuk-notification-banner__heading">Your password is set. Sign in to continue.</p>
          </SuccessBanner>
        )}
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          {audience === "la" ? "For local authority staff." : "For headteachers, governors and school staff."}
        </p>
        <form noValidate onSubmit={onSubmit}>
          <TenantChoice tenants={tenants.data} {...field("tenant")} />
          {options.data && options.data.providers.length > 0 && (
            <ProviderButtons providers={options.data.providers} returnTo={returnPath(params)} />
          )}
          {options.data?.passwords === false ? null : (
            <>
              {options.data && options.data.providers.length > 0 && (
                <h2 className="govuk-heading-m">Or sign in with your email address and password</h2>
              )}
              <TextInput
                {...field("email")}
                label="Email address"
                type="email"
                autoComplete="username"
                spellCheck={false}
              />
              <PasswordInput {...field("password")} label="Password" purpose="current" />
              <SubmitButton pending={signIn.isPending}>Sign in</SubmitButton>
            </>
          )}
        </form>
      </div>
    </div>
  );
}

/** A button per identity provider of the authority: each starts the provider's sign-in (a whole-page visit). */
function ProviderButtons({
  providers,
  returnTo,
}: {
  providers: readonly { label: string; startUrl: string }[];
  returnTo: string;
}) {
  return (
    <div className="govuk-button-group">
      {providers.map((provider) => (
        <a
          key={provider.startUrl}
          href={`${provider.startUrl}?returnTo=${encodeURIComponent(returnTo)}`}
          role="button"
          draggable={false}
          className="govuk-button"
          data-module="govuk-button"
        >
          {provider.label}
        </a>
      ))}
    </div>
  );
}

/** The authority: nothing to choose if there is one, radios for a few, a list for many. */
function TenantChoice({
  id,
  tenants,
  value,
  onChange,
  error,
}: {
  id: string;
  tenants: readonly Tenant[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const options = tenants.map((t) => ({ value: t.slug, label: t.name }));
  if (options.length <= 1) return null;
  return options.length <= 6 ? (
    <Radios
      id={id}
      label="Your authority"
      options={options}
      value={value}
      onChange={onChange}
      error={error}
      legendClassName="govuk-fieldset__legend--m"
    />
  ) : (
    <Select
      id={id}
      label="Your authority"
      options={options}
      value={value}
      onChange={onChange}
      placeholder="Choose your authority"
      error={error}
    />
  );
}

/** An invited user sets their password from the link they were sent. */
export function AcceptInvitePage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [problems, setProblems] = useState<Problem[]>([]);
  const { answers, field } = useAnswers({ password: "", confirm: "" }, problems);
  usePageTitle("Set your password", { error: problems.length > 0 });
  const accept = useMutation(
    trpc.auth.acceptInvite.mutationOptions({
      onSuccess: () => void navigate("/sign-in?accepted=1", { replace: true }),
      onError: (error) =>
        setProblems(
          readProblems(error).map((p) => ({
            ...p,
            pointer: p.pointer === "/password" || !p.pointer ? "/password" : p.pointer,
          })),
        ),
    }),
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { password, confirm } = answers;
    if (password !== confirm) return setProblems([{ pointer: "/confirm", message: "The passwords do not match" }]);
    accept.mutate({ tenant: params.get("tenant") ?? "", token: params.get("token") ?? "", password });
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <h1 className="govuk-heading-l">Set your password</h1>
        <form noValidate onSubmit={onSubmit}>
          <PasswordInput
            {...field("password")}
            label="New password"
            hint="At least 12 characters. A few unrelated words make a strong password."
            purpose="new"
          />
          <PasswordInput {...field("confirm")} label="Confirm the password" purpose="new" />
          <SubmitButton pending={accept.isPending}>Set password</SubmitButton>
        </form>
      </div>
    </div>
  );
}
