import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import {
  formatDate,
  Loading,
  QueryError,
  SummaryList,
  Tag,
  today,
  useCan,
  usePageTitle,
  useSession,
  useTRPC,
} from "@steward/ui";

import { ResponsesDue } from "../letters/letter-response.tsx";
import { NeededSummary } from "../needed/needed-page.tsx";
import { RegistersSection } from "../registers/registers-section.tsx";
import { useSchoolCase, useSchoolLetters, type CaseView } from "../school-case.ts";
import { SchoolIndicators } from "./school-indicators.tsx";

/** The school's home: its category (where the policy shows it), what is coming and what needs doing. */
export function OverviewPage() {
  const me = useSession();
  const trpc = useTRPC();
  const { view, isPending, error, hasCase } = useSchoolCase();
  const school = useQuery(
    trpc.schools.get.queryOptions({ urn: me.schoolUrn ?? 0 }, { enabled: Boolean(me.schoolUrn) }),
  );
  // Read on their own (not through the case), as the letters and forms pages do.
  const can = useCan();
  const letters = useSchoolLetters({ enabled: can("read Letter") });
  const forms = useQuery(trpc.forms.list.queryOptions({ ...(me.schoolUrn ? { schoolUrn: me.schoolUrn } : {}) }));
  usePageTitle("Your school");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const name = view?.school.name ?? school.data?.name ?? "Your school";
  const upcoming = (view?.visits ?? [])
    .filter((v) => v.status === "scheduled" && v.date >= today())
    .sort((a, b) => a.date.localeCompare(b.date));
  const reports = (view?.visits ?? []).filter((v) => v.report);
  const drafts = forms.data?.responses.filter((r) => r.status === "draft") ?? [];
  return (
    <>
      <span className="govuk-caption-l">URN {view?.school.urn ?? me.schoolUrn}</span>
      <h1 className="govuk-heading-l">{name}</h1>
      {!hasCase && (
        <p className="govuk-body">Your school has no open school improvement case with the local authority.</p>
      )}
      {view && <CaseSummary view={view} nextVisit={upcoming[0]} />}
      <NeededSummary />
      <ResponsesDue letters={letters.data?.letters ?? []} />
      <ComingUp
        upcoming={upcoming}
        reports={reports.length}
        drafts={drafts.length}
        letters={view?.letters.length ?? 0}
      />
      {view && <RegistersSection registers={view.registers} />}
      {me.schoolUrn !== undefined && me.schoolUrn !== null && <SchoolIndicators urn={me.schoolUrn} />}
    </>
  );
}

type Visit = CaseView["visits"][number];

/** The school's category and stage (where the policy shows them), its adviser and next visit. */
function CaseSummary({ view, nextVisit }: { view: CaseView; nextVisit: Visit | undefined }) {
  return (
    <SummaryList
      rows={[
        view.category && {
          key: "Category",
          value: (
            <>
              <Tag colour={view.category.colour}>{view.category.label}</Tag>
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
                Since {formatDate(view.category.effectiveFrom)}
              </span>
            </>
          ),
        },
        // The API sends the stage only when the policy shows it to schools.
        view.stage && {
          key: "Stage",
          value: (
            <>
              {view.stage.label}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
                Since {formatDate(view.stage.since)}
              </span>
            </>
          ),
        },
        view.assignedOfficer && { key: "Your adviser", value: view.assignedOfficer.name },
        {
          key: "Next visit",
          value: nextVisit ? `${nextVisit.visitType.label}, ${formatDate(nextVisit.date)}` : "None booked",
        },
      ]}
    />
  );
}

/** What is coming (visits) and what there is to read or do (reports, forms, letters). */
function ComingUp({
  upcoming,
  reports,
  drafts,
  letters,
}: {
  upcoming: Visit[];
  reports: number;
  drafts: number;
  letters: number;
}) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Upcoming visits</h2>
        {upcoming.length === 0 ? (
          <p className="govuk-body">No visits booked.</p>
        ) : (
          <ul className="govuk-list">
            {upcoming.map((v) => (
              <li key={v.id}>
                {v.visitType.label}, {formatDate(v.date)}
              </li>
            ))}
          </ul>
        )}
        <h2 className="govuk-heading-m">Visit reports</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/visits">
            {reports === 1 ? "1 published report" : `${reports} published reports`}
          </Link>
        </p>
      </div>
      <div className="govuk-grid-column-one-half">
        <h2 className="govuk-heading-m">Forms</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forms">
            {drafts ? `${drafts} form${drafts === 1 ? "" : "s"} in progress` : "Forms to complete"}
          </Link>
        </p>
        <h2 className="govuk-heading-m">Letters and notices</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/letters">
            {letters === 1 ? "1 letter" : `${letters} letters`}
          </Link>
        </p>
      </div>
    </div>
  );
}
