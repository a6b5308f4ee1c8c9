import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";

import type { PolicyDocument } from "@steward/policy-config";
import {
  CsvButton,
  DataTable,
  ErrorPage,
  ErrorSummary,
  Loading,
  QueryError,
  readProblems,
  Select,
  Tag,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
  type RouterOutputs,
} from "@steward/ui";

import { useRefreshPolicy, useVersion, useVersions, versionName } from "./policy-hooks.ts";

type Impact = RouterOutputs["policy"]["impact"];
type CaseImpact = Impact["cases"][number];
type Workload = Impact["workload"][number];

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
  const [categoryMap, setCategoryMap] = useState<Record<string, string>>({});
  const [stageMap, setStageMap] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const mapping = {
    ...(Object.keys(categoryMap).length ? { categories: categoryMap } : {}),
    ...(Object.keys(stageMap).length ? { stages: stageMap } : {}),
  };
  const impact = useQuery(
    trpc.policy.impact.queryOptions(
      { id: versionId, ...(Object.keys(mapping).length ? { mapping } : {}) },
      { placeholderData: keepPreviousData, staleTime: 0 },
    ),
  );
  const publish = useMutation(
    trpc.policy.publish.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        await navigate(`/policy?published=${result.version}`);
      },
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  usePageTitle(draft.data ? `Publish ${versionName(draft.data)}` : "Publish");
  if (draft.isPending || versions.isPending) return <Loading />;
  if (draft.isError) return <ErrorPage error={draft.error} title="Policy version not found" />;
  const next = draft.data.document as unknown as PolicyDocument;
  const before = current.data?.document as unknown as PolicyDocument | undefined;
  const label = (doc: PolicyDocument | undefined, kind: "categories" | "stages", key: string | null) => {
    if (!key) return "None";
    const list = kind === "categories" ? doc?.categories : doc?.escalation.stages;
    return list?.find((x) => x.key === key)?.label ?? key;
  };
  const errors = draft.data.problems.filter((p) => p.severity === "error");
  const goneCategories = (before?.categories ?? []).filter((c) => !next.categories?.some((n) => n.key === c.key));
  const goneStages = (before?.escalation.stages ?? []).filter(
    (s) => !next.escalation?.stages.some((n) => n.key === s.key),
  );
  const changed =
    impact.data?.cases.filter((c) => c.category.changed || c.stage.changed || c.problems.length > 0) ?? [];
  const caseColumns: Column<CaseImpact>[] = [
    {
      heading: "School",
      cell: (c) => (
        <Link className="govuk-link" to={`/cases/${c.caseId}`}>
          {c.school}
        </Link>
      ),
      csv: (c) => c.school,
    },
    {
      heading: "Category",
      cell: (c) =>
        c.category.changed ? (
          <>
            {label(before, "categories", c.category.before)} →{" "}
            <strong>{label(next, "categories", c.category.after)}</strong>
          </>
        ) : (
          label(next, "categories", c.category.after)
        ),
      csv: (c) => `${label(before, "categories", c.category.before)} -> ${label(next, "categories", c.category.after)}`,
    },
    {
      heading: "Stage",
      cell: (c) =>
        c.stage.changed ? (
          <>
            {label(before, "stages", c.stage.before)} → <strong>{label(next, "stages", c.stage.after)}</strong>
          </>
        ) : (
          label(next, "stages", c.stage.after)
        ),
      csv: (c) => `${label(before, "stages", c.stage.before)} -> ${label(next, "stages", c.stage.after)}`,
    },
    {
      heading: "Problems",
      cell: (c) =>
        c.problems.length ? (
          <>
            <Tag colour="red">Blocked</Tag> {c.problems.join(" ")}
          </>
        ) : (
          "None"
        ),
      csv: (c) => c.problems.join(" "),
    },
  ];
  const workloadColumns: Column<Workload>[] = [
    { heading: "Officer", cell: (w) => w.officer, csv: (w) => w.officer },
    { heading: "Half-term", cell: (w) => w.halfTerm, csv: (w) => w.halfTerm },
    { heading: "Visits before", cell: (w) => w.before, csv: (w) => w.before, numeric: true },
    { heading: "Visits after", cell: (w) => w.after, csv: (w) => w.after, numeric: true },
    {
      heading: "Change",
      cell: (w) =>
        w.after - w.before === 0 ? "No change" : `${w.after - w.before > 0 ? "+" : ""}${w.after - w.before}`,
      csv: (w) => w.after - w.before,
      numeric: true,
    },
  ];
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
      {errors.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This draft has {errors.length} problem{errors.length === 1 ? "" : "s"}.{" "}
            <Link className="govuk-link" to={`/policy/${versionId}?section=${errors[0]!.pointer.split("/")[1]}`}>
              Fix them
            </Link>{" "}
            before publishing.
          </strong>
        </div>
      )}
      <p className="govuk-body">
        Publishing makes this version the one in force{published ? `, retires ${versionName(published)}` : ""} and moves
        every open case to it.{" "}
        <Link className="govuk-link" to={`/policy/${versionId}/diff`}>
          See what changed
        </Link>
        .
      </p>
      {(goneCategories.length > 0 || goneStages.length > 0) && (
        <section aria-labelledby="mapping-heading">
          <h2 className="govuk-heading-m" id="mapping-heading">
            Where cases go
          </h2>
          <p className="govuk-body">
            Some categories or stages are not in the new version. Choose where their cases go.
          </p>
          {goneCategories.map((c) => (
            <Select
              key={c.key}
              id={`map-category-${c.key}`}
              label={`Cases in the category “${c.label}”`}
              value={categoryMap[c.key] ?? ""}
              onChange={(v) => setCategoryMap((m) => ({ ...m, [c.key]: v }))}
              placeholder="Choose a category"
              options={(next.categories ?? []).map((n) => ({ value: n.key, label: n.label }))}
            />
          ))}
          {goneStages.map((s) => (
            <Select
              key={s.key}
              id={`map-stage-${s.key}`}
              label={`Cases at the stage “${s.label}”`}
              value={stageMap[s.key] ?? ""}
              onChange={(v) => setStageMap((m) => ({ ...m, [s.key]: v }))}
              placeholder="Choose a stage"
              options={(next.escalation?.stages ?? []).map((n) => ({ value: n.key, label: n.label }))}
            />
          ))}
        </section>
      )}
      <h2 className="govuk-heading-m">Impact</h2>
      {impact.isPending && <Loading what="Working out the impact" />}
      {impact.isError && <QueryError error={impact.error} />}
      {impact.data && (
        <>
          <ul className="govuk-list govuk-list--bullet" data-testid="impact-summary">
            <li>{impact.data.cases.length} open cases move to this version.</li>
            <li>{impact.data.changedCases} change category or stage.</li>
            <li>
              {impact.data.blockedCases === 0
                ? "No case is blocked."
                : `${impact.data.blockedCases} have no place in this version yet: map their category or stage above.`}
            </li>
          </ul>
          <DataTable
            caption="Schools changing category or stage"
            captionSize="s"
            columns={caseColumns}
            rows={changed}
            rowKey={(c) => c.caseId}
            empty="No school changes category or stage."
          />
          {changed.length > 0 && <CsvButton filename="publication-impact.csv" columns={caseColumns} rows={changed} />}
          <div className="steward-table-scroll">
            <DataTable
              caption="Visit workload per officer per half-term, before and after"
              captionSize="s"
              columns={workloadColumns}
              rows={impact.data.workload}
              rowKey={(w) => `${w.officer}-${w.halfTerm}`}
              empty="No visits planned."
            />
          </div>
          <CsvButton filename="visit-workload.csv" columns={workloadColumns} rows={impact.data.workload} />
        </>
      )}
      {draft.data.status === "draft" && (
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button"
            data-module="govuk-button"
            disabled={publish.isPending || !impact.data}
            onClick={() =>
              publish.mutate({
                id: versionId,
                revision: draft.data.revision,
                ...(Object.keys(mapping).length ? { mapping } : {}),
              })
            }
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
