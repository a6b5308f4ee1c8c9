/**
 * The policy document: the meta-schema, its TypeScript types, validation with
 * readable errors, the version lifecycle, a readable diff and format upgrades.
 * The authorities' documents live in ../tenants/.
 */

/** The format version of the policy meta-schema that this build writes. */
export const CURRENT_FORMAT_VERSION = 1;
