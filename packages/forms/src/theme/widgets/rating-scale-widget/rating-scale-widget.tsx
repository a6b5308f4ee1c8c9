import type { EnumOptionsType, RJSFSchema, WidgetProps } from "@rjsf/utils";

import { RadioItems } from "../radio-widget/radio-widget.tsx";

/** The level labels from `ui:options.labels`: an array (lowest level first) or a map from level to words. */
function getLevelLabel(labels: unknown, value: unknown, index: number): string | undefined {
  if (Array.isArray(labels)) return typeof labels[index] === "string" ? labels[index] : undefined;
  if (labels && typeof labels === "object") {
    const label = (labels as Record<string, unknown>)[String(value)];
    return typeof label === "string" ? label : undefined;
  }
  return undefined;
}

/** The levels of a scale: the schema's enum, else every whole number from `minimum` (default 1) to `maximum` (default 5). */
function getScaleLevels(schema: RJSFSchema, enumOptions: EnumOptionsType[] | undefined): unknown[] {
  if (enumOptions?.length) return enumOptions.map((option): unknown => option.value);
  const minimum = typeof schema.minimum === "number" ? Math.ceil(schema.minimum) : 1;
  const maximum = typeof schema.maximum === "number" ? Math.floor(schema.maximum) : 5;
  const levels: number[] = [];
  for (let level = minimum; level <= maximum && levels.length < 20; level++) levels.push(level);
  return levels;
}

/**
 * A rating scale: GOV.UK inline radios, one per level, each numbered and, with `ui:options.labels`, named
 * ("1 Not started", …, "5 Embedded"). `ui:options.lowLabel`/`highLabel` describe the ends of the scale in the hint.
 */
export default function RatingScaleWidget(props: WidgetProps) {
  const { options, schema } = props;
  const levels = getScaleLevels(schema, options.enumOptions);
  const enumOptions: EnumOptionsType[] = levels.map((value, index) => {
    const words = getLevelLabel(options.labels, value, index);
    return { value, label: words ? `${String(value)} ${words}` : String(value) };
  });
  return (
    <RadioItems
      {...props}
      className="steward-rating-scale"
      options={{ ...options, enumOptions, inline: options.inline ?? true }}
      renderLabel={(option, index) => {
        const words = getLevelLabel(options.labels, option.value, index);
        return (
          <>
            <span className="steward-rating-scale__level">{String(option.value)}</span>
            {words && <span className="steward-rating-scale__words"> {words}</span>}
          </>
        );
      }}
    />
  );
}
RatingScaleWidget.govukChrome = "fieldset" as const;
RatingScaleWidget.govukConditionalReveal = true;
