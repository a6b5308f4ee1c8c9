// The users.grants column is JSON the database does not check: this is the one
// place it becomes typed, so a bad stored value fails loudly where it is read
// instead of spreading through permissions as if it were a list of roles.
import type { RoleGrantRow, User, UserRow } from "./schema.ts";

/** One stored grant as a `RoleGrantRow` (other keys left behind); throws a sentence naming what is wrong. */
function readGrant(grant: unknown, place: number): RoleGrantRow {
  const fail = (problem: string) =>
    new TypeError(`A user's stored role ${place} ${problem}: ${JSON.stringify(grant)}.`);
  if (typeof grant !== "object" || grant === null || Array.isArray(grant)) throw fail("is not an object");
  if (!("role" in grant) || typeof grant.role !== "string" || grant.role === "") throw fail("has no role key");
  if (!("schoolUrn" in grant) || grant.schoolUrn === undefined) return { role: grant.role };
  if (typeof grant.schoolUrn !== "number" || !Number.isInteger(grant.schoolUrn))
    throw fail("has a schoolUrn that is not a whole number");
  return { role: grant.role, schoolUrn: grant.schoolUrn };
}

/** A user's stored roles, checked to be a list of `{ role, schoolUrn? }`; throws a sentence saying what is wrong. */
export function parseRoleGrants(value: unknown): RoleGrantRow[] {
  if (!Array.isArray(value)) throw new TypeError(`A user's stored roles are not a list: ${JSON.stringify(value)}.`);
  return value.map((grant: unknown, index) => readGrant(grant, index + 1));
}

/** A users row with its roles checked. */
export function toUser(row: UserRow): User {
  return { ...row, grants: parseRoleGrants(row.grants) };
}
