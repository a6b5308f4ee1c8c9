import { useState, type ReactNode } from "react";

/** A GOV.UK details block whose content is drawn only while it is open (a large JSON text costs nothing closed). */
export function LazyDetails({ summary, children }: { summary: string; children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="govuk-details" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{open && children()}</div>
    </details>
  );
}
