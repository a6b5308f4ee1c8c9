/**
 * @steward/forms: react-jsonschema-form in the GOV.UK Design System style, with Steward's widgets.
 *
 * Apps render `GovukForm` with a policy form's `schema` and `uiSchema`, show answers with `FormSummary`, and load
 * `govuk-frontend`'s CSS plus `@steward/forms/styles.css`. The theme itself (`generateTheme`, `Form`) follows rjsf's
 * theme shape for apps that need rjsf directly.
 */
export { Form, generateFields, generateTemplates, generateTheme, generateWidgets } from "./theme/index.ts";
export * from "./theme/widgets/index.ts";
export * from "./theme/fields/index.ts";
export * from "./theme/templates/index.ts";
export { GovukForm, SinglePageForm, type GovukFormProps } from "./govuk-form/govuk-form.tsx";
export { MultiPageForm, type MultiPageFormProps } from "./multi-page/multi-page-form.tsx";
export { getPageSchema, getPageUiSchema, getPages, type FormPage } from "./multi-page/pages.ts";
export { FormSummary, type FormSummaryProps } from "./summary/form-summary.tsx";
export {
  summariseAnswers,
  type SummaryEntry,
  type SummaryGroup,
  type SummaryRow,
  type SummaryValue,
} from "./summary/summarise.ts";
export { createGovukTransformErrors, type GovukErrorOptions } from "./errors/transform-errors.ts";
export { ErrorSummary, focusErrorSummary, focusErrorTarget, type ErrorSummaryItem } from "./errors/error-summary.tsx";
export { createValidator, defaultValidator } from "./validator.ts";
export {
  getBestFitData,
  getBestFitSchema,
  suggestBestFit,
  type Area,
  type AreaJudgement,
  type BestFitData,
  type DescriptorSelection,
  type SuggestBestFit,
} from "./steward/best-fit.ts";
export { getTagClassName } from "./steward/tag-colour.ts";
export type { AgendaItemOption } from "./theme/fields/agenda-notes-field/agenda-notes-field.tsx";
export type { GovukChrome, GovukComponentStatics } from "./theme/shared/chrome.ts";
export type { GovukThemeOptions, StewardFormContext } from "./theme/shared/form-context.ts";
export { getChoiceHints, getChoiceLabel, toChoiceSchema } from "./steward/choice-schema.ts";
