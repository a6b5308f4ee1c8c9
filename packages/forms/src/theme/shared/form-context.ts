import type { Registry } from "@rjsf/utils";

import type { BestFitData, SuggestBestFit } from "../../steward/best-fit.ts";

/** Options for the GOV.UK theme itself, passed in `formContext.govuk`. */
export interface GovukThemeOptions {
  /** Add " (optional)" to the label of every question that is not required (GOV.UK advice). Default true. */
  markOptional?: boolean;
  /** Show the root schema's title as the page heading (`<h1>`). Default true. */
  showTitle?: boolean;
}

/**
 * The `formContext` the theme understands. Everything is optional; an app may add its own keys.
 * `policy` feeds the Steward widgets (best-fit grid, category selector) when their `ui:options` do not.
 */
export interface StewardFormContext {
  govuk?: GovukThemeOptions;
  policy?: Partial<BestFitData>;
  suggestBestFit?: SuggestBestFit;
  [key: string]: unknown;
}

/** Reads the theme options from a registry's formContext, with defaults. */
export function getThemeOptions(registry: Pick<Registry, "formContext">): Required<GovukThemeOptions> {
  const govuk = (registry.formContext as StewardFormContext | undefined)?.govuk;
  return { markOptional: govuk?.markOptional ?? true, showTitle: govuk?.showTitle ?? true };
}
