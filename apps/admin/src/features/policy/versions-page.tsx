import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import {
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
  type Problem,
} from "@steward/ui";

import { STATUS_COLOUR, useRefreshPolicy, useVersions, versionName, type VersionSummary } from "./policy-hooks.ts";

/** The policy studio's home: every version with its status, and what can be done with each. */
export function VersionsPage() {
  const trpc = useTRPC();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const versions = useVersions();
  const refresh = useRefreshPolicy();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [done, setDone] = useState<string | undefined>(
    new URLSearchParams(window.location.search).get("published")
      ? `Version ${new URLSearchParams(window.location.search).get("published")} is published and in force`
      : undefined,
  );
  usePageTitle("Policy versions");
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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Versions, newest first</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Version
            </th>
            <th scope="col" className="govuk-table__header">
              Strategy
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            <th scope="col" className="govuk-table__header">
              Dates
            </th>
            <th scope="col" className="govuk-table__header">
              Actions
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {versions.data.map((v) => (
            <tr className="govuk-table__row" key={v.id}>
              <th scope="row" className="govuk-table__header">
                <Link className="govuk-link" to={`/policy/${v.id}`}>
                  {versionName(v)}
                </Link>
              </th>
              <td className="govuk-table__cell">
                {v.title}
                {v.period && <span className="govuk-body-s govuk-!-display-block">{v.period}</span>}
              </td>
              <td className="govuk-table__cell">
                <Tag colour={STATUS_COLOUR[v.status]}>{humanise(v.status)}</Tag>
              </td>
              <td className="govuk-table__cell govuk-body-s">
                Created {formatDate(v.createdAt)}
                {v.publishedAt && <span className="govuk-!-display-block">Published {formatDate(v.publishedAt)}</span>}
                {v.retiredAt && <span className="govuk-!-display-block">Retired {formatDate(v.retiredAt)}</span>}
              </td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-body-s">
                  {v.status === "draft" && can("update Policy") && (
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
                  {v.status === "draft" && can("publish Policy") && (
                    <li>
                      <Link className="govuk-link" to={`/policy/${v.id}/publish`}>
                        Publish<span className="govuk-visually-hidden"> {versionName(v)}</span>
                      </Link>
                    </li>
                  )}
                  {can("create Policy") && (
                    <li>
                      <button
                        type="button"
                        className="steward-link-button govuk-link"
                        onClick={() => createDraft.mutate({ from: "version", versionId: v.id })}
                      >
                        New draft from this version<span className="govuk-visually-hidden"> ({versionName(v)})</span>
                      </button>
                    </li>
                  )}
                  <li>
                    <button
                      type="button"
                      className="steward-link-button govuk-link"
                      onClick={() => void exportVersion(v)}
                    >
                      Export the file<span className="govuk-visually-hidden"> ({versionName(v)})</span>
                    </button>
                  </li>
                  {v.status === "draft" && can("update Policy") && (
                    <li>
                      <button
                        type="button"
                        className="steward-link-button govuk-link"
                        onClick={() => retire.mutate({ id: v.id })}
                      >
                        Discard<span className="govuk-visually-hidden"> {versionName(v)}</span>
                      </button>
                    </li>
                  )}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
