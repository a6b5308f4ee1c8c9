import { useEffect, useRef, useState } from "react";

/** How long typing pauses before the text is read as JSON: a 200 KB paste is read once, not at every key. */
const JSON_PARSE_DELAY_MS = 300;

const sameJson = (text: string, value: unknown) => {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
};

/**
 * A part of the document (a section, or the whole policy) as JSON text. Valid JSON updates the document (and the
 * form) once typing pauses; the form's changes show here unless an edit is waiting to be read.
 */
export function JsonEditor({
  id,
  label,
  value,
  pointers,
  onChange,
}: {
  id: string;
  label: string;
  value: unknown;
  /** Where this part's problems are, for the hint. */
  pointers: string[];
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2) ?? "");
  const [error, setError] = useState<string>();
  const pending = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pending.current !== undefined) return;
    setText((current) => (sameJson(current, value) ? current : (JSON.stringify(value, null, 2) ?? "")));
  }, [value]);
  useEffect(() => () => window.clearTimeout(pending.current), []);
  const read = (next: string) => {
    pending.current = undefined;
    try {
      const parsed: unknown = JSON.parse(next);
      setError(undefined);
      onChange(parsed);
    } catch (e) {
      setError(`Not valid JSON: ${e instanceof Error ? e.message : String(e)}. The form keeps the last valid value.`);
    }
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const where = [...new Set(pointers)];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      <div className="govuk-hint" id={`${id}-hint`}>
        Changes here update the form when you stop typing, and the form&apos;s changes show here.{" "}
        {where.length > 0 && `Problems are at: ${where.slice(0, 5).join(", ")}${where.length > 5 ? "…" : ""}`}
      </div>
      {error && (
        <p className="govuk-error-message" id={`${id}-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <textarea
        className={`govuk-textarea steward-code steward-json-editor${error ? " govuk-textarea--error" : ""}`}
        id={id}
        rows={30}
        spellCheck={false}
        value={text}
        aria-describedby={describedBy}
        onChange={(event) => {
          const next = event.target.value;
          setText(next);
          window.clearTimeout(pending.current);
          pending.current = window.setTimeout(() => read(next), JSON_PARSE_DELAY_MS);
        }}
        onBlur={(event) => {
          // Leaving the box reads what it holds at once (a click on Save does not wait for the pause).
          if (pending.current === undefined) return;
          window.clearTimeout(pending.current);
          read(event.target.value);
        }}
      />
    </div>
  );
}
