import {
  getSchemaType,
  getUiOptions,
  hasWidget,
  isCustomWidget,
  type Registry,
  type RJSFSchema,
  type UiSchema,
} from "@rjsf/utils";
import type { ComponentType } from "react";

import type { LabelSize } from "../../govuk/frame.tsx";

/**
 * How the FieldTemplate frames a field, following GOV.UK markup:
 * - `label`: one control: `<label for>`, hint, error message, control.
 * - `fieldset`: a group of controls (radios, checkboxes, date parts): `<fieldset>` with a `<legend>`.
 * - `self`: the control renders its own label (a single checkbox); the template adds the error message.
 * - `container`: an object or array; its own template renders the fieldset.
 * - `hidden`: no visible chrome.
 */
export type GovukChrome = "label" | "fieldset" | "self" | "container" | "hidden";

/** Statics a widget or field may carry to tell the theme how to frame it. */
export interface GovukComponentStatics {
  /** How FieldTemplate frames this widget; `label` when absent. */
  govukChrome?: GovukChrome;
  /** True when the widget places conditional follow-up questions under its options (radios, a single checkbox). */
  govukConditionalReveal?: boolean;
  /** A hint shown when the field has no description of its own ("For example, 27 3 2024"). */
  govukDefaultHint?: string;
  /** The legend or label size when `ui:options.labelSize` does not say (a whole grid of questions wants `m`). */
  govukLabelSize?: LabelSize;
}

type AnyComponent = ComponentType<never> & GovukComponentStatics;

// The same names @rjsf/utils' getWidget maps `ui:widget` strings to, per schema type.
const WIDGET_NAMES: Record<string, Record<string, string>> = {
  boolean: { checkbox: "CheckboxWidget", radio: "RadioWidget", select: "SelectWidget", hidden: "HiddenWidget" },
  string: {
    text: "TextWidget",
    password: "PasswordWidget",
    email: "EmailWidget",
    hostname: "TextWidget",
    ipv4: "TextWidget",
    ipv6: "TextWidget",
    uri: "URLWidget",
    "data-url": "FileWidget",
    radio: "RadioWidget",
    select: "SelectWidget",
    textarea: "TextareaWidget",
    hidden: "HiddenWidget",
    date: "DateWidget",
    datetime: "DateTimeWidget",
    "date-time": "DateTimeWidget",
    "alt-date": "AltDateWidget",
    "alt-datetime": "AltDateTimeWidget",
    time: "TimeWidget",
    color: "ColorWidget",
    file: "FileWidget",
  },
  number: {
    text: "TextWidget",
    select: "SelectWidget",
    updown: "UpDownWidget",
    range: "RangeWidget",
    radio: "RadioWidget",
    hidden: "HiddenWidget",
  },
  integer: {
    text: "TextWidget",
    select: "SelectWidget",
    updown: "UpDownWidget",
    range: "RangeWidget",
    radio: "RadioWidget",
    hidden: "HiddenWidget",
  },
  array: { select: "SelectWidget", checkboxes: "CheckboxesWidget", files: "FileWidget", hidden: "HiddenWidget" },
};

export interface ResolvedWidget {
  chrome: GovukChrome;
  /** The widget (or field) component that will render, when one could be found. */
  component?: AnyComponent;
  /** The widget map the answer was found in (a cached answer holds only for the same map). */
  widgets?: unknown;
}

function lookUpWidget(type: string, widget: unknown, widgets: Record<string, unknown>): AnyComponent | undefined {
  if (typeof widget === "function" || (typeof widget === "object" && widget !== null)) return widget as AnyComponent;
  if (typeof widget !== "string") return undefined;
  if (widget in widgets) {
    const registered = widgets[widget];
    return typeof registered === "string" ? lookUpWidget(type, registered, widgets) : (registered as AnyComponent);
  }
  const name = WIDGET_NAMES[type]?.[widget];
  return name ? (widgets[name] as AnyComponent | undefined) : undefined;
}

// Results per (schema, uiSchema) pair: FieldTemplate asks on every render, and rjsf keeps both objects stable.
const resolved = new WeakMap<object, WeakMap<object, ResolvedWidget>>();
const NO_UI_SCHEMA = {};

/**
 * Works out which widget rjsf will render for a field, the way its fields do, so the FieldTemplate can frame it
 * (a `<label>` for one control, a `<fieldset>` for a group). Arrays of enums render as checkboxes in this theme.
 */
export function resolveWidget(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: Registry): ResolvedWidget {
  let bySchema = resolved.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    resolved.set(schema, bySchema);
  }
  const uiKey = uiSchema ?? NO_UI_SCHEMA;
  let result = bySchema.get(uiKey);
  if (!result || result.widgets !== registry.widgets) {
    result = { ...resolveUncached(schema, uiSchema, registry), widgets: registry.widgets };
    bySchema.set(uiKey, result);
  }
  return result;
}

function resolveUncached(schema: RJSFSchema, uiSchema: UiSchema | undefined, registry: Registry): ResolvedWidget {
  const options = getUiOptions(uiSchema, registry.globalUiOptions);
  if (options.widget === "hidden") return { chrome: "hidden" };
  if (options.field) {
    const field = typeof options.field === "string" ? registry.fields[options.field] : options.field;
    const component = field as AnyComponent | undefined;
    return { chrome: component?.govukChrome ?? "fieldset", component };
  }
  const schemaType = getSchemaType(schema);
  const type = Array.isArray(schemaType) ? String(schemaType[0]) : (schemaType ?? "");
  const { schemaUtils, widgets } = registry;
  if ((schema.anyOf || schema.oneOf) && !schemaUtils.isSelect(schema) && type !== "object")
    return { chrome: "container" };
  let widget: unknown = options.widget;
  switch (type) {
    case "object":
      return { chrome: "container" };
    case "array":
      if (schemaUtils.isMultiSelect(schema)) widget = options.widget ?? "checkboxes";
      else if (isCustomWidget(uiSchema)) widget = options.widget;
      else if (schemaUtils.isFilesArray(schema, uiSchema)) widget = options.widget ?? "files";
      else return { chrome: "container" };
      break;
    case "boolean":
      widget = widget ?? "checkbox";
      break;
    case "null":
      return { chrome: "hidden" };
    default:
      if (widget === undefined) {
        const format = typeof schema.format === "string" ? schema.format : undefined;
        widget =
          format && hasWidget(schema, format, widgets) ? format : schemaUtils.isSelect(schema) ? "select" : "text";
      }
  }
  const component = lookUpWidget(type, widget, widgets);
  return { chrome: component?.govukChrome ?? "label", component };
}
