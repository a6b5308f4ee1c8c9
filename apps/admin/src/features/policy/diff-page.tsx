import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";

import {
  DataTable,
  ErrorPage,
  humanise,
  Loading,
  QueryError,
  Tag,
  usePageTitle,
  useTRPC,
  type Column,
  type RouterOutputs,
} from "@steward/ui";

import { SECTIONS } from "./editor-page.tsx";
import { useVersions, versionName } from "./policy-hooks.ts";
import { WordDiff } from "./word-diff.tsx";

const KIND_COLOUR: Record<string, string> = { added: "green", removed: "red", changed: "yellow", moved: "blue" };

type DiffEntry = RouterOutputs["policy"]["diff"]["entries"][number];

const DIFF_COLUMNS: Column<DiffEntry>[] = [
  { heading: "Change", cell: (e) => <Tag colour={KIND_COLOUR[e.kind] ?? "grey"}>{humanise(e.kind)}</Tag> },
  {
    heading: "What changed",
    cell: (e) => (
      <>
        {e.message}
        {e.text && <WordDiff parts={e.text} />}
        <span className="govuk-body-s govuk-!-display-block steward-secondary-text">{e.section}</span>
      </>
    ),
  },
];

/** The changes from the published version to this one, in words, section by section. */
export function DiffPage() {
  const { versionId = "" } = useParams();
  const trpc = useTRPC();
  const versions = useVersions();
  const version = versions.data?.find((v) => v.id === versionId);
  const published = versions.data?.find((v) => v.status === "published");
  const base =
    published && published.id !== versionId ? published : versions.data?.find((v) => v.id === version?.basedOnId);
  const diff = useQuery(
    trpc.policy.diff.queryOptions(
      { fromId: base?.id ?? "", toId: versionId },
      { enabled: Boolean(base), staleTime: 0 },
    ),
  );
  usePageTitle(version ? `Changes in ${versionName(version)}` : "Changes");
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <QueryError error={versions.error} />;
  if (!version)
    return <ErrorPage error={new Error("There is no such policy version.")} title="Policy version not found" />;
  const entries = diff.data?.entries ?? [];
  const bySection = SECTIONS.map((s) => ({
    ...s,
    entries: entries.filter((e) => e.pointer.split("/")[1] === s.key),
  })).filter((s) => s.entries.length > 0);
  const other = entries.filter((e) => !SECTIONS.some((s) => s.key === e.pointer.split("/")[1]));
  return (
    <>
      <Link to={`/policy/${versionId}`} className="govuk-back-link">
        Back to {versionName(version)}
      </Link>
      <h1 className="govuk-heading-l">
        <span className="govuk-caption-l">{versionName(version)}</span>
        Changes from {base ? versionName(base) : "the published version"}
      </h1>
      {!base && <p className="govuk-body">There is no other version to compare this one with.</p>}
      {diff.isPending && base && <Loading what="Comparing the versions" />}
      {diff.isError && <QueryError error={diff.error} />}
      {diff.data && entries.length === 0 && <p className="govuk-body">No changes: the two versions are the same.</p>}
      {diff.data && entries.length > 0 && (
        <p className="govuk-body" data-testid="diff-count">
          {entries.length} change{entries.length === 1 ? "" : "s"} in {bySection.length} section
          {bySection.length === 1 ? "" : "s"}.
        </p>
      )}
      {entries.some((e) => e.text) && (
        <p className="govuk-body" data-testid="diff-key">
          In reworded texts, added words are{" "}
          <span className="steward-word-diff">
            <ins>underlined</ins>
          </span>{" "}
          and removed words are{" "}
          <span className="steward-word-diff">
            <del>struck through</del>
          </span>
          .
        </p>
      )}
      {[...bySection, ...(other.length ? [{ key: "other", title: "Other", entries: other }] : [])].map((s) => (
        <DataTable
          key={s.key}
          caption={s.title}
          columns={DIFF_COLUMNS}
          rows={s.entries}
          rowKey={(e, i) => `${e.pointer}-${i}`}
          rowHeader={false}
        />
      ))}
    </>
  );
}
