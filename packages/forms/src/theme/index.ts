import { withTheme, type ThemeProps } from "@rjsf/core";

import { generateFields } from "./fields/index.ts";
import { generateTemplates } from "./templates/index.ts";
import { generateWidgets } from "./widgets/index.ts";

/**
 * A fresh GOV.UK theme for rjsf: templates, widgets and Steward's fields. Not generic: it draws any data (rjsf's
 * generics are invariant; apps type their data at `GovukForm`).
 */
export function generateTheme(): ThemeProps {
  return {
    fields: generateFields(),
    templates: generateTemplates(),
    widgets: generateWidgets(),
  };
}

/**
 * rjsf's `Form` in the GOV.UK theme. Prefer `GovukForm`, which adds GOV.UK error wording, the focused error summary,
 * the default validator and multi-page forms.
 */
export const Form = withTheme(generateTheme());

export { generateFields, generateTemplates, generateWidgets };
