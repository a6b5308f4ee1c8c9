import { useContext } from "react";

import type { Update } from "./block-list.tsx";
import { InlineEditor, LetterEditorContext } from "./inline-editor.tsx";
import type { Block, Inline } from "./template-blocks.ts";

type ListBlock = Extract<Block, { kind: "list" }>;

/** A list's items; an item repeated for each entry of a list (`indicators`) says so above it. */
export function ListEditor({
  block,
  onChange,
  path,
  name,
}: {
  block: ListBlock;
  onChange: Update<ListBlock>;
  path: string;
  name: string;
}) {
  const { readonly } = useContext(LetterEditorContext);
  const setItem = (index: number, inline: Inline[]) =>
    onChange((list) => ({ ...list, items: list.items.map((item, i) => (i === index ? { ...item, inline } : item)) }));
  return (
    <fieldset className="govuk-fieldset steward-letter-nested">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
      <ul className="govuk-list steward-letter-items">
        {block.items.map((item, index) => {
          const id = `${path}-item-${index}`;
          return (
            <li key={id}>
              <p className="govuk-body-s govuk-!-margin-bottom-1" id={`${id}-label`}>
                {item.kind === "loop"
                  ? `Item repeated once for each of ${item.loop.collection} (each called ${item.loop.variable})`
                  : `Item ${index + 1}`}
              </p>
              <InlineEditor
                id={id}
                labelledBy={`${id}-label`}
                inline={item.inline}
                onChange={(inline) => setItem(index, inline)}
              />
              {!readonly && block.items.length > 1 && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2"
                  onClick={() => onChange((list) => ({ ...list, items: list.items.filter((_, i) => i !== index) }))}
                >
                  Remove item
                  <span className="govuk-visually-hidden">
                    {" "}
                    {index + 1} of {name}
                  </span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!readonly && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => onChange((list) => ({ ...list, items: [...list.items, { kind: "item", inline: [] }] }))}
        >
          Add an item<span className="govuk-visually-hidden"> to {name}</span>
        </button>
      )}
    </fieldset>
  );
}
