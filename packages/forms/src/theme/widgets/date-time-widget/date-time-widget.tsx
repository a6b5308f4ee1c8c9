import { localToUTC, utcToLocal, type WidgetProps } from "@rjsf/utils";

import { baseInputOf } from "../input-type-widget.tsx";

/** A date and time (`date-time` strings in UTC), entered in the browser's local time. */
export default function DateTimeWidget(props: WidgetProps) {
  const BaseInputTemplate = baseInputOf(props);
  const value: unknown = typeof props.value === "string" ? utcToLocal(props.value) : props.value;
  return (
    <BaseInputTemplate
      {...props}
      type="datetime-local"
      value={value}
      onChange={(next: unknown) => props.onChange(typeof next === "string" && next ? localToUTC(next) : undefined)}
    />
  );
}
