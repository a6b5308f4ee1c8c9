import { type RouterOutputs, useCan, useTRPC } from "@steward/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { PolicyDocument } from "@steward/policy-config";
import { useOutletContext } from "react-router";

export type CaseView = RouterOutputs["cases"]["get"];

export interface CaseContext {
  view: CaseView;
  /** The policy version the case is under, when the user's roles may read the policy. */
  policy: PolicyDocument | undefined;
  policyPending: boolean;
  /** Refetches the case (and the lists that show it) after a change. */
  refresh: () => Promise<void>;
}

export const useCase = () => useOutletContext<CaseContext>();

/** The policy version a case is under: the criteria, visit types, meeting types it is worked with. */
export function usePolicyDocument(versionId: string | undefined) {
  const trpc = useTRPC();
  const can = useCan();
  const allowed = can("read Policy");
  const query = useQuery(trpc.policy.get.queryOptions({ id: versionId ?? "" }, { enabled: allowed && Boolean(versionId), staleTime: 5 * 60_000 }));
  return { document: query.data?.document as PolicyDocument | undefined, pending: allowed && query.isPending, allowed };
}

export function useRefreshCase() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.cases.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.forms.pathKey() }),
    ]);
  };
}

/** The case's forms (report forms, minutes): LA users receive every form of the policy with its schema. */
export function useForms() {
  const trpc = useTRPC();
  return useQuery(trpc.forms.list.queryOptions({}, { staleTime: 5 * 60_000 }));
}
