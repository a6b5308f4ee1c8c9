import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import {
  CsvButton,
  DataTable,
  formatDateTime,
  humanise,
  Loading,
  QueryError,
  Tag,
  useCan,
  usePageTitle,
  useTRPC,
  type Column,
  type RouterOutputs,
} from "@steward/ui";

type User = RouterOutputs["users"]["list"][number];

export function UsersPage() {
  const trpc = useTRPC();
  const can = useCan();
  const users = useQuery(trpc.users.list.queryOptions({}));
  usePageTitle("Users and roles");
  const columns: Column<User>[] = [
    {
      heading: "Name",
      cell: (u) => (
        <Link className="govuk-link" to={`/users/${u.id}`}>
          {u.displayName}
        </Link>
      ),
      csv: (u) => u.displayName,
    },
    { heading: "Email", cell: (u) => u.email, csv: (u) => u.email },
    {
      heading: "Roles",
      cell: (u) => u.grants.map((g) => `${g.roleLabel}${g.schoolUrn ? ` (URN ${g.schoolUrn})` : ""}`).join(", "),
      csv: (u) => u.grants.map((g) => g.roleLabel).join("; "),
    },
    {
      heading: "Status",
      cell: (u) => (
        <>
          <Tag colour={u.status === "active" ? "green" : u.status === "invited" ? "blue" : "grey"}>
            {humanise(u.status)}
          </Tag>
          {u.locked && (
            <>
              {" "}
              <Tag colour="red">Locked</Tag>
            </>
          )}
        </>
      ),
      csv: (u) => u.status,
    },
    { heading: "Last signed in", cell: (u) => formatDateTime(u.lastSignInAt) || "Never", csv: (u) => u.lastSignInAt },
  ];
  return (
    <>
      <h1 className="govuk-heading-l">Users and roles</h1>
      {can("invite User") && (
        <Link to="/users/invite" className="govuk-button" data-module="govuk-button" role="button">
          Invite a user
        </Link>
      )}
      {users.isPending && <Loading />}
      {users.isError && <QueryError error={users.error} />}
      {users.data && (
        <>
          <div className="steward-table-scroll">
            <DataTable
              caption={`${users.data.length} users`}
              captionSize="s"
              columns={columns}
              rows={users.data}
              rowKey={(u) => u.id}
            />
          </div>
          <CsvButton filename="users.csv" columns={columns} rows={users.data} />
        </>
      )}
    </>
  );
}
