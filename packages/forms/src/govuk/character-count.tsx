// The GOV.UK character count around a textarea: the limit for screen readers, the visible count, and a polite live
// region that speaks the count once typing pauses. The caller counts and decides when to speak.
import type { ReactNode } from "react";

import { cx } from "./class-names.ts";

export interface CharacterCountProps {
  /** The id of the hidden "You can enter up to …" message the textarea points `aria-describedby` at. */
  infoId: string;
  limit: number;
  unit: "characters" | "words";
  /** The visible count ("You have 12 characters remaining"). */
  text: string;
  isOverLimit: boolean;
  isBelowThreshold: boolean;
  /** What the live region says now (lags the visible count). */
  spoken: string;
  children: ReactNode;
}

export function CharacterCount(props: CharacterCountProps) {
  const { infoId, limit, unit, text, isOverLimit, isBelowThreshold, spoken, children } = props;
  return (
    <div
      className="govuk-character-count"
      data-module="govuk-character-count"
      {...(unit === "words" ? { "data-maxwords": limit } : { "data-maxlength": limit })}
    >
      {children}
      <div id={infoId} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {limit} {unit}
      </div>
      <div
        className={cx(
          "govuk-character-count__message",
          "govuk-character-count__status",
          isOverLimit ? "govuk-error-message" : "govuk-hint",
          isBelowThreshold && "govuk-character-count__message--disabled",
        )}
        aria-hidden="true"
      >
        {text}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {isBelowThreshold ? "" : spoken}
      </div>
    </div>
  );
}
