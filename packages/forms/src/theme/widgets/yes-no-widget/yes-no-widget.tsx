import type { WidgetProps } from "@rjsf/utils";

import { RadioItems } from "../radio-widget/radio-widget.tsx";

const YES_NO = [
  { value: true, label: "Yes" },
  { value: false, label: "No" },
];

/**
 * A yes/no question as GOV.UK inline radios, "Yes" then "No" (`ui:widget: yesNo` on a boolean). A follow-up question
 * revealed by an answer turns the radios back to stacked, as GOV.UK requires.
 */
export default function YesNoWidget(props: WidgetProps) {
  const enumOptions = props.options.enumOptions?.length ? props.options.enumOptions : YES_NO;
  return <RadioItems {...props} options={{ inline: true, ...props.options, enumOptions }} />;
}
YesNoWidget.govukChrome = "fieldset" as const;
YesNoWidget.govukConditionalReveal = true;
