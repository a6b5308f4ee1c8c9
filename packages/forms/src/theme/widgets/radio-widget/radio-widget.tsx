import {
  enumOptionsIsSelected,
  enumOptionValueEncoder,
  getOptionValueFormat,
  type EnumOptionsType,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type WidgetProps,
} from "@rjsf/utils";
import { Fragment, type ReactNode } from "react";

import { cx } from "../../../govuk/class-names.ts";
import { getPanelKey, useConditionalPanels } from "../../shared/contexts.tsx";

/** The id of one option: the first carries the field's id, so labels and error links land on it. */
export function getOptionId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index}`;
}

/** An option's hint: its `oneOf` branch's description, or `ui:options.enumHints[value]`. */
export function getOptionHint<S extends StrictRJSFSchema>(
  option: EnumOptionsType<S>,
  enumHints: unknown,
): string | undefined {
  if (enumHints && typeof enumHints === "object" && !Array.isArray(enumHints)) {
    const hint = (enumHints as Record<string, unknown>)[String(option.value)];
    if (typeof hint === "string") return hint;
  }
  const description = option.schema?.description;
  return typeof description === "string" && description ? description : undefined;
}

export interface RadioItemsProps<T, S extends StrictRJSFSchema, F extends FormContextType> extends WidgetProps<
  T,
  S,
  F
> {
  /** Draws an option's label (the category selector adds a tag). */
  renderLabel?: (option: EnumOptionsType<S>, index: number) => ReactNode;
  className?: string;
}

/** The answer a read-only radio group shows. */
export function ReadonlyAnswer({ id, text, children }: { id: string; text: string | undefined; children?: ReactNode }) {
  return (
    <>
      <p id={id} className="govuk-body steward-readonly-answer">
        {text ?? "Not answered"}
      </p>
      {children}
    </>
  );
}

/**
 * GOV.UK radios, the group drawn in a fieldset by the FieldTemplate. Options can have hints; `ui:options.inline`
 * puts short option lists (yes/no) side by side and `ui:options.small` uses small radios. Follow-up questions of the
 * chosen option appear under it (conditional reveal), tied to it with `aria-controls`.
 */
export function RadioItems<T, S extends StrictRJSFSchema, F extends FormContextType>(props: RadioItemsProps<T, S, F>) {
  const {
    id,
    htmlName,
    options,
    value,
    disabled,
    readonly,
    autofocus,
    onChange,
    onBlur,
    onFocus,
    renderLabel,
    className,
  } = props;
  const { enumOptions = [], enumDisabled, inline, small } = options;
  const panels = useConditionalPanels(id);
  const optionValueFormat = getOptionValueFormat(options);
  if (readonly) {
    const chosen = enumOptions.find((option) => enumOptionsIsSelected<S>(option.value, value));
    return (
      <ReadonlyAnswer id={id} text={chosen ? chosen.label : undefined}>
        {chosen && panels?.get(getPanelKey(chosen.value))}
      </ReadonlyAnswer>
    );
  }
  const isInline = Boolean(inline) && !panels;
  return (
    <div
      className={cx(
        "govuk-radios",
        isInline && "govuk-radios--inline",
        Boolean(small) && "govuk-radios--small",
        className,
      )}
      data-module="govuk-radios"
    >
      {enumOptions.map((option, index) => {
        const itemId = getOptionId(id, index);
        const checked = enumOptionsIsSelected<S>(option.value, value);
        const hint = getOptionHint(option, options.enumHints);
        const hintId = `${itemId}-item-hint`;
        const panel = checked ? panels?.get(getPanelKey(option.value)) : undefined;
        const panelId = `${itemId}-conditional`;
        const isDisabled = disabled || (Array.isArray(enumDisabled) && enumDisabled.includes(option.value));
        return (
          <Fragment key={itemId}>
            <div className="govuk-radios__item">
              <input
                className="govuk-radios__input"
                id={itemId}
                name={htmlName ?? id}
                type="radio"
                value={enumOptionValueEncoder(option.value, index, optionValueFormat)}
                checked={checked}
                disabled={isDisabled}
                autoFocus={autofocus && index === 0}
                aria-describedby={hint ? hintId : undefined}
                aria-controls={panel ? panelId : undefined}
                onChange={() => onChange(option.value)}
                onBlur={() => onBlur(id, value)}
                onFocus={() => onFocus(id, value)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={itemId}>
                {renderLabel ? renderLabel(option, index) : option.label}
              </label>
              {hint && (
                <div id={hintId} className="govuk-hint govuk-radios__hint">
                  {hint}
                </div>
              )}
            </div>
            {panel && (
              <div className="govuk-radios__conditional" id={panelId}>
                {panel}
              </div>
            )}
          </Fragment>
        );
      })}
    </div>
  );
}

/** GOV.UK radios for a choice of one (`ui:widget: radio`, and booleans as Yes/No). */
export default function RadioWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  return <RadioItems<T, S, F> {...props} />;
}
RadioWidget.govukChrome = "fieldset" as const;
RadioWidget.govukConditionalReveal = true;
