/**
 * The dashboard's filters live in the address, so a filtered view can be bookmarked and shared:
 * reading them, changing them and naming the view they select.
 */
import { useSearchParams } from "react-router";

import type { RouterInputs } from "@steward/ui";

type Filter = RouterInputs["cases"]["summary"];
export type DashboardFilter = Filter & { sort?: "school" | "next-visit" | "category" | "stage" };
export type SetFilter = (changes: Record<string, string | undefined>) => void;

export const PAGE = 25;
export const FILTER_KEYS = [
  "search",
  "category",
  "stage",
  "phase",
  "governance",
  "officerId",
  "mine",
  "overdue",
  "dueBy",
  "letters",
  "pastDeadline",
  "sort",
] as const;

/** Reads the dashboard's filters from the address. */
function readFilter(params: URLSearchParams): DashboardFilter {
  const get = (key: string) => params.get(key) || undefined;
  return {
    search: get("search"),
    category: get("category"),
    stage: get("stage"),
    phase: get("phase"),
    governance: get("governance") as Filter["governance"],
    officerId: get("officerId"),
    mine: params.get("mine") === "1" || undefined,
    overdue: params.get("overdue") === "1" || undefined,
    dueBy: get("dueBy"),
    awaitingAcknowledgement: params.get("letters") === "1" || undefined,
    lettersPastDeadline: params.get("pastDeadline") === "1" || undefined,
    sort: get("sort") as "school" | undefined,
  };
}

/** The filter without its empty values, as the API expects it. */
export const clean = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "" && v !== false)) as T;

/** The filter in the address, the page offset, and a setter that starts again from the first page. */
export function useDashboardFilter() {
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const offset = Number(params.get("offset") ?? 0) || 0;
  const setFilter: SetFilter = (changes) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("offset");
    setParams(next);
  };
  const setOffset = (o: number) => setParams((p) => (p.set("offset", String(o)), p));
  return { filter, offset, setFilter, setOffset, paramsKey: params.toString() };
}

/** The heading of the list of cases: the view the filter selects. */
export function viewTitle(filter: DashboardFilter): string {
  if (filter.mine) return "My caseload";
  if (filter.overdue) return "Overdue visits";
  if (filter.dueBy) return "Visits due this half-term";
  if (filter.lettersPastDeadline) return "Letters past their deadline";
  if (filter.awaitingAcknowledgement) return "Letters awaiting acknowledgement";
  return "Cases";
}
