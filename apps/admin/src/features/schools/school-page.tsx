import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import {
  BackLink,
  ErrorPage,
  ErrorSummary,
  formatDate,
  humanise,
  Loading,
  readProblems,
  SummaryList,
  useCan,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { governanceLabel } from "../../lib/vocabulary.ts";
import { SchoolIndicators } from "./school-indicators.tsx";
import { SchoolAttributes, SchoolContacts, SchoolLinks } from "./school-profile.tsx";

type School = RouterOutputs["schools"]["get"];

export function SchoolPage() {
  const { urn = "" } = useParams();
  const trpc = useTRPC();
  const can = useCan();
  const navigate = useNavigate();
  const [problems, setProblems] = useState<Problem[]>([]);
  const school = useQuery(trpc.schools.get.queryOptions({ urn: Number(urn) }));
  const open = useMutation(
    trpc.cases.open.mutationOptions({
      onSuccess: (r) => void navigate(`/cases/${r.caseId}`),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  usePageTitle(school.data?.name ?? "School");
  if (school.isPending) return <Loading />;
  if (school.isError) return <ErrorPage error={school.error} title="School not found" />;
  const s = school.data;
  return (
    <>
      <BackLink to="/schools">Back to schools</BackLink>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">URN {s.urn}</span>
      <h1 className="govuk-heading-l">{s.name}</h1>
      {s.caseId ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${s.caseId}`}>
            Open the school's case
          </Link>
        </p>
      ) : (
        can("create Case") &&
        s.status === "open" && (
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            onClick={() => open.mutate({ urn: s.urn })}
          >
            Open a case for this school
          </button>
        )
      )}
      <SchoolDetails school={s} />
      <SchoolAttributes school={s} />
      <SchoolContacts school={s} canChange={can("update School")} />
      <SchoolIndicators urn={s.urn} />
      <SchoolLinks school={s} />
    </>
  );
}

/** What GIAS says of the school, and its last Ofsted grade. */
function SchoolDetails({ school: s }: { school: School }) {
  return (
    <SummaryList
      rows={[
        { key: "LAESTAB", value: s.laestab ?? "" },
        { key: "Phase", value: humanise(s.phase) },
        { key: "Type", value: s.typeOfEstablishment ?? "" },
        { key: "Governance", value: governanceLabel(s.governance) },
        s.trust !== null && { key: "Trust", value: s.trust },
        { key: "Status", value: humanise(s.status) },
        { key: "District", value: s.district ?? "" },
        { key: "Postcode", value: s.postcode ?? "" },
        s.openedOn !== null && { key: "Opened", value: formatDate(s.openedOn) },
        s.closedOn !== null && { key: "Closed", value: formatDate(s.closedOn) },
        s.pupils !== null && { key: "Pupils", value: String(s.pupils) },
        s.ofsted !== null && {
          key: "Ofsted",
          value: `${humanise(s.ofsted.overallEffectiveness) || "No grade"}${s.ofsted.inspectionDate ? `, inspected ${formatDate(s.ofsted.inspectionDate)}` : ""}`,
        },
      ]}
    />
  );
}
