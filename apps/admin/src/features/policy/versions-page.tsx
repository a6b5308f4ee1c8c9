import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Link, useNavigate } from "react-router";

import {
  DataTable,
  downloadFile,
  ErrorSummary,
  formatDate,
  humanise,
  Loading,
  QueryError,
  readProblems,
  SuccessBanner,
  Tag,
  useCan,
  usePageTitle,
  useTRPC,
  type Column,
  type Problem,
} from "@steward/ui";

import { STATUS_COLOUR, useRefreshPolicy, useVersions, versionName, type VersionSummary } from "./policy-hooks.ts";

/** What may be done with a version from the list: new draft from it, export it, discard it. */
function useVersionCommands(setProblems: (problems: Problem[]) => void, setDone: (message: string) => void) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refresh = useRefreshPolicy();
  const createDraft = useMutation(
    trpc.policy.createDraft.mutationOptions({
      onSuccess: async (v) => (await refresh(), navigate(`/policy/${v.id}`)),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const retire = useMutation(
    trpc.policy.retire.mutationOptions({
      onSuccess: async (r) => (await refresh(), setDone(`The draft was ${r.status}`)),
      onError: (e) => setProblems(readProblems(e)),
    }),
  );
  const exportVersion = async (v: VersionSummary) => {
    try {
      const file = await queryClient.fetchQuery(trpc.policy.export.queryOptions({ id: v.id }));
      downloadFile(file.filename, file.json, "application/json");
    } catch (error) {
      setProblems(readProblems(error));
    }
  };
  return {
    createDraft: (v: VersionSummary) => createDraft.mutate({ from: "version", versionId: v.id }),
    exportVersion: (v: VersionSummary) => void exportVersion(v),
    retire: (v: VersionSummary) => retire.mutate({ id: v.id }),
  };
}
type VersionCommands = ReturnType<typeof useVersionCommands>;

/**
 * The message a successful publish leaves in the address (`?published=3`, and `&notMoved=2` when some open
 * cases could not be moved yet: they move at their next change).
 */
function publishedMessage(): string | undefined {
  const params = new URLSearchParams(window.location.search);
  const published = params.get("published");
  const notMoved = Number(params.get("notMoved") ?? 0);
  if (!published) return undefined;
  const moved = `Version ${published} is published and in force`;
  return notMoved > 0
    ? `${moved}; ${notMoved} open case${notMoved === 1 ? " was" : "s were"} not moved to it yet and will move at their next change`
    : moved;
}

/** The policy studio's home: every version with its status, and what can be done with each. */
export function VersionsPage() {
  const can = useCan();
  const versions = useVersions();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | undefined>(publishedMessage);
  usePageTitle("Policy versions");
  const commands = useVersionCommands(setProblems, setDone);
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <QueryError error={versions.error} />;
  const published = versions.data.find((v) => v.status === "published");
  return (
    <>
      {done && (
        <SuccessBanner>
          <p className="govuk-notification-banner__heading">{done}</p>
        </SuccessBanner>
      )}
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Policy versions</h1>
      <p className="govuk-body">
        The policy decides how schools are categorised and visited, which letters exist and who may do what. Edit a
        draft, check it, then publish it: the version in force changes for every case at once.
      </p>
      {can("create Policy") && (
        <div className="govuk-button-group">
          <Link
            to="/policy/new-year"
            className="govuk-button govuk-button--secondary"
            role="button"
            data-module="govuk-button"
          >
            Start a new strategy year
          </Link>
          <Link
            to="/policy/import"
            className="govuk-button govuk-button--secondary"
            role="button"
            data-module="govuk-button"
          >
            Import a policy file
          </Link>
        </div>
      )}
      <DataTable
        caption="Versions, newest first"
        columns={versionColumns((v) => (
          <VersionActions version={v} published={published} commands={commands} />
        ))}
        rows={versions.data}
        rowKey={(v) => v.id}
      />
    </>
  );
}

function versionColumns(actions: (v: VersionSummary) => ReactNode): Column<VersionSummary>[] {
  return [
    {
      heading: "Version",
      cell: (v) => (
        <Link className="govuk-link" to={`/policy/${v.id}`}>
          {versionName(v)}
        </Link>
      ),
    },
    {
      heading: "Strategy",
      cell: (v) => (
        <>
          {v.title}
          {v.period && <span className="govuk-body-s govuk-!-display-block">{v.period}</span>}
        </>
      ),
    },
    { heading: "Status", cell: (v) => <Tag colour={STATUS_COLOUR[v.status]}>{humanise(v.status)}</Tag> },
    {
      heading: "Dates",
      className: "govuk-body-s",
      cell: (v) => (
        <>
          Created {formatDate(v.createdAt)}
          {v.publishedAt && <span className="govuk-!-display-block">Published {formatDate(v.publishedAt)}</span>}
          {v.retiredAt && <span className="govuk-!-display-block">Retired {formatDate(v.retiredAt)}</span>}
        </>
      ),
    },
    { heading: "Actions", cell: actions },
  ];
}

function VersionActions({
  version: v,
  published,
  commands,
}: {
  version: VersionSummary;
  published: VersionSummary | undefined;
  commands: VersionCommands;
}) {
  const can = useCan();
  const isDraft = v.status === "draft";
  return (
    <ul className="govuk-list govuk-body-s">
      {isDraft && can("update Policy") && (
        <li>
          <Link className="govuk-link" to={`/policy/${v.id}`}>
            Edit<span className="govuk-visually-hidden"> {versionName(v)}</span>
          </Link>
        </li>
      )}
      {published && v.id !== published.id && (
        <li>
          <Link className="govuk-link" to={`/policy/${v.id}/diff`}>
            Changes from the published version
            <span className="govuk-visually-hidden"> ({versionName(v)})</span>
          </Link>
        </li>
      )}
      {isDraft && can("publish Policy") && (
        <li>
          <Link className="govuk-link" to={`/policy/${v.id}/publish`}>
            Publish<span className="govuk-visually-hidden"> {versionName(v)}</span>
          </Link>
        </li>
      )}
      {can("create Policy") && (
        <li>
          <button type="button" className="steward-link-button govuk-link" onClick={() => commands.createDraft(v)}>
            New draft from this version<span className="govuk-visually-hidden"> ({versionName(v)})</span>
          </button>
        </li>
      )}
      <li>
        <button type="button" className="steward-link-button govuk-link" onClick={() => commands.exportVersion(v)}>
          Export the file<span className="govuk-visually-hidden"> ({versionName(v)})</span>
        </button>
      </li>
      {isDraft && can("update Policy") && (
        <li>
          <button type="button" className="steward-link-button govuk-link" onClick={() => commands.retire(v)}>
            Discard<span className="govuk-visually-hidden"> {versionName(v)}</span>
          </button>
        </li>
      )}
    </ul>
  );
}
