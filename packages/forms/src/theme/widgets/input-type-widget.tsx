import {
  getTemplate,
  type FormContextType,
  type RJSFSchema,
  type StrictRJSFSchema,
  type WidgetProps,
} from "@rjsf/utils";

/**
 * The widgets that differ only by the input's `type` (colour, email, password, time, number, web address) are one
 * GOV.UK text input drawn by the theme's BaseInputTemplate; each widget file names its type and why.
 */
export function inputTypeWidget(type: string) {
  function InputTypeWidget<
    T = unknown,
    S extends StrictRJSFSchema = RJSFSchema,
    F extends FormContextType = FormContextType,
  >(props: WidgetProps<T, S, F>) {
    const BaseInputTemplate = getTemplate<"BaseInputTemplate", T, S, F>(
      "BaseInputTemplate",
      props.registry,
      props.options,
    );
    return <BaseInputTemplate {...props} type={type} />;
  }
  return InputTypeWidget;
}
