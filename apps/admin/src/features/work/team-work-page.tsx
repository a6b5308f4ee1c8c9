import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { DataTable, formatDate, Loading, QueryError, usePageTitle, useTRPC } from "@steward/ui";

import { workLink } from "./work-links.ts";

/** For those who share out the work: each person's (and each role's) open work, the most overdue first. */
export function TeamWorkPage() {
  const trpc = useTRPC();
  const team = useQuery(trpc.tasks.team.queryOptions());
  usePageTitle("Team's work");
  if (team.isPending) return <Loading />;
  if (team.error) return <QueryError error={team.error} />;
  const { people, today } = team.data;
  return (
    <>
      <h1 className="govuk-heading-l">Team&apos;s work</h1>
      <p className="govuk-body">
        Open work on {formatDate(today)} on the cases you may read, by the person (or the role) it is for.
      </p>
      <DataTable
        caption="Open work by person"
        columns={[
          {
            heading: "Person",
            cell: (p) => (
              <a className="govuk-link" href={`#${p.assignee}`}>
                {p.name}
              </a>
            ),
          },
          { heading: "Open", cell: (p) => p.items.length, numeric: true },
          { heading: "Overdue", cell: (p) => p.overdue, numeric: true },
        ]}
        rows={people}
        rowKey={(p) => p.assignee}
        empty="Nobody has open work."
      />
      {people.map((person) => (
        <section key={person.assignee} id={person.assignee} aria-label={person.name}>
          <DataTable
            caption={person.name}
            columns={[
              {
                heading: "Work",
                cell: (item) => (
                  <Link className="govuk-link" to={workLink(item)}>
                    {item.label}
                  </Link>
                ),
              },
              { heading: "School", cell: (item) => item.schoolName },
              { heading: "Due", cell: (item) => (item.due ? formatDate(item.due) : "No due date") },
            ]}
            rows={person.items}
            rowKey={(item) => `${item.caseId}:${item.key}`}
          />
        </section>
      ))}
    </>
  );
}
