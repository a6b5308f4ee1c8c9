/**
 * The react-jsonschema-form theme in the GOV.UK Design System style, and
 * Steward's own widgets. Knows nothing of the API.
 */
export {};
