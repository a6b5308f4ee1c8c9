import { useContext, useId } from "react";

import { InlineEditor, LetterEditorContext } from "./inline-editor.tsx";
import { ListEditor } from "./list-editor.tsx";
import { conditionField, hasValue, MERGE_LIST_CHOICES, type MergeFieldChoice } from "./merge-fields.ts";
import type { Block, Inline, TextTag } from "./template-blocks.ts";

export type Update<T> = (change: (previous: T) => T) => void;

const TEXT_TAG_LABELS: Record<TextTag, string> = {
  p: "Paragraph",
  h1: "Heading (largest)",
  h2: "Heading",
  h3: "Subheading",
  h4: "Minor heading",
};

const NEW_BLOCKS: { label: string; create: () => Block }[] = [
  { label: "paragraph", create: () => ({ kind: "text", tag: "p", inline: [] }) },
  { label: "heading", create: () => ({ kind: "text", tag: "h2", inline: [] }) },
  { label: "list", create: () => ({ kind: "list", tag: "ul", items: [{ kind: "item", inline: [] }] }) },
  {
    label: "conditional block",
    create: () => ({
      kind: "if",
      condition: hasValue("letter.notes"),
      blocks: [{ kind: "text", tag: "p", inline: [] }],
    }),
  },
  {
    label: "repeated block",
    create: () => ({
      kind: "for",
      loop: { variable: "indicator", collection: "indicators" },
      blocks: [{ kind: "text", tag: "p", inline: [{ kind: "field", path: "indicator.text" }] }],
    }),
  },
];

function describeBlock(block: Block): string {
  switch (block.kind) {
    case "text":
      return TEXT_TAG_LABELS[block.tag];
    case "list":
      return block.tag === "ol" ? "Numbered list" : "Bulleted list";
    case "if":
      return "Conditional block";
    case "for":
      return "Repeated block";
    case "html":
      return block.source.startsWith("<table") ? "Table (HTML and Liquid)" : "HTML and Liquid";
  }
}

interface BlockListProps {
  blocks: readonly Block[];
  onChange: Update<Block[]>;
  fields: readonly MergeFieldChoice[];
  /** Where these blocks are, for ids ("…-body", "…-body-3"). */
  path: string;
  /** Inside a conditional or repeated block. */
  nested?: boolean;
}

/** The blocks of a letter body (or of a conditional or repeated block), each with its controls, and ways to add more. */
export function BlockList({ blocks, onChange, fields, path, nested = false }: BlockListProps) {
  const { readonly } = useContext(LetterEditorContext);
  const move = (from: number, to: number) =>
    onChange((previous) => {
      const next = [...previous];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    });
  return (
    <div className="steward-letter-blocks">
      {blocks.map((block, index) => {
        const name = `${describeBlock(block)} ${index + 1}`;
        const update: Update<Block> = (change) =>
          onChange((previous) => previous.map((b, i) => (i === index ? change(b) : b)));
        return (
          <div className="steward-letter-block" key={`${path}-${index}`}>
            <BlockEditor block={block} onChange={update} fields={fields} path={`${path}-${index}`} name={name} />
            {!readonly && (
              <div className="govuk-button-group steward-letter-block__controls">
                {index > 0 && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => move(index, index - 1)}
                  >
                    Move up<span className="govuk-visually-hidden"> {name}</span>
                  </button>
                )}
                {index < blocks.length - 1 && (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary"
                    onClick={() => move(index, index + 1)}
                  >
                    Move down<span className="govuk-visually-hidden"> {name}</span>
                  </button>
                )}
                <button
                  type="button"
                  className="govuk-button govuk-button--warning"
                  onClick={() => onChange((previous) => previous.filter((_, i) => i !== index))}
                >
                  Remove<span className="govuk-visually-hidden"> {name}</span>
                </button>
              </div>
            )}
          </div>
        );
      })}
      {!readonly && (
        <div className="govuk-button-group">
          {NEW_BLOCKS.map(({ label, create }) => (
            <button
              key={label}
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => onChange((previous) => [...previous, create()])}
            >
              Add a {label}
              {nested && <span className="govuk-visually-hidden"> inside this block</span>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

interface BlockEditorProps {
  block: Block;
  onChange: Update<Block>;
  fields: readonly MergeFieldChoice[];
  path: string;
  name: string;
}

function BlockEditor({ block, onChange, fields, path, name }: BlockEditorProps) {
  switch (block.kind) {
    case "text":
      return <TextBlockEditor block={block} onChange={onChange} path={path} name={name} />;
    case "list":
      return (
        <ListEditor
          block={block}
          onChange={(change) => onChange((b) => (b.kind === "list" ? change(b) : b))}
          path={path}
          name={name}
        />
      );
    case "if":
    case "for":
      return <NestedBlockEditor block={block} onChange={onChange} fields={fields} path={path} name={name} />;
    case "html":
      return <HtmlBlockEditor source={block.source} onChange={onChange} path={path} name={name} />;
  }
}

function TextBlockEditor(props: {
  block: Extract<Block, { kind: "text" }>;
  onChange: Update<Block>;
  path: string;
  name: string;
}) {
  const { block, onChange, path, name } = props;
  const { readonly } = useContext(LetterEditorContext);
  const setInline = (inline: Inline[]) => onChange((b) => (b.kind === "text" ? { ...b, inline } : b));
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" id={`${path}-label`} htmlFor={`${path}-kind`}>
        {name}
      </label>
      <select
        className="govuk-select steward-letter-block__kind"
        id={`${path}-kind`}
        aria-label={`Kind of ${name}`}
        value={block.tag}
        disabled={readonly}
        onChange={(event) => {
          const tag = Object.keys(TEXT_TAG_LABELS).find((t): t is TextTag => t === event.target.value) ?? "p";
          onChange((b) => (b.kind === "text" ? { ...b, tag } : b));
        }}
      >
        {Object.entries(TEXT_TAG_LABELS).map(([tag, label]) => (
          <option key={tag} value={tag}>
            {label}
          </option>
        ))}
      </select>
      <InlineEditor id={`${path}-text`} labelledBy={`${path}-label`} inline={block.inline} onChange={setInline} />
    </div>
  );
}

function HtmlBlockEditor({
  source,
  onChange,
  path,
  name,
}: {
  source: string;
  onChange: Update<Block>;
  path: string;
  name: string;
}) {
  const { readonly } = useContext(LetterEditorContext);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label govuk-label--s" htmlFor={`${path}-html`}>
        {name}
      </label>
      <div className="govuk-hint" id={`${path}-html-hint`}>
        The editor keeps this part as its HTML and Liquid.
      </div>
      <textarea
        className="govuk-textarea steward-code"
        id={`${path}-html`}
        aria-describedby={`${path}-html-hint`}
        rows={4}
        value={source}
        readOnly={readonly}
        spellCheck={false}
        onChange={(event) => {
          const next = event.target.value;
          onChange((b) => (b.kind === "html" ? { ...b, source: next } : b));
        }}
      />
    </div>
  );
}

type Nested = Extract<Block, { kind: "if" | "for" }>;

/** A conditional block (shown when a merge field has a value) or a repeated block (once for each entry of a list). */
function NestedBlockEditor(props: {
  block: Nested;
  onChange: Update<Block>;
  fields: readonly MergeFieldChoice[];
  path: string;
  name: string;
}) {
  const { block, onChange, fields, path, name } = props;
  const inner: Update<Block[]> = (change) =>
    onChange((b) => (b.kind === "if" || b.kind === "for" ? { ...b, blocks: change(b.blocks) } : b));
  return (
    <fieldset className="govuk-fieldset steward-letter-nested" aria-describedby={`${path}-what`}>
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
      {block.kind === "if" ? (
        <ConditionPicker condition={block.condition} onChange={onChange} fields={fields} path={path} />
      ) : (
        <LoopPicker collection={block.loop.collection} onChange={onChange} path={path} />
      )}
      <BlockList blocks={block.blocks} onChange={inner} fields={fields} path={path} nested />
    </fieldset>
  );
}

function ConditionPicker(props: {
  condition: string;
  onChange: Update<Block>;
  fields: readonly MergeFieldChoice[];
  path: string;
}) {
  const { condition, onChange, fields, path } = props;
  const { readonly } = useContext(LetterEditorContext);
  const field = conditionField(condition);
  const known = fields.some((f) => f.path === field && f.group !== "item");
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`${path}-condition`}>
        Shown only when this has a value
      </label>
      <p className="govuk-visually-hidden" id={`${path}-what`}>
        Only when {condition}
      </p>
      <select
        className="govuk-select"
        id={`${path}-condition`}
        value={known ? field : condition}
        disabled={readonly}
        onChange={(event) => {
          const next = event.target.value;
          onChange((b) => (b.kind === "if" ? { ...b, condition: hasValue(next) } : b));
        }}
      >
        {!known && <option value={condition}>As written: {condition}</option>}
        {fields
          .filter((f) => f.group !== "item")
          .map((f) => (
            <option key={f.path} value={f.path}>
              {f.meaning} ({f.path})
            </option>
          ))}
      </select>
    </div>
  );
}

function LoopPicker({ collection, onChange, path }: { collection: string; onChange: Update<Block>; path: string }) {
  const { readonly } = useContext(LetterEditorContext);
  const id = useId();
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`${path}-loop`}>
        Repeated once for each of
      </label>
      <p className="govuk-visually-hidden" id={`${path}-what`}>
        For each of {collection}
      </p>
      <select
        className="govuk-select"
        id={`${path}-loop`}
        key={id}
        value={collection}
        disabled={readonly}
        onChange={(event) => {
          const choice = MERGE_LIST_CHOICES.find((c) => c.collection === event.target.value);
          if (choice)
            onChange((b) =>
              b.kind === "for" ? { ...b, loop: { variable: choice.variable, collection: choice.collection } } : b,
            );
        }}
      >
        {!MERGE_LIST_CHOICES.some((c) => c.collection === collection) && (
          <option value={collection}>{collection}</option>
        )}
        {MERGE_LIST_CHOICES.map((c) => (
          <option key={c.collection} value={c.collection}>
            {c.meaning} (each called {c.variable})
          </option>
        ))}
      </select>
    </div>
  );
}
