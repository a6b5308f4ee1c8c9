import { descriptionId, type WidgetProps } from "@rjsf/utils";

import { ChoiceGroup, ChoiceItem, ConditionalPanel } from "../../../govuk/choices.tsx";
import { getPanelKey, useConditionalPanels } from "../../shared/contexts.tsx";
import { getDescribedBy } from "../../shared/widget-props.ts";

/**
 * A single GOV.UK checkbox for a boolean ("I confirm …"): the field's title is the checkbox's label and its
 * description the checkbox hint. For a yes/no question use `ui:widget: yesNo` (or `radio`) instead.
 */
export default function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, disabled, readonly, autofocus, onChange, onBlur, onFocus, label, schema, options } = props;
  // rjsf types a widget's value as `any`: read it as unknown.
  const value: unknown = props.value;
  const panels = useConditionalPanels(id);
  const description = options.description || schema.description;
  const checked = value === true;
  const panel = checked ? panels?.get(getPanelKey(true)) : undefined;
  if (readonly) {
    return (
      <>
        <p id={id} className="govuk-body steward-readonly-answer">
          <span className="govuk-!-font-weight-bold">{label}</span>: {checked ? "Yes" : "No"}
        </p>
        {panel}
      </>
    );
  }
  return (
    <ChoiceGroup kind="checkboxes">
      <ChoiceItem
        kind="checkboxes"
        id={id}
        label={label}
        hint={description}
        hintId={descriptionId(id)}
        name={htmlName ?? id}
        checked={checked}
        disabled={disabled}
        autoFocus={autofocus}
        aria-describedby={getDescribedBy(props)}
        aria-controls={panel ? `${id}-conditional` : undefined}
        // A checkbox may say whether its follow-up questions are showing (ARIA allows it on checkboxes, not radios).
        aria-expanded={panels ? checked : undefined}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      {panel && (
        <ConditionalPanel kind="checkboxes" id={`${id}-conditional`}>
          {panel}
        </ConditionalPanel>
      )}
    </ChoiceGroup>
  );
}
CheckboxWidget.govukChrome = "self" as const;
CheckboxWidget.govukConditionalReveal = true;
