import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useParams } from "react-router";

import {
  BackLink,
  ErrorPage,
  ErrorSummary,
  fieldError,
  formatDateTime,
  humanise,
  Loading,
  readProblems,
  SubmitButton,
  SuccessBanner,
  SummaryList,
  Tag,
  useCan,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { GrantFields, toGrants } from "./grant-fields.tsx";
import { usePolicyRoles } from "./roles.ts";

type User = RouterOutputs["users"]["list"][number];

export function UserPage() {
  const { userId = "" } = useParams();
  const trpc = useTRPC();
  const users = useQuery(trpc.users.list.queryOptions({}));
  const user = users.data?.find((u) => u.id === userId);
  usePageTitle(user?.displayName ?? "User");
  if (users.isPending) return <Loading />;
  if (users.isError) return <ErrorPage error={users.error} />;
  if (!user) return <ErrorPage error={new Error("There is no such user.")} title="User not found" />;
  return <UserDetail key={user.id} user={user} />;
}

type Update = ReturnType<typeof useUserUpdate>;

/** Changing a user: roles, disabling or enabling, unlocking. Each change ends the user's sessions. */
function useUserUpdate(setProblems: (problems: Problem[]) => void, setDone: (message: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.users.setRoles.mutationOptions({
      onSuccess: async () => {
        setProblems([]);
        await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
        setDone("Saved. The user's sessions have ended, so the change applies when they next sign in.");
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
}

function UserDetail({ user }: { user: User }) {
  const can = useCan();
  const { roles } = usePolicyRoles();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string>();
  const update = useUserUpdate(setProblems, setDone);
  // Only a user whose every role the signed-in user may give can be changed by them.
  const mayChange = user.grants.every((g) => roles.some((r) => r.key === g.role));
  return (
    <>
      <BackLink to="/users">Back to users</BackLink>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">{user.displayName}</h1>
      <UserSummary user={user} />
      {can("update User") && !mayChange && (
        <p className="govuk-inset-text">
          This user holds a role your roles do not let you give, so you cannot change their roles or disable them.
        </p>
      )}
      {can("update User") && mayChange && (
        <>
          <RolesForm user={user} update={update} problems={problems} />
          <AccountButtons user={user} update={update} />
        </>
      )}
    </>
  );
}

function UserSummary({ user }: { user: User }) {
  return (
    <SummaryList
      rows={[
        { key: "Email", value: user.email },
        {
          key: "Status",
          value: (
            <>
              <Tag colour={user.status === "active" ? "green" : "grey"}>{humanise(user.status)}</Tag>
              {user.locked && (
                <>
                  {" "}
                  <Tag colour="red">Locked</Tag>
                </>
              )}
            </>
          ),
        },
        {
          key: "Roles",
          value: user.grants.map((g) => `${g.roleLabel}${g.schoolUrn ? ` (URN ${g.schoolUrn})` : ""}`).join(", "),
        },
        { key: "Last signed in", value: formatDateTime(user.lastSignInAt) || "Never" },
      ]}
    />
  );
}

function RolesForm({ user, update, problems }: { user: User; update: Update; problems: Problem[] }) {
  const { roles } = usePolicyRoles();
  const [chosen, setChosen] = useState(user.grants.map((g) => g.role));
  const [urn, setUrn] = useState(String(user.grants.find((g) => g.schoolUrn)?.schoolUrn ?? ""));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: user.id, grants: toGrants(roles, chosen, urn) });
  };
  return (
    <form noValidate onSubmit={submit}>
      <GrantFields
        roles={roles}
        chosen={chosen}
        setChosen={setChosen}
        urn={urn}
        setUrn={setUrn}
        error={fieldError(problems, "grants")}
      />
      <SubmitButton>Save roles</SubmitButton>
    </form>
  );
}

function AccountButtons({ user, update }: { user: User; update: Update }) {
  return (
    <div className="govuk-button-group">
      {user.status === "active" && (
        <button
          type="button"
          className="govuk-button govuk-button--warning"
          onClick={() => update.mutate({ id: user.id, status: "disabled" })}
        >
          Disable this user
        </button>
      )}
      {user.status === "disabled" && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => update.mutate({ id: user.id, status: "active" })}
        >
          Enable this user
        </button>
      )}
      {user.locked && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => update.mutate({ id: user.id, unlock: true })}
        >
          Unlock the account
        </button>
      )}
    </div>
  );
}
