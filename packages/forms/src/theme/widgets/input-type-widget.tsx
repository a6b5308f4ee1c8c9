import { getTemplate, type WidgetProps } from "@rjsf/utils";

/** The theme's BaseInputTemplate (a GOV.UK text input), which every input-like widget draws with. */
export function baseInputOf(props: WidgetProps) {
  return getTemplate<"BaseInputTemplate">("BaseInputTemplate", props.registry, props.options);
}

/**
 * The widgets that differ only by the input's `type` (text, colour, email, password, time, number, web address) are
 * one GOV.UK text input drawn by the theme's BaseInputTemplate; each widget file names its type and why. With no
 * type, the BaseInputTemplate chooses one from the schema.
 */
export function inputTypeWidget(type?: string) {
  function InputTypeWidget(props: WidgetProps) {
    const BaseInputTemplate = baseInputOf(props);
    return type === undefined ? <BaseInputTemplate {...props} /> : <BaseInputTemplate {...props} type={type} />;
  }
  return InputTypeWidget;
}
