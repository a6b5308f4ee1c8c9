import type { ReactNode } from "react";

/**
 * A form's GOV.UK primary button. While its request is in flight it is disabled,
 * so a double click never sends the form twice.
 */
export function SubmitButton({ pending = false, children }: { pending?: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="govuk-button" data-module="govuk-button" disabled={pending}>
      {children}
    </button>
  );
}
