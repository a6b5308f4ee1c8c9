import { createContext, useContext, useLayoutEffect, useRef, type KeyboardEvent } from "react";

import { createFieldChip, drawInline, readInline, type DescribeField } from "./inline-dom.ts";
import type { Inline } from "./template-blocks.ts";
import { serialiseInline } from "./template-serialise.ts";

/** The line being edited (the last one the user was in), where the toolbar inserts a merge field. */
export interface ActiveLine {
  element: HTMLElement;
  range: Range | undefined;
  emit: () => void;
}

export interface LetterEditorContextValue {
  active: { current: ActiveLine | undefined };
  describe: DescribeField;
  readonly: boolean;
}

export const LetterEditorContext = createContext<LetterEditorContextValue>({
  active: { current: undefined },
  describe: (path) => path,
  readonly: false,
});

/** Inserts a merge field's chip where the cursor was in the line last edited; false when no line was. */
export function insertField(active: ActiveLine | undefined, path: string, describe: DescribeField): boolean {
  if (!active) return false;
  const { element } = active;
  const range = active.range && element.contains(active.range.startContainer) ? active.range : undefined;
  const chip = createFieldChip(element.ownerDocument, path, describe);
  if (range) {
    range.deleteContents();
    range.insertNode(chip);
  } else element.append(chip);
  const after = element.ownerDocument.createRange();
  after.setStartAfter(chip);
  after.collapse(true);
  // The cursor goes after the chip, so typing carries on after it.
  const selection = element.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(after);
  active.range = after;
  active.emit();
  return true;
}

interface InlineEditorProps {
  id: string;
  labelledBy: string;
  inline: readonly Inline[];
  onChange: (inline: Inline[]) => void;
  /** A subject: one line of text, no formatting. */
  singleLine?: boolean;
}

/**
 * One line of a letter (a paragraph, a heading, a list item, the subject): text the user types, with merge fields
 * as chips. The element is drawn from `inline` only when that changed from outside (a move, a mode switch), so the
 * cursor stays where the user is typing.
 */
export function InlineEditor({ id, labelledBy, inline, onChange, singleLine = false }: InlineEditorProps) {
  const { active, describe, readonly } = useContext(LetterEditorContext);
  const ref = useRef<HTMLDivElement>(null);
  const shown = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const element = ref.current;
    const source = serialiseInline(inline);
    if (!element || shown.current === source) return;
    drawInline(element, inline, describe);
    shown.current = source;
  }, [inline, describe]);
  const emit = () => {
    if (!ref.current) return;
    const next = readInline(ref.current);
    shown.current = serialiseInline(next);
    onChange(next);
  };
  const remember = () => {
    const element = ref.current;
    if (!element) return;
    const selection = element.ownerDocument.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : undefined;
    active.current = { element, range, emit };
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    // A line break within the paragraph; a new paragraph is a block of its own.
    if (!singleLine) event.currentTarget.ownerDocument.execCommand("insertLineBreak");
  };
  return (
    <div
      ref={ref}
      id={id}
      className={`govuk-textarea steward-inline-editor${singleLine ? " steward-inline-editor--line" : ""}`}
      role="textbox"
      aria-multiline={!singleLine}
      aria-labelledby={labelledBy}
      aria-readonly={readonly}
      contentEditable={!readonly}
      suppressContentEditableWarning
      onInput={() => {
        emit();
        remember();
      }}
      onKeyDown={onKeyDown}
      onKeyUp={remember}
      onMouseUp={remember}
      onFocus={remember}
    />
  );
}
