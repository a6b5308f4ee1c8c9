/**
 * Who a role, and a user, is for: LA staff or school staff. The policy gives each role its audience
 * (the API sends it with every role); these are the apps' only readings of it, and the user-level rule
 * is the API's own (`audienceOf` in @steward/domain), so the apps and the server never disagree.
 */
export type Audience = "la" | "school";

export interface RoleWithAudience {
  key: string;
  audience: Audience;
}

/** Whether the role is a school role: a grant of it names the school (by URN). */
export function isSchoolRole(roles: readonly RoleWithAudience[], roleKey: string): boolean {
  return roles.find((r) => r.key === roleKey)?.audience === "school";
}

/** The app a user with these roles belongs in: LA staff if any role is an LA role, school staff otherwise (none included). */
export function audienceOfRoles(roles: readonly RoleWithAudience[], roleKeys: readonly string[]): Audience {
  return roleKeys.some((key) => roles.find((r) => r.key === key)?.audience === "la") ? "la" : "school";
}
