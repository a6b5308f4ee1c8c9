import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useOutletContext } from "react-router";

import type { Category, CriteriaSet, MeetingType, VisitType } from "@steward/policy-config";
import { readProblems, useAnswers, useTRPC, type Problem, type RouterOutputs } from "@steward/ui";

export type CaseView = RouterOutputs["cases"]["get"];

type CasePolicyOutput = RouterOutputs["cases"]["policy"];

/**
 * The parts of the case's own policy version that casework needs (`cases.policy`): the criteria for
 * the best-fit grid, visit and meeting types, stages, roles and the report and minutes forms. The
 * API sends its nested parts as plain JSON; they are the policy's own shapes.
 */
export type CasePolicy = Omit<CasePolicyOutput, "categories" | "criteria" | "visitTypes" | "meetingTypes"> & {
  categories: (Omit<CasePolicyOutput["categories"][number], "colour"> & Pick<Category, "colour">)[];
  criteria: CriteriaSet[];
  visitTypes: (Omit<CasePolicyOutput["visitTypes"][number], "agendas"> & Pick<VisitType, "agendas">)[];
  meetingTypes: (Omit<CasePolicyOutput["meetingTypes"][number], "progressJudgements" | "sharing"> &
    Pick<MeetingType, "progressJudgements" | "sharing">)[];
};

/**
 * What applies to the case's school now (`cases.options`), by key: the categories, letter, visit and meeting
 * types, forms, stages and transitions a page offers, exactly those the engine accepts. A page offers from
 * `policy`'s lists only what is here (`offered`).
 */
type CaseOptions = RouterOutputs["cases"]["options"];

export interface CaseContext {
  view: CaseView;
  /** The case's own policy version, as far as the user may see it. */
  policy: CasePolicy;
  /** What applies to the case's school now: the only choices a page offers. */
  options: CaseOptions;
  /** Refetches the case (and the lists that show it) after a change. */
  refresh: () => Promise<void>;
}

export const useCase = () => useOutletContext<CaseContext>();

/**
 * A form that sends one case command: its text answers (`field(key)` to spread on a question), its problems, the
 * case and version to send (`ref`: the API refuses a command made on an out-of-date view) and the mutation's
 * callbacks, which, once the command is done, clear the form, refresh the case and call `done`.
 */
export function useCaseForm<Key extends string>(initial: Record<Key, string>, done: () => void) {
  const { view, refresh } = useCase();
  const [problems, setProblems] = useState<Problem[]>([]);
  const { answers, field, reset } = useAnswers(initial, problems);
  return {
    answers,
    field,
    problems,
    ref: { caseId: view.id, expectedVersion: view.version },
    callbacks: {
      onSuccess: async () => {
        reset();
        setProblems([]);
        await refresh();
        done();
      },
      onError: (error: unknown) => setProblems(readProblems(error)),
    },
  };
}

/**
 * The policy a case is worked under, for anyone who may see the case (no "read Policy" needed). It
 * changes only when the case moves to another policy version, so it is kept while the case is
 * refreshed and fetched again when the case's version differs from it.
 */
export function useCasePolicy(caseId: string, policyVersionId: string | undefined) {
  const trpc = useTRPC();
  const query = useQuery(trpc.cases.policy.queryOptions({ caseId }, { staleTime: 30 * 60_000 }));
  const stale = Boolean(query.data && policyVersionId && query.data.policyVersionId !== policyVersionId);
  const { refetch } = query;
  useEffect(() => {
    if (stale) void refetch();
  }, [stale, refetch]);
  return { ...query, data: query.data as CasePolicy | undefined };
}

/** The items of one of the policy's lists that the options name, in the policy's order. */
export function offered<T extends { key: string }>(items: readonly T[], keys: readonly string[]): T[] {
  return items.filter((item) => keys.includes(item.key));
}

/** What applies to the case's school now; refetched with the case (it follows the case's stage and data). */
export function useCaseOptions(caseId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.cases.options.queryOptions({ caseId }));
}

export function useRefreshCase() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const policyKey = JSON.stringify(trpc.cases.policy.pathKey()[0]);
  return async () => {
    await Promise.all([
      // The case's policy stays: it follows the case's policy version (see useCasePolicy).
      queryClient.invalidateQueries({
        queryKey: trpc.cases.pathKey(),
        predicate: (query) => JSON.stringify(query.queryKey[0]) !== policyKey,
      }),
      queryClient.invalidateQueries({ queryKey: trpc.letters.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.forms.pathKey() }),
      // The work the change did (or made) leaves (or joins) the inbox and its count in the menu.
      queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
    ]);
  };
}

type CaseForm = CasePolicy["forms"][number];

/** A report written as one summary, for a visit type that names no report form in a policy that has none. */
const SUMMARY_REPORT: CaseForm = {
  key: "",
  title: "Report",
  purpose: "visit-report",
  schema: { type: "object", title: "Report", properties: { summary: { type: "string", title: "Summary" } } },
  uiSchema: { summary: { "ui:widget": "textarea" } },
};

/**
 * The form a visit of this type is recorded with: the visit type's report form, else the policy's
 * first visit report form, else one summary. Its answers are shown with the same form's questions.
 */
export function getReportForm(policy: CasePolicy, visitTypeKey: string, formKey?: string): CaseForm {
  const key = formKey ?? policy.visitTypes.find((t) => t.key === visitTypeKey)?.reportForm;
  return (
    (key ? policy.forms.find((f) => f.key === key) : undefined) ??
    policy.forms.find((f) => f.purpose === "visit-report") ??
    SUMMARY_REPORT
  );
}
