import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import {
  ErrorPage,
  ErrorSummary,
  Loading,
  readProblems,
  usePageTitle,
  useTRPC,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { useRefreshPolicy, useVersion, useVersions, versionName } from "./policy-hooks.ts";
import { CaseMapping, ImpactReport, type Mapping } from "./publish-impact.tsx";

type PolicyProblem = RouterOutputs["policy"]["get"]["problems"][number];

/** The mapping as the API takes it: only the kinds that map something, nothing at all if neither does. */
function mappingInput(mapping: Mapping) {
  const { categories, stages } = mapping;
  const given = {
    ...(Object.keys(categories).length ? { categories } : {}),
    ...(Object.keys(stages).length ? { stages } : {}),
  };
  return Object.keys(given).length ? { mapping: given } : {};
}

/** "This draft has N problems. Fix them before publishing", linking to the section of the first. */
function ProblemsWarning({ versionId, errors }: { versionId: string; errors: PolicyProblem[] }) {
  const [first] = errors;
  if (!first) return null;
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        This draft has {errors.length} problem{errors.length === 1 ? "" : "s"}.{" "}
        <Link className="govuk-link" to={`/policy/${versionId}?section=${first.pointer.split("/")[1]}`}>
          Fix them
        </Link>{" "}
        before publishing.
      </strong>
    </div>
  );
}

/** Publishing: the impact report (schools changing category or stage, visit workload before and after), mapping, then publish. */
export function PublishPage() {
  const { versionId = "" } = useParams();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const refresh = useRefreshPolicy();
  const versions = useVersions();
  const draft = useVersion(versionId);
  const published = versions.data?.find((v) => v.status === "published");
  const current = useQuery(trpc.policy.get.queryOptions({ id: published?.id ?? "" }, { enabled: Boolean(published) }));
  const [mapping, setMappingState] = useState<Mapping>({ categories: {}, stages: {} });
  const setMapping = (kind: keyof Mapping, from: string, to: string) =>
    setMappingState((m) => ({ ...m, [kind]: { ...m[kind], [from]: to } }));
  const [problems, setProblems] = useState<Problem[]>([]);
  const impact = useQuery(
    trpc.policy.impact.queryOptions(
      { id: versionId, ...mappingInput(mapping) },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const publish = useMutation(
    trpc.policy.publish.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        const notMoved = result.moves.failed.length;
        await navigate(`/policy?published=${result.version}${notMoved > 0 ? `&notMoved=${notMoved}` : ""}`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  usePageTitle(draft.data ? `Publish ${versionName(draft.data)}` : "Publish");
  if (draft.isPending || versions.isPending) return <Loading />;
  if (draft.isError) return <ErrorPage error={draft.error} title="Policy version not found" />;
  // A draft out of the policy's shape has no impact to show: its problems say what to fix.
  const next = draft.data.inShape ? draft.data.document : undefined;
  const before = current.data?.inShape ? current.data.document : undefined;
  return (
    <>
      <Link to={`/policy/${versionId}`} className="govuk-back-link">
        Back to {versionName(draft.data)}
      </Link>
      <ErrorSummary problems={problems} title="The version was not published" />
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{versionName(draft.data)}</span>
        Publish this version
      </h1>
      {draft.data.status !== "draft" && <p className="govuk-body">This version is {draft.data.status}.</p>}
      <ProblemsWarning versionId={versionId} errors={draft.data.problems.filter((p) => p.severity === "error")} />
      <p className="govuk-body">
        Publishing makes this version the one in force{published ? `, retires ${versionName(published)}` : ""} and moves
        every open case to it.{" "}
        <Link className="govuk-link" to={`/policy/${versionId}/diff`}>
          See what changed
        </Link>
        .
      </p>
      {next && (
        <>
          <CaseMapping before={before} next={next} mapping={mapping} setMapping={setMapping} />
          <ImpactReport impact={impact} before={before} next={next} />
        </>
      )}
      {draft.data.status === "draft" && (
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={publish.isPending || !impact.data}
            onClick={() => publish.mutate({ id: versionId, revision: draft.data.revision, ...mappingInput(mapping) })}
          >
            Publish {versionName(draft.data)}
          </button>
          <Link className="govuk-link" to="/policy">
            Cancel
          </Link>
        </div>
      )}
    </>
  );
}
