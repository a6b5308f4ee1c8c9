/**
 * The publish page's parts: where the cases of removed categories and stages go, and the impact of
 * publishing (schools changing category or stage, visit workload before and after, what roles gain or
 * lose, the forms that change and the drafts in progress they affect), each with its CSV.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";

import type { PolicyDocument } from "@steward/policy-config";
import { CsvButton, DataTable, Loading, QueryError, Select, Tag, type Column, type RouterOutputs } from "@steward/ui";

import { PeopleImpact } from "./publish-people.tsx";

type Impact = RouterOutputs["policy"]["impact"];
type CaseImpact = Impact["cases"][number];
type Workload = Impact["workload"][number];
export type Mapping = Record<"categories" | "stages", Record<string, string>>;

/** A category's or stage's label in a version of the policy ("None" for no key, the key if it is gone). */
function label(doc: PolicyDocument | undefined, kind: "categories" | "stages", key: string | null) {
  if (!key) return "None";
  const list = kind === "categories" ? doc?.categories : doc?.escalation.stages;
  return list?.find((x) => x.key === key)?.label ?? key;
}

function change(before: string, after: string, changed: boolean) {
  if (!changed) return after;
  return (
    <>
      {before} → <strong>{after}</strong>
    </>
  );
}

function caseColumns(before: PolicyDocument | undefined, next: PolicyDocument): Column<CaseImpact>[] {
  const labels = (kind: "categories" | "stages", side: { before: string | null; after: string | null }) => ({
    before: label(before, kind, side.before),
    after: label(next, kind, side.after),
  });
  return [
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
      cell: (c) => {
        const l = labels("categories", c.category);
        return change(l.before, l.after, c.category.changed);
      },
      csv: (c) => `${labels("categories", c.category).before} -> ${labels("categories", c.category).after}`,
    },
    {
      heading: "Stage",
      cell: (c) => {
        const l = labels("stages", c.stage);
        return change(l.before, l.after, c.stage.changed);
      },
      csv: (c) => `${labels("stages", c.stage).before} -> ${labels("stages", c.stage).after}`,
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
}

const WORKLOAD_COLUMNS: Column<Workload>[] = [
  { heading: "Officer", cell: (w) => w.officer, csv: (w) => w.officer },
  { heading: "Half-term", cell: (w) => w.halfTerm, csv: (w) => w.halfTerm },
  { heading: "Visits before", cell: (w) => w.before, csv: (w) => w.before, numeric: true },
  { heading: "Visits after", cell: (w) => w.after, csv: (w) => w.after, numeric: true },
  {
    heading: "Change",
    cell: (w) => (w.after - w.before === 0 ? "No change" : `${w.after - w.before > 0 ? "+" : ""}${w.after - w.before}`),
    csv: (w) => w.after - w.before,
    numeric: true,
  },
];

/** For each category and stage the new version drops, where its cases go. */
export function CaseMapping({
  before,
  next,
  mapping,
  setMapping,
}: {
  before: PolicyDocument | undefined;
  next: PolicyDocument;
  mapping: Mapping;
  setMapping: (kind: keyof Mapping, from: string, to: string) => void;
}) {
  const goneCategories = (before?.categories ?? []).filter((c) => !next.categories?.some((n) => n.key === c.key));
  const goneStages = (before?.escalation.stages ?? []).filter(
    (s) => !next.escalation?.stages.some((n) => n.key === s.key),
  );
  if (goneCategories.length === 0 && goneStages.length === 0) return null;
  return (
    <section aria-labelledby="mapping-heading">
      <h2 className="govuk-heading-m" id="mapping-heading">
        Where cases go
      </h2>
      <p className="govuk-body">Some categories or stages are not in the new version. Choose where their cases go.</p>
      {goneCategories.map((c) => (
        <Select
          key={c.key}
          id={`map-category-${c.key}`}
          label={`Cases in the category “${c.label}”`}
          value={mapping.categories[c.key] ?? ""}
          onChange={(v) => setMapping("categories", c.key, v)}
          placeholder="Choose a category"
          options={(next.categories ?? []).map((n) => ({ value: n.key, label: n.label }))}
        />
      ))}
      {goneStages.map((s) => (
        <Select
          key={s.key}
          id={`map-stage-${s.key}`}
          label={`Cases at the stage “${s.label}”`}
          value={mapping.stages[s.key] ?? ""}
          onChange={(v) => setMapping("stages", s.key, v)}
          placeholder="Choose a stage"
          options={(next.escalation?.stages ?? []).map((n) => ({ value: n.key, label: n.label }))}
        />
      ))}
    </section>
  );
}

export function ImpactReport({
  impact,
  before,
  next,
}: {
  impact: Pick<UseQueryResult<Impact, unknown>, "data" | "isPending" | "isError" | "error">;
  before: PolicyDocument | undefined;
  next: PolicyDocument;
}) {
  const columns = caseColumns(before, next);
  const changed =
    impact.data?.cases.filter((c) => c.category.changed || c.stage.changed || c.problems.length > 0) ?? [];
  return (
    <>
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
            columns={columns}
            rows={changed}
            rowKey={(c) => c.caseId}
            empty="No school changes category or stage."
          />
          {changed.length > 0 && <CsvButton filename="publication-impact.csv" columns={columns} rows={changed} />}
          <div className="steward-table-scroll">
            <DataTable
              caption="Visit workload per officer per half-term, before and after"
              captionSize="s"
              columns={WORKLOAD_COLUMNS}
              rows={impact.data.workload}
              rowKey={(w) => `${w.officer}-${w.halfTerm}`}
              empty="No visits planned."
            />
          </div>
          <CsvButton filename="visit-workload.csv" columns={WORKLOAD_COLUMNS} rows={impact.data.workload} />
          <PeopleImpact impact={impact.data} />
        </>
      )}
    </>
  );
}
