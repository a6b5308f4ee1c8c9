import { type WidgetProps } from "@rjsf/utils";

import { baseInputOf } from "../input-type-widget.tsx";

/** A slider, with its current value written beside it (never conveyed by position alone). */
export default function RangeWidget(props: WidgetProps) {
  const BaseInputTemplate = baseInputOf(props);
  return (
    <div className="steward-range">
      <BaseInputTemplate
        {...props}
        type="range"
        options={{ ...props.options, width: undefined }}
        onChange={(value: unknown) => props.onChange(value === undefined || value === "" ? undefined : Number(value))}
      />
      <output className="govuk-body govuk-!-margin-left-2" htmlFor={props.id}>
        {props.value ?? ""}
      </output>
    </div>
  );
}
