import type { WidgetProps } from "@rjsf/utils";

/** A value kept in the form but not shown (`ui:widget: hidden`). */
export default function HiddenWidget({ id, htmlName, value }: WidgetProps) {
  return (
    <input
      type="hidden"
      id={id}
      name={htmlName ?? id}
      value={value === undefined || value === null ? "" : String(value)}
    />
  );
}
HiddenWidget.govukChrome = "hidden" as const;
