import { createMongoAbility } from "@casl/ability";
import { z } from "zod";

import { findSchools, getUserNames, listCaseStates, type PolicyVersionRow, type School } from "@steward/db";
import {
  DomainError,
  getVisitWorkload,
  planPolicyMove,
  toIsoDate,
  type CaseCommand,
  type CaseState,
  type IndicatorReading,
  type StewardAbility,
  type VersionMapping,
} from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

import { readCaseState } from "./case-state.ts";
import { decideOnCase, type Actor, type CaseDecision } from "./cases.ts";
import { loadIndicatorReadingsBySchool } from "./indicators/readings.ts";
import { loadPolicyVersion, type LoadedPolicy } from "./policies.ts";

/** The strategy's title and period, as far as a document (a draft's perhaps mid-edit) gives them. */
const strategyOf = z.object({
  strategy: z.object({ title: z.string().optional(), period: z.string().optional() }),
});

export function toVersionSummary(
  row: Omit<
    PolicyVersionRow,
    | "document"
    | "status"
    | "tenant_id"
    | "created_by"
    | "published_by"
    | "problems"
    | "validated_revision"
    | "move_mapping"
  > & {
    status: PolicyVersionRow["status"];
    document?: unknown;
    strategy_title?: string | null;
    strategy_period?: string | null;
  },
) {
  const strategy = strategyOf.safeParse(row.document).data?.strategy;
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

/** The publisher's engine actor when publishing moves the cases: the permission to publish covers every case. */
export function publishingActor(ctx: Omit<Actor, "ability">): Actor {
  return {
    ...ctx,
    ability: {
      ability: createMongoAbility<StewardAbility>([{ action: "manage", subject: "all" }]),
      ruleRoles: new Map(),
      impliedRules: new Set<object>(),
    },
  };
}

/** One open case moved to a new version: what the engine would decide (a dry run), or why it cannot move. */
export interface PlannedCaseMove {
  caseId: string;
  urn: number;
  school: string;
  category: { before: string | null; after: string | null; changed: boolean };
  stage: { before: string; after: string | null; changed: boolean };
  problems: string[];
  /** The case as loaded and the command's decision (absent when the case cannot move, or is already under the version). */
  target: { row: { id: string; last_seq: number }; state: CaseState; policy: LoadedPolicy; officer: string | null };
  command?: CaseCommand;
  decision?: CaseDecision;
}

/** A case as a move reads it: its row's keys, its state and the policy version it is under. */
export interface CaseToMove {
  row: { id: string; last_seq: number; policy_version_id: string; assigned_officer_id: string | null };
  state: CaseState;
  policy: LoadedPolicy;
  school: School | undefined;
  /** The school's indicator values under the new version, when read for many cases at once. */
  readings?: readonly IndicatorReading[] | undefined;
}

/**
 * What moving one open case to `next` does: the case is mapped (categories
 * and stages by `mapping`) and its `change-policy-version` command decided by
 * the engine under the new version, automatic transitions included. Changes
 * nothing. The impact report, publishing and a case moved after its publish
 * (at its next command) all plan a move here.
 */
export async function planCaseMove(
  actor: Actor,
  { row, state, policy: own, school, readings }: CaseToMove,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
): Promise<PlannedCaseMove> {
  const [mapped] = planPolicyMove([state], next.document, mapping ?? {});
  if (!mapped) throw new Error(`The policy move planned nothing for case ${row.id}.`);
  const plan: PlannedCaseMove = {
    caseId: row.id,
    urn: state.school.urn,
    school: state.school.name,
    category: { before: state.category?.key ?? null, after: state.category?.key ?? null, changed: false },
    stage: { before: state.stage, after: state.stage, changed: false },
    problems: [...mapped.problems],
    target: { row: { id: row.id, last_seq: row.last_seq }, state, policy: own, officer: row.assigned_officer_id },
  };
  if (plan.problems.length > 0) {
    plan.category = {
      before: plan.category.before,
      after: mapped.category.after ?? null,
      changed: mapped.category.changed,
    };
    plan.stage = { before: plan.stage.before, after: mapped.stage.after ?? null, changed: mapped.stage.changed };
  } else if (row.policy_version_id !== next.id && mapped.stage.after !== undefined) {
    // With no problems the stage always maps (an unmapped stage is a problem).
    const command: CaseCommand = {
      type: "change-policy-version",
      policyVersionId: next.id,
      category: mapped.category.after,
      stage: mapped.stage.after,
    };
    try {
      const decision = await decideOnCase(actor, plan.target, command, { school, policy: next, readings });
      plan.command = command;
      plan.decision = decision;
      const after = { category: decision.state.category?.key ?? null, stage: decision.state.stage };
      plan.category = {
        before: plan.category.before,
        after: after.category,
        changed: after.category !== plan.category.before,
      };
      plan.stage = { before: plan.stage.before, after: after.stage, changed: after.stage !== plan.stage.before };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      plan.problems.push(error.message);
    }
  }
  return plan;
}

/**
 * The ONE computation of what moving every open case to `next` does
 * (`planCaseMove` for each, schools and versions read once): the impact report
 * shows these outcomes and publishing writes these decisions. Changes nothing.
 */
async function planVersionMove(
  actor: Actor,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
): Promise<PlannedCaseMove[]> {
  const rows = await listCaseStates(actor.trx);
  const schools = new Map(
    (
      await findSchools(
        actor.trx,
        rows.map((r) => r.school_urn),
      )
    ).map((s) => [s.urn, s]),
  );
  // Read once for every case (a query per case was most of the impact's time).
  const readings = await loadIndicatorReadingsBySchool(
    actor.trx,
    next.document,
    rows.map((r) => r.school_urn),
  );
  const versions = new Map<string, LoadedPolicy | undefined>();
  const plans: PlannedCaseMove[] = [];
  for (const row of rows) {
    const state = readCaseState(row.state, row.id);
    if (!versions.has(row.policy_version_id))
      versions.set(row.policy_version_id, await loadPolicyVersion(actor.trx, actor.tenantId, row.policy_version_id));
    const own = versions.get(row.policy_version_id);
    if (!own) throw new Error(`Case ${row.id} refers to a policy version that is missing.`);
    plans.push(
      await planCaseMove(
        actor,
        { row, state, policy: own, school: schools.get(row.school_urn), readings: readings.get(row.school_urn) ?? [] },
        next,
        mapping,
      ),
    );
  }
  return plans;
}

/**
 * What publishing `next` would do: per open case, its category and stage
 * before and after (the engine's own decision, automatic transitions
 * included), and each officer's planned visits per half-term before and after.
 */
export async function getPolicyImpact(
  actor: Actor,
  next: LoadedPolicy,
  mapping: VersionMapping | undefined,
  plans?: PlannedCaseMove[],
) {
  const moves = plans ?? (await planVersionMove(actor, next, mapping));
  const today = toIsoDate(actor.now());
  const names = await getUserNames(
    actor.trx,
    moves.map((m) => m.target.officer ?? ""),
  );
  const officerOf = (id: string | null) => (id ? (names.get(id) ?? "Unknown officer") : "Unassigned");

  // Workload before: each case under its own version.
  const workloadBefore: Record<string, Record<string, number>> = {};
  const byVersion = new Map<string, { document: PolicyDocument; group: { state: CaseState; officer: string }[] }>();
  for (const m of moves) {
    const entry = byVersion.get(m.target.policy.id) ?? { document: m.target.policy.document, group: [] };
    entry.group.push({ state: m.target.state, officer: officerOf(m.target.officer) });
    byVersion.set(m.target.policy.id, entry);
  }
  for (const { document, group } of byVersion.values()) {
    for (const [officer, halves] of Object.entries(getVisitWorkload(group, document, today))) {
      for (const [half, count] of Object.entries(halves))
        (workloadBefore[officer] ??= {})[half] = (workloadBefore[officer]?.[half] ?? 0) + count;
    }
  }
  // After: each case as the engine leaves it, under the new version.
  const after = moves.map((m) => ({
    state: m.decision?.state ?? m.target.state,
    officer: officerOf(m.target.officer),
  }));
  const workloadAfter = getVisitWorkload(after, next.document, today);
  const keys = new Set<string>();
  for (const w of [workloadBefore, workloadAfter])
    for (const [officer, halves] of Object.entries(w))
      for (const half of Object.keys(halves)) keys.add(`${officer}\u0000${half}`);
  const workload = [...keys]
    .map((key) => {
      const [officer, halfTerm] = key.split("\u0000") as [string, string];
      return {
        officer,
        halfTerm,
        before: workloadBefore[officer]?.[halfTerm] ?? 0,
        after: workloadAfter[officer]?.[halfTerm] ?? 0,
      };
    })
    .sort((a, b) => a.officer.localeCompare(b.officer) || a.halfTerm.localeCompare(b.halfTerm));

  const cases = moves.map((m) => ({
    caseId: m.caseId,
    urn: m.urn,
    school: m.school,
    category: m.category,
    stage: m.stage,
    problems: m.problems,
  }));
  return {
    cases,
    changedCases: cases.filter((c) => c.category.changed || c.stage.changed).length,
    blockedCases: cases.filter((c) => c.problems.length > 0).length,
    workload,
  };
}
