// What every presenter asks of the case and the user, built once per view: the user's checks on records built
// by their subject's one builder (packages/domain/src/permissions/subjects.ts), the policy, and names for ids.
import { getUserNames, type TenantTransaction } from "@steward/db";
import {
  caseFactsOf,
  caseSubject,
  getPermittedFields,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type Facts,
  type IndicatorReading,
  type PermissionTarget,
  type PolicyAbility,
} from "@steward/domain";
import type { Action, PolicyDocument, SchoolAttributeRecord } from "@steward/policy-config";

const CASE_FIELDS = [
  "schoolUrn",
  "category",
  "stage",
  "assignedOfficerId",
  "assessments",
  "stageHistory",
  "status",
] as const;

/**
 * What a timeline reads of an event: the event without its bodies (a visit report's answers and notes, a
 * letter's HTML and notes, a meeting's minutes, an assessment's selections, a register entry's fields), as
 * `listCaseEventHeaders` reads it. A whole event is one too.
 */
export type CaseEventHeader = HeaderOf<CaseEvent>;
type HeaderOf<E extends CaseEvent> = E extends { type: "visit-recorded" }
  ? Omit<E, "data" | "agendaNotes">
  : E extends { type: "letter-issued" } | { type: "register-entry-logged" }
    ? Omit<E, "html" | "fields">
    : E extends { type: "letter-drafted" }
      ? Omit<E, "letter"> & { letter: Omit<E["letter"], "html" | "notes"> }
      : E extends { type: "meeting-recorded" }
        ? Omit<E, "meeting"> & { meeting: Omit<E["meeting"], "minutes"> }
        : E extends { type: "assessment-recorded" }
          ? Omit<E, "assessment"> & {
              assessment: Omit<E["assessment"], "selections" | "dimensions" | "explanation">;
            }
          : E;

/** Who is looking, and from when. */
export interface PresentOptions {
  audience: "la" | "school";
  /** The school's attributes from the register, which every record of the case is checked with. */
  schoolAttributes: SchoolAttributeRecord;
  today: string;
  events?: readonly CaseEventHeader[];
  schoolData?: Facts;
  /** The school's indicator values, for the suggested transitions (see stage.ts). */
  indicatorReadings?: readonly IndicatorReading[];
  user?: { id: string; grants: readonly { role: string }[] };
}

export interface ViewContext {
  state: CaseState;
  policy: PolicyDocument;
  options: PresentOptions;
  facts: CaseFacts;
  la: boolean;
  /** The case fields the rules' field lists let the user read. */
  fields: ReadonlySet<string>;
  may: (action: Action, target: PermissionTarget, field?: string) => boolean;
  canRead: (target: PermissionTarget, field?: string) => boolean;
  /** Whether the user may read a category (or stage) on this case: the field rules, and what the policy keeps from their side. */
  mayReadCategory: (key: string | undefined) => boolean;
  mayReadStage: (key: string) => boolean;
  /** Whether the user may `action` some record of a kind on this case (the procedures check the exact one). */
  mayOnSome: <T>(items: readonly T[], build: (item: T) => PermissionTarget, action: Action) => boolean;
  categoryVisible: boolean;
  holds: (roles: readonly string[]) => boolean;
  nameOf: (id: string | undefined) => string;
}

/** A key with its label from the policy's list, or the key itself when the policy no longer has it. */
export const label = (items: readonly { key: string; label: string }[], key: string | undefined) => ({
  key: key ?? "",
  label: items.find((i) => i.key === key)?.label ?? key ?? "",
});

/** The user ids the view names, looked up in one query; anything not a user id (a system actor) is "Steward". */
async function loadNames(trx: TenantTransaction, state: CaseState, events: readonly CaseEventHeader[]) {
  const names = await getUserNames(
    trx,
    [
      state.assignedOfficerId ?? "",
      ...state.assessments.map((x) => x.recordedBy),
      ...state.stageHistory.map((s) => s.by),
      ...state.visits.flatMap((v) => (v.report ? [v.report.recordedBy] : [])),
      ...state.letters.flatMap((l) => [l.draftedBy, l.approvedBy ?? "", l.acknowledgedBy ?? ""]),
      ...state.registerEntries.flatMap((e) => [e.loggedBy, e.closedBy ?? ""]),
      ...state.tasks.map((t) => t.closedBy ?? ""),
      ...events.map((e) => e.actorId),
    ].filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
  );
  return (id: string | undefined) => (id ? (names.get(id) ?? "Steward") : "");
}

export async function buildViewContext(
  trx: TenantTransaction,
  state: CaseState,
  policy: PolicyDocument,
  ability: PolicyAbility,
  options: PresentOptions,
): Promise<ViewContext> {
  const facts = caseFactsOf(state, options.schoolAttributes);
  const may = (action: Action, target: PermissionTarget, field?: string) => ability.ability.can(action, target, field);
  const canRead = (target: PermissionTarget, field?: string) => may("read", target, field);
  const mayReadCategory = (key: string | undefined) =>
    canRead(caseSubject({ ...facts, category: key ?? null }), "category");
  return {
    state,
    policy,
    options,
    facts,
    la: options.audience === "la",
    fields: new Set(getPermittedFields(ability, "read", caseSubject(facts), CASE_FIELDS)),
    may,
    canRead,
    mayReadCategory,
    mayReadStage: (key) => canRead(caseSubject({ ...facts, stage: key }), "stage"),
    mayOnSome: (items, build, action) => items.some((item) => may(action, build(item))),
    categoryVisible: Boolean(state.category) && mayReadCategory(state.category?.key),
    holds: (roles) => Boolean(options.user?.grants.some((g) => roles.includes(g.role))),
    nameOf: await loadNames(trx, state, options.events ?? []),
  };
}
