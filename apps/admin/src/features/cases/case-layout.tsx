import { useQuery } from "@tanstack/react-query";
import { NavLink, Outlet, useParams } from "react-router";

import { ErrorPage, formatDate, Loading, Tag, useTRPC } from "@steward/ui";

import { useCaseOptions, useCasePolicy, useRefreshCase, type CaseContext } from "./case-context.tsx";

const SECTIONS = [
  { to: "", label: "Overview", end: true },
  { to: "assessment", label: "Assessment" },
  { to: "visits", label: "Visits" },
  { to: "meetings", label: "Meetings" },
  { to: "letters", label: "Letters" },
  { to: "actions", label: "Action plan" },
  { to: "registers", label: "Registers" },
  { to: "as-at", label: "As it was on a date" },
];

/** A case: its heading and key facts, a menu of its parts, and the part chosen. */
export function CaseLayout() {
  const { caseId = "" } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.cases.get.queryOptions({ caseId }));
  // The case and its policy are asked for together (the policy needs only the case's id).
  const policy = useCasePolicy(caseId, query.data?.policyVersionId);
  const options = useCaseOptions(caseId);
  const refresh = useRefreshCase();
  if (query.isError) return <ErrorPage error={query.error} title="Case not found" />;
  if (query.isPending) return <Loading what="Loading the case" />;
  if (policy.isError) return <ErrorPage error={policy.error} title="The case's policy could not be loaded" />;
  if (!policy.data) return <Loading what="Loading the case" />;
  if (options.isError) return <ErrorPage error={options.error} title="The case's choices could not be loaded" />;
  if (!options.data) return <Loading what="Loading the case" />;
  const view = query.data;
  const nextVisit = view.visits.filter((v) => v.status === "scheduled").sort((a, b) => a.date.localeCompare(b.date))[0];
  const context: CaseContext = { view, policy: policy.data, options: options.data, refresh };
  return (
    <>
      <span className="govuk-caption-l">
        URN {view.school.urn}
        {view.status === "closed" && " (case closed)"}
      </span>
      <h1 className="govuk-heading-l">{view.school.name}</h1>
      <ul className="govuk-list steward-key-facts" aria-label="Key facts">
        <li>
          <span className="govuk-!-font-weight-bold">Category: </span>
          {view.category ? (
            <Tag colour={view.category.colour}>{view.category.label}</Tag>
          ) : view.categoryHidden ? (
            "Not shown to you"
          ) : (
            "Not yet categorised"
          )}
        </li>
        <li>
          <span className="govuk-!-font-weight-bold">Stage: </span>
          {view.stage?.label ?? "Not shown to you"}
        </li>
        <li>
          <span className="govuk-!-font-weight-bold">Officer: </span>
          {view.assignedOfficer?.name ?? "Not assigned"}
        </li>
        <li>
          <span className="govuk-!-font-weight-bold">Next visit: </span>
          {nextVisit ? `${nextVisit.visitType.label}, ${formatDate(nextVisit.date)}` : "None booked"}
        </li>
      </ul>
      <nav className="steward-sub-navigation" aria-label="Case sections">
        <ul className="steward-sub-navigation__list">
          {SECTIONS.filter((s) => s.to !== "registers" || view.registers.length > 0).map((s) => (
            <li key={s.to} className="steward-sub-navigation__item">
              <NavLink to={s.to} end={s.end} className="govuk-link steward-sub-navigation__link">
                {({ isActive }) => (isActive ? <strong>{s.label}</strong> : s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet context={context} />
    </>
  );
}
