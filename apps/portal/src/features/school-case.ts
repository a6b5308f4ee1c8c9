import { useQuery } from "@tanstack/react-query";

import { useTRPC, type RouterOutputs } from "@steward/ui";

export type CaseView = RouterOutputs["cases"]["get"];

/** The signed-in school's open case (school staff see their own school's only). */
export function useSchoolCase() {
  const trpc = useTRPC();
  const list = useQuery(trpc.cases.list.queryOptions({ status: "open", limit: 5 }));
  const caseId = list.data?.items[0]?.id;
  const view = useQuery(trpc.cases.get.queryOptions({ caseId: caseId ?? "" }, { enabled: Boolean(caseId) }));
  return {
    isPending: list.isPending || (Boolean(caseId) && view.isPending),
    error: list.error ?? view.error,
    hasCase: Boolean(caseId),
    view: view.data,
    caseId,
  };
}

/**
 * The parts of the case's own policy a school may see (`cases.policy`): the categories and stages the
 * policy shows to schools and the forms of the reports the school can read, with their questions.
 */
export function useSchoolCasePolicy(caseId: string | undefined) {
  const trpc = useTRPC();
  return useQuery(
    trpc.cases.policy.queryOptions({ caseId: caseId ?? "" }, { enabled: Boolean(caseId), staleTime: 30 * 60_000 }),
  );
}
