import type { FormContextType, RJSFSchema, StrictRJSFSchema, WidgetProps } from "@rjsf/utils";

/** A value kept in the form but not shown (`ui:widget: hidden`). */
export default function HiddenWidget<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>({ id, htmlName, value }: WidgetProps<T, S, F>) {
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
