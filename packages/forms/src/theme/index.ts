import { withTheme, type ThemeProps } from "@rjsf/core";
import type { FormContextType, RJSFSchema, StrictRJSFSchema } from "@rjsf/utils";

import { generateFields } from "./fields/index.ts";
import { generateTemplates } from "./templates/index.ts";
import { generateWidgets } from "./widgets/index.ts";

/** A fresh GOV.UK theme for rjsf: templates, widgets and Steward's fields. */
export function generateTheme<
  T = unknown,
  S extends StrictRJSFSchema = RJSFSchema,
  F extends FormContextType = FormContextType,
>(): ThemeProps<T, S, F> {
  return {
    fields: generateFields<T, S, F>(),
    templates: generateTemplates<T, S, F>(),
    widgets: generateWidgets<T, S, F>(),
  };
}

/**
 * rjsf's `Form` in the GOV.UK theme. Prefer `GovukForm`, which adds GOV.UK error wording, the focused error summary,
 * the default validator and multi-page forms.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rjsf's generics are invariant; apps type their data at GovukForm
export const Form = withTheme<any, RJSFSchema, any>(generateTheme<any, RJSFSchema, any>());

export { generateFields, generateTemplates, generateWidgets };
