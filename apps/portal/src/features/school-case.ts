import { useQuery } from "@tanstack/react-query";

import { useSession, useTRPC, type RouterOutputs } from "@steward/ui";

export type CaseView = RouterOutputs["cases"]["get"];
export type SchoolLetter = RouterOutputs["letters"]["listForSchool"]["letters"][number];
export type SchoolVisits = RouterOutputs["visits"]["listForSchool"];
export type SchoolVisit = SchoolVisits["visits"][number];

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
 * The letters of the signed-in user's school that they may read (`letters.listForSchool`): each letter is
 * checked on itself, so a role that reads letters and not the case (a clerk) gets them too.
 */
export function useSchoolLetters({ enabled = true }: { enabled?: boolean } = {}) {
  const trpc = useTRPC();
  const me = useSession();
  return useQuery(
    trpc.letters.listForSchool.queryOptions(
      { schoolUrn: me.schoolUrn ?? 0 },
      { enabled: enabled && me.schoolUrn !== null },
    ),
  );
}

/** The visits of the signed-in user's school they may read, each report only once they may read it. */
export function useSchoolVisits() {
  const trpc = useTRPC();
  const me = useSession();
  return useQuery(
    trpc.visits.listForSchool.queryOptions({ schoolUrn: me.schoolUrn ?? 0 }, { enabled: me.schoolUrn !== null }),
  );
}
