import { Link } from "react-router";

import { formatDate } from "../lib/format.ts";
import type { RouterOutputs } from "../trpc.ts";
import { DataTable } from "./table.tsx";

/** A group of open work (overdue, due today, ...), as `tasks.mine` sends it. */
export type WorkGroup = RouterOutputs["tasks"]["mine"]["groups"][number];
export type WorkItem = WorkGroup["items"][number];

/**
 * Open work grouped by when it is due, one table per group, each piece linking to the page where it is done
 * (`linkTo`, which each app maps to its own pages). `showSchool` adds the school, for work across many cases.
 */
export function WorkList({
  groups,
  linkTo,
  showSchool = true,
  headingLevel = 2,
}: {
  groups: readonly WorkGroup[];
  linkTo: (item: WorkItem) => string;
  showSchool?: boolean;
  headingLevel?: 2 | 3;
}) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.key} aria-label={group.label} data-testid={`work-${group.key}`}>
          <DataTable
            caption={
              headingLevel === 2 ? (
                <h2 className="govuk-heading-m govuk-!-margin-bottom-0">{`${group.label} (${group.items.length})`}</h2>
              ) : (
                <h3 className="govuk-heading-s govuk-!-margin-bottom-0">{`${group.label} (${group.items.length})`}</h3>
              )
            }
            columns={[
              {
                heading: "Work",
                cell: (item) => (
                  <Link className="govuk-link" to={linkTo(item)}>
                    {item.label}
                  </Link>
                ),
              },
              ...(showSchool
                ? [{ heading: "School", cell: (item: WorkItem) => `${item.schoolName} (URN ${item.schoolUrn})` }]
                : []),
              { heading: "Due", cell: (item) => (item.due ? formatDate(item.due) : "No due date") },
            ]}
            rows={group.items}
            rowKey={(item) => `${item.caseId}:${item.key}`}
          />
        </section>
      ))}
    </>
  );
}
