import { useSession } from "@steward/ui";

/** The roles the signed-in user may give (their roles' `mayGrant` in the policy in force). */
export function usePolicyRoles() {
  const me = useSession();
  return { isPending: false, roles: me.grantableRoles };
}
