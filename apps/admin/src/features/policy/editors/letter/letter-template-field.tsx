import type { FieldProps } from "@rjsf/utils";
import { useCallback, useMemo, useRef, useState } from "react";

import type { LetterType } from "@steward/policy-config";

import { useStudio } from "../../studio-context.ts";

import "./letter-editor.css";

import { BlockList, type Update } from "./block-list.tsx";
import { InlineEditor, insertField, LetterEditorContext, type ActiveLine } from "./inline-editor.tsx";
import { LetterTemplatePreview } from "./letter-preview.tsx";
import { describeField, getMergeFieldChoices, type MergeFieldChoice } from "./merge-fields.ts";
import type { Block } from "./template-blocks.ts";
import { MergeFieldToolbar, SourceEditor } from "./template-source.tsx";
import { readTemplate, useTemplateBlocks, type Drawn } from "./use-template-blocks.ts";

/** The letter type this template belongs to, from the draft (its index is in the field's path). */
function useLetterType(path: readonly (string | number)[]): Partial<LetterType> | undefined {
  const { doc } = useStudio();
  const index = path.find((part) => typeof part === "number");
  const types = Array.isArray(doc.letterTypes) ? (doc.letterTypes as Partial<LetterType>[]) : [];
  return index === undefined ? undefined : types[index];
}

/**
 * A letter type's template in the policy studio: the subject and the body as formatted text with merge fields as
 * chips, conditional and repeated blocks, and a live preview beside it; the HTML and Liquid (the stored form) a
 * click away, and the only way to edit a template the editor cannot draw.
 */
export function LetterTemplateField({ fieldPathId, formData, onChange, readonly, disabled }: FieldProps) {
  const id = fieldPathId.$id;
  const { versionId } = useStudio();
  const letterType = useLetterType(fieldPathId.path);
  const template = readTemplate(formData);
  const { parsed, write, commit, redrawWritten } = useTemplateBlocks(template, (next) =>
    onChange(next, fieldPathId.path),
  );
  const [mode, setMode] = useState<"blocks" | "source">(() => ("why" in parsed ? "source" : "blocks"));
  const fields = useMemo(() => getMergeFieldChoices(letterType), [letterType]);
  const describe = useCallback((path: string) => describeField(path, fields), [fields]);
  const active = useRef<ActiveLine | undefined>(undefined);
  const context = useMemo(
    () => ({ active, describe, readonly: Boolean(readonly || disabled) }),
    [describe, readonly, disabled],
  );
  const switchTo = (next: "blocks" | "source") => {
    redrawWritten();
    setMode(next);
  };

  return (
    <LetterEditorContext.Provider value={context}>
      <div className="govuk-grid-row steward-letter-editor" id={id}>
        <div className="govuk-grid-column-one-half">
          {mode === "source" || "why" in parsed ? (
            <SourceEditor
              id={id}
              template={template}
              why={"why" in parsed ? parsed.why : undefined}
              onChange={write}
              onBlocks={() => switchTo("blocks")}
            />
          ) : (
            <BlocksEditor
              id={id}
              drawn={parsed}
              commit={commit}
              fields={fields}
              onInsert={(path) => insertField(active.current, path, describe)}
              onSource={() => switchTo("source")}
            />
          )}
        </div>
        <div className="govuk-grid-column-one-half">
          {letterType?.key ? (
            <LetterTemplatePreview
              id={id}
              versionId={versionId}
              letterType={{
                key: letterType.key,
                label: letterType.label ?? letterType.key,
                parameters: letterType.parameters,
              }}
              template={template}
            />
          ) : (
            <p className="govuk-body">Give the letter type a key to preview it.</p>
          )}
        </div>
      </div>
    </LetterEditorContext.Provider>
  );
}
// The theme draws a fieldset with the template's title around this field.
LetterTemplateField.govukChrome = "fieldset" as const;

interface BlocksEditorProps {
  id: string;
  drawn: Drawn;
  commit: (change: (previous: Drawn) => Drawn) => void;
  fields: readonly MergeFieldChoice[];
  onInsert: (path: string) => boolean;
  onSource: () => void;
}

/** The subject and the body's blocks, with the merge-field toolbar between them. */
function BlocksEditor({ id, drawn, commit, fields, onInsert, onSource }: BlocksEditorProps) {
  const updateBlocks: Update<Block[]> = (change) => commit((p) => ({ ...p, blocks: change(p.blocks) }));
  return (
    <>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onSource}>
        Edit as HTML and Liquid
      </button>
      <div className="govuk-form-group">
        <span className="govuk-label govuk-label--s" id={`${id}-subject-label`}>
          Subject
        </span>
        <InlineEditor
          id={`${id}-subject`}
          labelledBy={`${id}-subject-label`}
          inline={drawn.subject}
          onChange={(subject) => commit((p) => ({ ...p, subject }))}
          singleLine
        />
      </div>
      <MergeFieldToolbar id={id} fields={fields} onInsert={onInsert} />
      <h3 className="govuk-heading-s">Body</h3>
      <BlockList blocks={drawn.blocks} onChange={updateBlocks} fields={fields} path={`${id}-body`} />
    </>
  );
}
