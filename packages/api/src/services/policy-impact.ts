import { getUserNames, listCaseStates, type PolicyVersionRow, type TenantTransaction } from "@steward/db";
import { getVisitWorkload, planPolicyMove, type CaseState, type VersionMapping } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";
import { loadPolicyVersion } from "./policies.ts";

export function toVersionSummary(row: Omit<PolicyVersionRow, "document" | "tenant_id" | "created_by" | "published_by"> & { document?: unknown; strategy_title?: string | null; strategy_period?: string | null }) {
  const strategy = (row.document as { strategy?: { title?: string; period?: string } } | undefined)?.strategy;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    formatVersion: row.format_version,
    label: row.label,
    revision: row.revision,
    basedOnId: row.based_on_id,
    title: row.strategy_title ?? strategy?.title ?? null,
    period: row.strategy_period ?? strategy?.period ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    retiredAt: row.retired_at?.toISOString() ?? null,
  };
}

/**
 * What publishing `next` would do: per open case, its category and stage
 * before and after (by the mapping), and each officer's planned visits per
 * half-term before and after.
 */
export async function getPolicyImpact(trx: TenantTransaction, tenantId: string, next: PolicyDocument, mapping: VersionMapping | undefined, today: string) {
  const rows = await listCaseStates(trx);
  const states = rows.map((r) => r.state as unknown as CaseState);
  const moves = planPolicyMove(states, next, mapping ?? {});
  const names = await getUserNames(trx, rows.map((r) => r.assigned_officer_id ?? ""));
  const officerOf = (id: string | null) => (id ? (names.get(id) ?? "Unknown officer") : "Unassigned");

  const before: { state: CaseState; officer: string }[] = [];
  const byVersion = new Map<string, PolicyDocument>();
  for (const row of rows) {
    if (!byVersion.has(row.policy_version_id)) {
      const loaded = await loadPolicyVersion(trx, tenantId, row.policy_version_id);
      if (loaded) byVersion.set(row.policy_version_id, loaded.document);
    }
  }
  // Workload before: each case under its own version.
  const workloadBefore: Record<string, Record<string, number>> = {};
  for (const [versionId, document] of byVersion) {
    const group = rows.filter((r) => r.policy_version_id === versionId).map((r) => ({ state: r.state as unknown as CaseState, officer: officerOf(r.assigned_officer_id) }));
    before.push(...group);
    for (const [officer, halves] of Object.entries(getVisitWorkload(group, document, today))) {
      for (const [half, count] of Object.entries(halves)) ((workloadBefore[officer] ??= {})[half] = (workloadBefore[officer]?.[half] ?? 0) + count);
    }
  }
  // After: each case as mapped, under the new version.
  const after = rows.map((row, i) => {
    const state = row.state as unknown as CaseState;
    const move = moves[i]!;
    const mapped: CaseState = {
      ...state,
      stage: move.stage.after ?? state.stage,
      category: state.category && move.category.after ? { ...state.category, key: move.category.after } : state.category,
    };
    return { state: mapped, officer: officerOf(row.assigned_officer_id) };
  });
  const workloadAfter = getVisitWorkload(after, next, today);
  const keys = new Set<string>();
  for (const w of [workloadBefore, workloadAfter]) for (const [officer, halves] of Object.entries(w)) for (const half of Object.keys(halves)) keys.add(`${officer}\u0000${half}`);
  const workload = [...keys]
    .map((key) => {
      const [officer, halfTerm] = key.split("\u0000") as [string, string];
      return { officer, halfTerm, before: workloadBefore[officer]?.[halfTerm] ?? 0, after: workloadAfter[officer]?.[halfTerm] ?? 0 };
    })
    .sort((a, b) => a.officer.localeCompare(b.officer) || a.halfTerm.localeCompare(b.halfTerm));

  const cases = moves.map((m) => ({
    caseId: m.caseId,
    urn: m.urn,
    school: m.school,
    category: { before: m.category.before ?? null, after: m.category.after ?? null, changed: m.category.changed },
    stage: { before: m.stage.before, after: m.stage.after ?? null, changed: m.stage.changed },
    problems: m.problems,
  }));
  return {
    cases,
    changedCases: cases.filter((c) => c.category.changed || c.stage.changed).length,
    blockedCases: cases.filter((c) => c.problems.length > 0).length,
    workload,
  };
}
