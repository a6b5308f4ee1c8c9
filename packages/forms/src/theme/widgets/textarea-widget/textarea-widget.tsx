import type { WidgetProps } from "@rjsf/utils";
import { useEffect, useState, type ChangeEvent, type FocusEvent } from "react";

import { CharacterCount } from "../../../govuk/character-count.tsx";
import { TextareaControl } from "../../../govuk/controls.tsx";
import { getControlState, getDescribedBy } from "../../shared/widget-props.ts";
import { getCountMessage, type CountMessage } from "./character-count.ts";

/** How long GOV.UK Frontend waits after typing stops before telling screen readers the count. */
const SCREEN_READER_DELAY_MS = 1000;

interface CountSettings {
  limit: number;
  unit: "characters" | "words";
  count: CountMessage;
}

/** The character count's settings from the schema and `ui:options`, or undefined when the textarea has none. */
function getCountSettings(
  text: string,
  options: Record<string, unknown>,
  schema: { maxLength?: number },
  readonly?: boolean,
): CountSettings | undefined {
  const maxWords = typeof options.maxWords === "number" ? options.maxWords : undefined;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const limit = maxWords ?? maxLength;
  if (limit === undefined || options.characterCount === false || readonly) return undefined;
  const unit = maxWords !== undefined ? "words" : "characters";
  const threshold = typeof options.threshold === "number" ? options.threshold : 0;
  return { limit, unit, count: getCountMessage(text, limit, unit, threshold) };
}

/** What the live region says: the count, once the user has paused typing for a second. */
function useSpokenCount(count: CountMessage | undefined): string {
  const countText = count?.text;
  const isSilent = count?.isBelowThreshold ?? true;
  const [spoken, setSpoken] = useState(countText ?? "");
  useEffect(() => {
    if (countText === undefined || isSilent) return;
    const timer = setTimeout(() => setSpoken(countText), SCREEN_READER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [countText, isSilent]);
  return spoken;
}

/**
 * A GOV.UK textarea. With a `maxLength` in the schema (or `ui:options.maxWords`) it becomes a GOV.UK character count:
 * the limit is in the hint, a visible count updates as the user types, and a polite live region tells screen readers
 * the count once they pause. Typing past the limit is allowed; validation then says the text is too long.
 */
export default function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, readonly, disabled, autofocus, onChange, onBlur, onFocus, options, placeholder } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const text = typeof value === "string" ? value : "";
  const settings = getCountSettings(text, options, props.schema, readonly);
  const spoken = useSpokenCount(settings?.count);
  const infoId = `${id}-info`;
  const textarea = (
    <TextareaControl
      {...getControlState(
        props,
        settings?.count.isOverLimit && "govuk-textarea--error",
        settings && "govuk-js-character-count",
      )}
      id={id}
      name={htmlName ?? id}
      rows={typeof options.rows === "number" ? options.rows : 5}
      value={text}
      placeholder={placeholder || undefined}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      spellCheck={options.spellcheck === false ? false : undefined}
      aria-describedby={getDescribedBy(props, settings && infoId)}
      onChange={({ target }: ChangeEvent<HTMLTextAreaElement>) =>
        onChange(target.value === "" ? options.emptyValue : target.value)
      }
      onBlur={({ target }: FocusEvent<HTMLTextAreaElement>) => onBlur(id, target.value)}
      onFocus={({ target }: FocusEvent<HTMLTextAreaElement>) => onFocus(id, target.value)}
    />
  );
  if (!settings) return textarea;
  return (
    <CharacterCount infoId={infoId} limit={settings.limit} unit={settings.unit} spoken={spoken} {...settings.count}>
      {textarea}
    </CharacterCount>
  );
}
