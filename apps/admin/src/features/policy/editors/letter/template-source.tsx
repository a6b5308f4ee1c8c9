import { useContext, useState } from "react";

import { LetterEditorContext } from "./inline-editor.tsx";
import type { MergeFieldChoice } from "./merge-fields.ts";

const GROUPS: { group: MergeFieldChoice["group"]; label: string }[] = [
  { group: "letter", label: "The letter, the school and the case" },
  { group: "parameters", label: "What the officer fills in for this letter" },
  { group: "item", label: "Inside a repeated block or item only" },
];

/** Choose a merge field (each with its meaning) and put it where the cursor is; bold and italic for the text. */
export function MergeFieldToolbar({
  id,
  fields,
  onInsert,
}: {
  id: string;
  fields: readonly MergeFieldChoice[];
  onInsert: (path: string) => boolean;
}) {
  const { readonly } = useContext(LetterEditorContext);
  const [path, setPath] = useState(fields[0]?.path ?? "");
  const [error, setError] = useState<string>();
  if (readonly) return null;
  const format = (command: "bold" | "italic") => document.execCommand(command);
  return (
    <div className={`govuk-form-group steward-letter-toolbar${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={`${id}-merge-field`}>
        Merge field
      </label>
      <div className="govuk-hint" id={`${id}-merge-field-hint`}>
        Goes where the cursor is, in the subject or a line of the body.
      </div>
      {error && (
        <p className="govuk-error-message" id={`${id}-merge-field-error`}>
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <select
        className="govuk-select"
        id={`${id}-merge-field`}
        aria-describedby={`${id}-merge-field-hint${error ? ` ${id}-merge-field-error` : ""}`}
        value={path}
        onChange={(event) => setPath(event.target.value)}
      >
        {GROUPS.map(({ group, label }) => {
          const choices = fields.filter((f) => f.group === group);
          return choices.length === 0 ? null : (
            <optgroup key={group} label={label}>
              {choices.map((f) => (
                <option key={f.path} value={f.path}>
                  {f.meaning} ({f.path})
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      <div className="govuk-button-group govuk-!-margin-top-2">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          // Keep the cursor in the line being edited.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => setError(onInsert(path) ? undefined : "Click in the subject or a line of the body first.")}
        >
          Insert merge field
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format("bold")}
        >
          Bold
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => format("italic")}
        >
          Italic
        </button>
      </div>
    </div>
  );
}

interface SourceEditorProps {
  id: string;
  template: { subject: string; body: string };
  /** Why the editor cannot draw this template, when it cannot. */
  why: string | undefined;
  onChange: (template: { subject: string; body: string }) => void;
  onBlocks: () => void;
}

/** The stored form, HTML and Liquid, as text: a click away from the blocks, and the fallback when they cannot draw it. */
export function SourceEditor({ id, template, why, onChange, onBlocks }: SourceEditorProps) {
  const { readonly } = useContext(LetterEditorContext);
  return (
    <>
      {why ? (
        <div className="govuk-inset-text" id={`${id}-why`}>
          The letter editor cannot draw this template, so it is shown as its HTML and Liquid. {why}
        </div>
      ) : (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onBlocks}>
          Edit with the letter editor
        </button>
      )}
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-subject-source`}>
          Subject
        </label>
        <input
          className="govuk-input steward-code"
          id={`${id}-subject-source`}
          value={template.subject}
          readOnly={readonly}
          onChange={(event) => onChange({ ...template, subject: event.target.value })}
        />
      </div>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-label--s" htmlFor={`${id}-body-source`}>
          Body (HTML and Liquid)
        </label>
        <textarea
          className="govuk-textarea steward-code"
          id={`${id}-body-source`}
          aria-describedby={why ? `${id}-why` : undefined}
          rows={16}
          value={template.body}
          readOnly={readonly}
          spellCheck={false}
          onChange={(event) => onChange({ ...template, body: event.target.value })}
        />
      </div>
      {why && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onBlocks}>
          Try the letter editor again
        </button>
      )}
    </>
  );
}
