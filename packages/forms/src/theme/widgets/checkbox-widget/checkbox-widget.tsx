import {
  descriptionId,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type WidgetProps,
} from "@rjsf/utils";

import { getPanelKey, useConditionalPanels } from "../../shared/contexts.tsx";
import { getDescribedBy } from "../../shared/widget-props.ts";

/**
 * A single GOV.UK checkbox for a boolean ("I confirm …"): the field's title is the checkbox's label and its
 * description the checkbox hint. For a yes/no question use `ui:widget: yesNo` (or `radio`) instead.
 */
export default function CheckboxWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(props: WidgetProps<T, S, F>) {
  const { id, htmlName, value, disabled, readonly, autofocus, onChange, onBlur, onFocus, label, schema, options } =
    props;
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
    <div className="govuk-checkboxes" data-module="govuk-checkboxes">
      <div className="govuk-checkboxes__item">
        <input
          className="govuk-checkboxes__input"
          id={id}
          name={htmlName ?? id}
          type="checkbox"
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
        <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
          {label}
        </label>
        {description && (
          <div id={descriptionId(id)} className="govuk-hint govuk-checkboxes__hint">
            {description}
          </div>
        )}
      </div>
      {panel && (
        <div className="govuk-checkboxes__conditional" id={`${id}-conditional`}>
          {panel}
        </div>
      )}
    </div>
  );
}
CheckboxWidget.govukChrome = "self" as const;
CheckboxWidget.govukConditionalReveal = true;
