import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useLocation } from "react-router";

import { formatDate, Loading, QueryError, useCan, usePageTitle, useSession, useTRPC, WorkList } from "@steward/ui";

import { workLink } from "./work-links.ts";

/** The LA officer's landing page: their open work on the cases they may read, by when it is due. */
export function MyWorkPage() {
  // The dashboard was the home page: a bookmark of its filtered lists (`/admin/?search=…`) still opens them.
  const { search } = useLocation();
  if (search) return <Navigate to={`/dashboard${search}`} replace />;
  return <MyWork />;
}

function MyWork() {
  const trpc = useTRPC();
  const me = useSession();
  const can = useCan();
  const work = useQuery(trpc.tasks.mine.queryOptions());
  usePageTitle("My work");
  if (work.isPending) return <Loading />;
  if (work.error) return <QueryError error={work.error} />;
  const { groups, total, today } = work.data;
  return (
    <>
      <span className="govuk-caption-l">{me.user.displayName}</span>
      <h1 className="govuk-heading-l">My work</h1>
      <p className="govuk-body">
        {total === 0
          ? `You have no open work on ${formatDate(today)}.`
          : `${total === 1 ? "1 piece" : `${total} pieces`} of open work on ${formatDate(today)}, the soonest due first.`}{" "}
        Each links to the page of the case where it is done.
      </p>
      <WorkList groups={groups} linkTo={workLink} />
      <p className="govuk-body">
        <Link className="govuk-link" to="/dashboard">
          See every case on the dashboard
        </Link>
        {can("assign Case") && (
          <>
            {" or "}
            <Link className="govuk-link" to="/work/team">
              the team&apos;s work
            </Link>
          </>
        )}
        .
      </p>
    </>
  );
}
