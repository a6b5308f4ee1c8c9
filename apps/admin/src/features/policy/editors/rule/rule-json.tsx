import { useState } from "react";

import { ErrorMessage, Hint } from "@steward/forms/govuk";

interface RuleJsonProps {
  id: string;
  value: unknown;
  /** Why the builder cannot show the rule, when it cannot. */
  reason: string | undefined;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

const asText = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

/** The rule as JSON text: where the builder cannot show it, or when asked for. Writes only JSON that parses. */
export function RuleJson({ id, value, reason, disabled, onChange }: RuleJsonProps) {
  const [text, setText] = useState(() => asText(value));
  const [error, setError] = useState<string>();
  const describedBy = [reason ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        The rule as JSON
      </label>
      {reason && <Hint id={`${id}-hint`}>{reason}</Hint>}
      {error && <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage>}
      <textarea
        className={`govuk-textarea steward-code${error ? " govuk-textarea--error" : ""}`}
        id={id}
        rows={Math.min(16, Math.max(3, text.split("\n").length))}
        value={text}
        spellCheck={false}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          if (next.trim() === "") {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(next);
            setError(undefined);
            onChange(parsed);
          } catch (e) {
            setError(`This is not valid JSON yet: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      />
    </div>
  );
}
