import { useSession, useTRPC } from "@steward/ui";
import { useQuery } from "@tanstack/react-query";
import type { PolicyDocument } from "@steward/policy-config";

/** The roles of the policy in force, to grant. */
export function usePolicyRoles() {
  const trpc = useTRPC();
  const me = useSession();
  const query = useQuery(trpc.policy.get.queryOptions({ id: me.policyVersionId ?? "" }, { enabled: Boolean(me.policyVersionId), staleTime: 5 * 60_000 }));
  return { ...query, roles: (query.data?.document as PolicyDocument | undefined)?.roles ?? [] };
}
