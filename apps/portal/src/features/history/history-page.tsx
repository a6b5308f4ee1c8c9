import { formatDateTime, Loading, QueryError, usePageTitle } from "@steward/ui";

import { useSchoolCase } from "../school-case.ts";

/** What has happened on the school's case, as far as the school may see it. */
export function HistoryPage() {
  const { view, isPending, error } = useSchoolCase();
  usePageTitle("History");
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} />;
  const entries = [...(view?.timeline ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <>
      <h1 className="govuk-heading-l">History</h1>
      {entries.length === 0 ? (
        <p className="govuk-body">Nothing yet.</p>
      ) : (
        <ol className="steward-timeline" reversed>
          {entries.map((e, i) => (
            <li key={i} className="steward-timeline__item">
              <p className="govuk-body govuk-!-margin-bottom-1">{e.summary}</p>
              <p className="govuk-body-s steward-secondary-text">{formatDateTime(e.at)}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
