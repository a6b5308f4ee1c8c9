/**
 * The policy document: the meta-schema, its TypeScript types, validation with
 * readable errors, the version lifecycle, a readable diff and format upgrades.
 * The authorities' documents live in ../tenants/.
 */
export { JSON_SCHEMA_DIALECT, policyMetaSchema } from "./meta-schema.ts";
export * from "./schema/policy.ts";
export * from "./schema/data.ts";
export * from "./schema/notifications.ts";
export {
  PHASES,
  type Applicability,
  type GovernanceType,
  type PhaseType,
  type TagColourType,
} from "./schema/common.ts";
export * from "./validation/index.ts";
export * from "./vocabulary.ts";
export * from "./permission-words.ts";
export * from "./permission-cells.ts";
export {
  AJV_OPTIONS,
  Ajv2020,
  checkFormSchema,
  createAjv,
  FormSchemaError,
  getFormValidator,
  getLetterParametersValidator,
  type FormSchemaProblem,
} from "./ajv.ts";
export { letterParameterFields, letterParameterSchema } from "./letter-parameters.ts";
export { describeAjvError, describeIncompleteAnswers, type AjvErrorDescription } from "./ajv-errors.ts";
export {
  checkTemplate,
  createLiquid,
  renderTemplate,
  TemplateError,
  TEMPLATE_LIMITS,
  type TemplateScope,
} from "./templates/liquid.ts";
export {
  describeCadence,
  describeFrequency,
  diffPolicies,
  type DiffEntry,
  type JsonPatchOperation,
  type PolicyDiff,
} from "./diff.ts";
export { diffText, shortenUnchanged, type TextPart } from "./diff-words.ts";
export { diffPermissions, type PermissionChange } from "./diff-permissions.ts";
export { diffForms, type FormChange } from "./diff-forms.ts";
export * from "./lifecycle.ts";
export { parsePolicyDocument, PolicyDocumentError } from "./parse.ts";
export { getRefTargets, isRefCollection, REF_COLLECTIONS, type RefCollection, type RefTarget } from "./refs.ts";
export { FACT_LABELS, keyInWords, listRuleFacts, type RuleFact, type RuleFactValue } from "./rule-facts.ts";
export {
  formatRuleTree,
  parseRuleTree,
  TREE_OPERATORS,
  type ParsedRule,
  type RuleCondition,
  type RuleGroup,
  type RuleNode,
  type TreeLiteral,
  type TreeOperator,
  type TreeValue,
} from "./rule-tree.ts";
export { ruleInWords } from "./rule-words.ts";
export {
  FORMAT_UPGRADES,
  FormatUpgradeError,
  upgradePolicy,
  type FormatUpgrade,
  type UpgradeResult,
} from "./upgrade.ts";
export {
  isRealDate,
  isSchoolYear,
  readTermDates,
  TERM_DATE_COLUMNS,
  type TermDateProblem,
  type TermDateRow,
  type TermDates,
} from "./term-dates.ts";
export { buildYearFromTermDates, type ImportedPart, type ImportedYear } from "./term-dates-year.ts";
