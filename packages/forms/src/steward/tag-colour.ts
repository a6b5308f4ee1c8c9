/**
 * The GOV.UK Frontend 6 class for a policy tag colour. Policies use the GOV.UK tag colour names of the meta-schema;
 * Frontend 6 dropped two of them: blue is now the default tag, and light-blue maps to teal, its nearest colour. Any
 * other name (a policy's TagColourType, or an app's own) becomes its `govuk-tag--` modifier.
 */
export function getTagClassName(colour: string | undefined): string {
  switch (colour) {
    case undefined:
    case "blue":
      return "govuk-tag";
    case "light-blue":
      return "govuk-tag govuk-tag--teal";
    default:
      return `govuk-tag govuk-tag--${colour}`;
  }
}
