import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { formatDate, Loading, QueryError, usePageTitle, useTRPC, WorkList } from "@steward/ui";

import { neededLink } from "./needed-links.ts";

/** What the local authority needs from the school (a letter to acknowledge, a form a letter asks for), by when. */
export function NeededPage() {
  const trpc = useTRPC();
  const work = useQuery(trpc.tasks.mine.queryOptions());
  usePageTitle("What we need from you");
  if (work.isPending) return <Loading />;
  if (work.error) return <QueryError error={work.error} />;
  const { groups, total, today } = work.data;
  return (
    <>
      <h1 className="govuk-heading-l">What we need from you</h1>
      <p className="govuk-body">
        {total === 0
          ? `The local authority needs nothing from you on ${formatDate(today)}.`
          : "What the local authority has asked your school for, the soonest due first. Each links to where you do it."}
      </p>
      <WorkList groups={groups} linkTo={neededLink} showSchool={false} />
    </>
  );
}

/** The school home page's summary: what is needed, with a link to the full list (nothing when nothing is). */
export function NeededSummary() {
  const trpc = useTRPC();
  const work = useQuery(trpc.tasks.mine.queryOptions());
  const items = work.data?.groups.flatMap((g) => g.items) ?? [];
  if (items.length === 0) return null;
  return (
    <div
      className="govuk-notification-banner"
      role="region"
      aria-labelledby="needed-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="needed-title">
          What we need from you
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {items.length === 1
            ? "The local authority needs one thing"
            : `The local authority needs ${items.length} things`}{" "}
          from your school.
        </p>
        <ul className="govuk-list">
          {items.map((item) => (
            <li key={`${item.caseId}:${item.key}`}>
              <Link className="govuk-notification-banner__link" to={neededLink(item)}>
                {item.label}
              </Link>
              {item.due && ` (${item.group === "overdue" ? "overdue since" : "by"} ${formatDate(item.due)})`}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
