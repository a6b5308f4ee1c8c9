/** A case's timeline, newest first: what happened, when and by whom (the overview and "as it was" pages). */
import { formatDateTime } from "@steward/ui";

import type { CaseView } from "./case-context.tsx";

export function CaseTimeline({ entries, reversed }: { entries: CaseView["timeline"]; reversed?: boolean }) {
  return (
    <ol className="steward-timeline" reversed={reversed}>
      {[...entries]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((entry, i) => (
          <li key={i} className="steward-timeline__item">
            <p className="govuk-body govuk-!-margin-bottom-1">{entry.summary}</p>
            <p className="govuk-body-s steward-secondary-text">
              {formatDateTime(entry.at)} by {entry.actor}
            </p>
          </li>
        ))}
    </ol>
  );
}
