/**
 * The GOV.UK Frontend 6 class for a policy tag colour (as @steward/forms' getTagClassName, kept here
 * so the first page does not load the whole forms library): blue is the default tag, and light-blue,
 * which Frontend 6 dropped, shows as teal.
 */
export function getTagClassName(colour: string | undefined): string {
  if (colour === undefined || colour === "blue") return "govuk-tag";
  if (colour === "light-blue") return "govuk-tag govuk-tag--teal";
  return `govuk-tag govuk-tag--${colour}`;
}
