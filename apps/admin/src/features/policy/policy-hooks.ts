import { useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC, type RouterOutputs } from "@steward/ui";

export type VersionSummary = RouterOutputs["policy"]["list"][number];
export type PolicyProblem = RouterOutputs["policy"]["get"]["problems"][number];

export function useVersions() {
  const trpc = useTRPC();
  return useQuery(trpc.policy.list.queryOptions());
}

export function useVersion(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.policy.get.queryOptions({ id }, { staleTime: 0 }));
}

export function useRefreshPolicy() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.policy.pathKey() });
}

export const versionName = (v: Pick<VersionSummary, "version" | "label" | "period">) =>
  `Version ${v.version}${v.label ? `: ${v.label}` : v.period ? ` (${v.period})` : ""}`;

export const STATUS_COLOUR: Record<string, string> = { draft: "blue", published: "green", retired: "grey" };
