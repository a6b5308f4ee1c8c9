import { type RouterOutputs, useTRPC } from "@steward/ui";
import { useQuery } from "@tanstack/react-query";

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
  };
}

export const today = () => new Date().toISOString().slice(0, 10);
