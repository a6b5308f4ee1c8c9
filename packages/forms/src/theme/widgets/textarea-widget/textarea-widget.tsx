import type { FormContextType, RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";
import { useEffect, useState, type ChangeEvent, type FocusEvent } from "react";

import { cx } from "../../../govuk/class-names.ts";
import { getDescribedBy, getInputClassName } from "../../shared/widget-props.ts";
import { getCountMessage } from "./character-count.ts";

/** How long GOV.UK Frontend waits after typing stops before telling screen readers the count. */
const SCREEN_READER_DELAY_MS = 1000;

/**
 * A GOV.UK textarea. With a `maxLength` in the schema (or `ui:options.maxWords`) it becomes a GOV.UK character count:
 * the limit is in the hint, a visible count updates as the user types, and a polite live region tells screen readers
 * the count once they pause. Typing past the limit is allowed; validation then says the text is too long.
 */
export default function TextareaWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    options,
    schema,
    placeholder,
  } = props;
  const text = typeof value === "string" ? value : "";
  const maxWords = typeof options.maxWords === "number" ? options.maxWords : undefined;
  const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const limit = maxWords ?? maxLength;
  const unit = maxWords !== undefined ? "words" : "characters";
  const isCounted = limit !== undefined && options.characterCount !== false && !readonly;
  const threshold = typeof options.threshold === "number" ? options.threshold : 0;
  const count = isCounted ? getCountMessage(text, limit, unit, threshold) : undefined;
  const countText = count?.text;
  const isSilent = count?.isBelowThreshold ?? true;
  const [spoken, setSpoken] = useState(countText ?? "");
  useEffect(() => {
    if (countText === undefined || isSilent) return;
    const timer = setTimeout(() => setSpoken(countText), SCREEN_READER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [countText, isSilent]);
  const infoId = `${id}-info`;
  const textarea = (
    <textarea
      id={id}
      name={htmlName ?? id}
      className={getInputClassName(
        "govuk-textarea",
        props,
        count?.isOverLimit && "govuk-textarea--error",
        isCounted && "govuk-js-character-count",
      )}
      rows={typeof options.rows === "number" ? options.rows : 5}
      value={text}
      placeholder={placeholder || undefined}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      spellCheck={options.spellcheck === false ? false : undefined}
      aria-describedby={getDescribedBy(props, isCounted && infoId)}
      onChange={({ target }: ChangeEvent<HTMLTextAreaElement>) =>
        onChange(target.value === "" ? options.emptyValue : target.value)
      }
      onBlur={({ target }: FocusEvent<HTMLTextAreaElement>) => onBlur(id, target.value)}
      onFocus={({ target }: FocusEvent<HTMLTextAreaElement>) => onFocus(id, target.value)}
    />
  );
  if (!count || limit === undefined) return textarea;
  return (
    <div
      className="govuk-character-count"
      data-module="govuk-character-count"
      {...(unit === "words" ? { "data-maxwords": limit } : { "data-maxlength": limit })}
    >
      {textarea}
      <div id={infoId} className="govuk-hint govuk-character-count__message govuk-visually-hidden">
        You can enter up to {limit} {unit}
      </div>
      <div
        className={cx(
          "govuk-character-count__message",
          "govuk-character-count__status",
          count.isOverLimit ? "govuk-error-message" : "govuk-hint",
          count.isBelowThreshold && "govuk-character-count__message--disabled",
        )}
        aria-hidden="true"
      >
        {count.text}
      </div>
      <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
        {count.isBelowThreshold ? "" : spoken}
      </div>
    </div>
  );
}
