import {
  getTemplate,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type WidgetProps,
} from "@rjsf/utils";

/** The theme's BaseInputTemplate (a GOV.UK text input), which every input-like widget draws with. */
export function baseInputOf<T, S extends StrictRJSFSchema, F extends FormContextType>(props: WidgetProps<T, S, F>) {
  return getTemplate<"BaseInputTemplate", T, S, F>("BaseInputTemplate", props.registry, props.options);
}

/**
 * The widgets that differ only by the input's `type` (text, colour, email, password, time, number, web address) are
 * one GOV.UK text input drawn by the theme's BaseInputTemplate; each widget file names its type and why. With no
 * type, the BaseInputTemplate chooses one from the schema.
 */
export function inputTypeWidget(type?: string) {
  function InputTypeWidget<
    T = unknown,
    S extends StrictRJSFSchema = RJSFSchema,
    F extends FormContextType = FormContextType,
  >(props: WidgetProps<T, S, F>) {
    const BaseInputTemplate = baseInputOf(props);
    return type === undefined ? <BaseInputTemplate {...props} /> : <BaseInputTemplate {...props} type={type} />;
  }
  return InputTypeWidget;
}
