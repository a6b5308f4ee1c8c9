import {
  enumOptionsIsSelected,
  enumOptionValueEncoder,
  getOptionValueFormat,
  type EnumOptionsType,
  type WidgetProps,
} from "@rjsf/utils";
import type { ReactNode } from "react";

import { ChoiceGroup, ChoiceItem, ConditionalPanel } from "../../../govuk/choices.tsx";
import { getPanelKey, useConditionalPanels } from "../../shared/contexts.tsx";

/** The id of one option: the first carries the field's id, so labels and error links land on it. */
export function getOptionId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index}`;
}

/** An option's hint: its `oneOf` branch's description, or `ui:options.enumHints[value]`. */
export function getOptionHint(option: EnumOptionsType, enumHints: unknown): string | undefined {
  if (enumHints && typeof enumHints === "object" && !Array.isArray(enumHints)) {
    const hint: unknown = Object.getOwnPropertyDescriptor(enumHints, String(option.value))?.value;
    if (typeof hint === "string") return hint;
  }
  const description = option.schema?.description;
  return typeof description === "string" && description ? description : undefined;
}

/** True when `ui:options.enumDisabled` lists the option's value. */
export function isOptionDisabled(enumDisabled: unknown, value: unknown): boolean {
  return Array.isArray(enumDisabled) && enumDisabled.includes(value);
}

export interface RadioItemsProps extends WidgetProps {
  /** Draws an option's label (the category selector adds a tag). */
  renderLabel?: (option: EnumOptionsType, index: number) => ReactNode;
  className?: string;
}

/** The answer a read-only radio group shows. */
function ReadonlyAnswer({ id, text, children }: { id: string; text: string | undefined; children?: ReactNode }) {
  return (
    <>
      <p id={id} className="govuk-body steward-readonly-answer">
        {text ?? "Not answered"}
      </p>
      {children}
    </>
  );
}

interface RadioOptionProps {
  props: RadioItemsProps;
  option: EnumOptionsType;
  index: number;
  panels: Map<string, ReactNode> | undefined;
}

/** One radio, with its hint and, when chosen, the follow-up questions it reveals. */
function RadioOption({ props, option, index, panels }: RadioOptionProps) {
  const { id, htmlName, options, disabled, autofocus, onChange, onBlur, onFocus, renderLabel } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const itemId = getOptionId(id, index);
  const checked = enumOptionsIsSelected(option.value, value);
  const panel = checked ? panels?.get(getPanelKey(option.value)) : undefined;
  const panelId = `${itemId}-conditional`;
  return (
    <>
      <ChoiceItem
        kind="radios"
        id={itemId}
        label={renderLabel ? renderLabel(option, index) : option.label}
        hint={getOptionHint(option, options.enumHints)}
        name={htmlName ?? id}
        value={enumOptionValueEncoder(option.value, index, getOptionValueFormat(options))}
        checked={checked}
        disabled={disabled || isOptionDisabled(options.enumDisabled, option.value)}
        autoFocus={autofocus && index === 0}
        aria-controls={panel ? panelId : undefined}
        onChange={() => onChange(option.value)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      {panel && (
        <ConditionalPanel kind="radios" id={panelId}>
          {panel}
        </ConditionalPanel>
      )}
    </>
  );
}

/**
 * GOV.UK radios, the group drawn in a fieldset by the FieldTemplate. Options can have hints; `ui:options.inline`
 * puts short option lists (yes/no) side by side and `ui:options.small` uses small radios. Follow-up questions of the
 * chosen option appear under it (conditional reveal), tied to it with `aria-controls`.
 */
export function RadioItems(props: RadioItemsProps) {
  const { id, options, readonly, className } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const { enumOptions = [], inline, small } = options;
  const panels = useConditionalPanels(id);
  if (readonly) {
    const chosen = enumOptions.find((option) => enumOptionsIsSelected(option.value, value));
    return (
      <ReadonlyAnswer id={id} text={chosen ? chosen.label : undefined}>
        {chosen && panels?.get(getPanelKey(chosen.value))}
      </ReadonlyAnswer>
    );
  }
  return (
    <ChoiceGroup kind="radios" inline={Boolean(inline) && !panels} small={Boolean(small)} className={className}>
      {enumOptions.map((option, index) => (
        <RadioOption key={getOptionId(id, index)} props={props} option={option} index={index} panels={panels} />
      ))}
    </ChoiceGroup>
  );
}

/** GOV.UK radios for a choice of one (`ui:widget: radio`, and booleans as Yes/No). */
export default function RadioWidget(props: WidgetProps) {
  return <RadioItems {...props} />;
}
RadioWidget.govukChrome = "fieldset" as const;
RadioWidget.govukConditionalReveal = true;
