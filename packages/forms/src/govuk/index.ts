/**
 * @steward/forms/govuk: the GOV.UK Design System's field markup as presentational React components, with no rjsf in
 * them. The rjsf theme draws its widgets and templates with them, and packages/ui builds the apps' own fields on them,
 * so a question looks and reads the same in a policy form and on an app page.
 */
export { cx, joinIds } from "./class-names.ts";
export {
  ErrorMessage,
  Fieldset,
  FieldsetField,
  FormGroup,
  Hint,
  isLabelSize,
  Label,
  LabelledField,
  labelSizeClass,
  legendSizeClass,
  type FieldsetProps,
  type LabelSize,
} from "./frame.tsx";
export { InputAffixes, InputControl, SelectControl, TextareaControl } from "./controls.tsx";
export {
  ChoiceDivider,
  ChoiceGroup,
  ChoiceItem,
  ConditionalPanel,
  getItemHintId,
  type ChoiceItemProps,
  type ChoiceKind,
} from "./choices.tsx";
export {
  DATE_PARTS,
  DateInputGroup,
  DateInputItem,
  getDatePartId,
  type DateInputItemProps,
  type DatePart,
} from "./date-input.tsx";
export { CharacterCount, type CharacterCountProps } from "./character-count.tsx";
