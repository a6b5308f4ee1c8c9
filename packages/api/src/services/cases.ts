import { randomUUID } from "node:crypto";

import {
  appendAudit,
  appendCaseEvents,
  findCase,
  findSchool,
  insertCase,
  listCaseEvents,
  saveRegisterEntries,
  type CaseEventRow,
  type CaseProjection,
  type CaseRow,
  type School,
  type TenantTransaction,
} from "@steward/db";
import {
  COMMAND_PERMISSIONS,
  decide,
  DomainError,
  evolve,
  fold,
  summariseCase,
  toIsoDate,
  type CaseCommand,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type DecideContext,
  type Facts,
  type IndicatorReading,
  type PolicyAbility,
  type RoleGrant,
  type SchoolProfile,
} from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

import { ApiError, notFound } from "../errors.ts";
import { caseFactsOfRow, mayActOnSchool, mayReadCase, schoolAttributesOf } from "./access.ts";
import { readCaseState, storedState } from "./case-state.ts";
import type { CaseEventHeader } from "./case-view/context.ts";
import { loadIndicatorReadings } from "./indicators/readings.ts";
import { sanitiseLetterEvents } from "./letter-html.ts";
import { enqueueCaseNotifications } from "./notifications/enqueue.ts";
import { loadPolicyVersion, type LoadedPolicy } from "./policies.ts";
import { catchUpPolicyMove } from "./policy-moves.ts";
import { changedRegisterEntries } from "./register-entries.ts";
import { refreshCaseTasks, suggestsMoves } from "./tasks.ts";

/** Who is acting, in which tenant, under which rules: what every case command needs. */
export interface Actor {
  trx: TenantTransaction;
  tenantId: string;
  user: { id: string; displayName: string; grants: RoleGrant[] };
  ability: PolicyAbility;
  /** The tenant's published policy (new cases open under it). */
  policy: LoadedPolicy;
  now: () => Date;
  /** Loading past events (the demo's back-dated history): written as any others, but nobody is told of them. */
  history?: boolean;
}

/** A school as the engine sees it. */
export function toSchoolProfile(school: School): SchoolProfile {
  return {
    urn: school.urn,
    name: school.name,
    ...(school.phase ? { phase: school.phase } : {}),
    governance: school.governance,
    ...(school.trust ? { trust: school.trust } : {}),
  };
}

/**
 * The school's own data (Ofsted, attendance, ...) that triggers and rules read, as stored with the school,
 * and its attributes from the register and GIAS (`school.district`, `school.diocese`, ...; null when not known).
 */
export function getSchoolFacts(school: School | undefined): Facts {
  const data = school?.data ?? {};
  const facts = (data.facts ?? {}) as Facts;
  if (!school) return facts;
  // The same reading of the school's attributes as its permission checks and the SQL filters (one reader).
  const { district, diocese, religiousCharacter, trust } = schoolAttributesOf(school);
  return {
    ...facts,
    school: {
      ...(typeof facts.school === "object" ? facts.school : {}),
      district,
      diocese,
      religiousCharacter,
      trust,
    },
  };
}

function eventFromRow(row: CaseEventRow): CaseEvent {
  return {
    ...row.payload,
    type: row.type,
    actorId: row.actor_id ?? "system",
    at: row.occurred_at.toISOString(),
    policyVersionId: row.policy_version_id ?? "",
  } as CaseEvent;
}

/** An event as a timeline reads it (`listCaseEventHeaders`: the payload without its bodies). */
export function eventHeaderFromRow(row: CaseEventRow): CaseEventHeader {
  return eventFromRow(row);
}

/**
 * The id of Steward itself as an actor (the daily check): stored as no user (a
 * null actor), read back as "system", named "Steward" in a timeline.
 */
export const SYSTEM_ACTOR_ID = "system";

/** An actor id as stored: a user's id, or null for Steward itself. */
function storedActorId(id: string): string | null {
  return id === SYSTEM_ACTOR_ID ? null : id;
}

function eventToValues(event: CaseEvent) {
  const { type, actorId, at, policyVersionId, ...payload } = event;
  return { type, payload, actorId: storedActorId(actorId), policyVersionId, occurredAt: at };
}

function project(state: CaseState, policy: LoadedPolicy, today: string): CaseProjection {
  const summary = summariseCase(state, policy.document, today);
  return {
    schoolUrn: state.school.urn,
    policyVersionId: state.policyVersionId,
    status: state.status,
    category: state.category?.key ?? null,
    stage: state.stage,
    assignedOfficerId: state.assignedOfficerId ?? null,
    state: storedState(state),
    ...summary,
  };
}

/** A case row and its state (the projection kept beside its events). */
export interface LoadedCase {
  row: CaseRow;
  state: CaseState;
  policy: LoadedPolicy;
  /** The case's school in the register as it is now (undefined only if it has left the register). */
  school: School | undefined;
  /** What permission checks need of the case: the row's facts and the school's attributes. */
  facts: CaseFacts;
}

/**
 * Loads a case. `forWrite` locks its row until the transaction ends: commands on one case then run one after
 * the other, each deciding on the state the one before wrote, instead of all but one failing "stale".
 */
export async function loadCase(
  actor: Pick<Actor, "trx" | "tenantId">,
  caseId: string,
  options: { forWrite?: boolean } = {},
): Promise<LoadedCase> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) throw notFound("That case");
  const row = await findCase(actor.trx, caseId, { lock: options.forWrite ?? false });
  if (!row) throw notFound("That case");
  const policy = await loadPolicyVersion(actor.trx, actor.tenantId, row.policy_version_id);
  if (!policy) throw new Error(`Case ${caseId} refers to a policy version that is missing.`);
  const school = await findSchool(actor.trx, row.school_urn);
  const facts = caseFactsOfRow(row, schoolAttributesOf(school));
  return { row, state: readCaseState(row.state, row.id), policy, school, facts };
}

/** A case's state on a past date: its events up to then, folded. */
export async function loadCaseAt(actor: Pick<Actor, "trx" | "tenantId">, caseId: string, instant: Date) {
  const { row } = await loadCase(actor, caseId);
  const events = (await listCaseEvents(actor.trx, row.id, instant)).map(eventFromRow);
  const state = fold(events);
  const policy = state ? await loadPolicyVersion(actor.trx, actor.tenantId, state.policyVersionId) : undefined;
  return { state, policy, events };
}

function describe(command: CaseCommand): Record<string, unknown> {
  const { type, ...rest } = command;
  // The audit log says what was asked, not every word of a report.
  const detail: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === "string" && value.length > 200) detail[key] = `${value.slice(0, 200)}…`;
    else if (key === "data") detail[key] = "(form answers)";
    // A register entry's fields may be confidential to the register's readers: the audit log names the register.
    else if (key === "fields") detail[key] = "(entry fields)";
    else detail[key] = value;
  }
  return { command: type, ...detail };
}

/**
 * What the engine reads of a case's school beside the case: the school's
 * attributes its permission checks read, its own data (`school.*`, `ofsted.*`)
 * and every stored value of the policy's indicators for it. `school`, when the
 * caller has it, saves reading it again.
 */
export async function loadSchoolContext(
  trx: TenantTransaction,
  policy: PolicyDocument,
  urn: number,
  school?: School,
  readings?: readonly IndicatorReading[],
): Promise<Pick<DecideContext, "schoolAttributes" | "schoolData" | "indicatorReadings">> {
  const row = school ?? (await findSchool(trx, urn));
  return {
    schoolAttributes: schoolAttributesOf(row),
    schoolData: getSchoolFacts(row),
    indicatorReadings: readings ?? (await loadIndicatorReadings(trx, policy, urn)),
  };
}

/** What a command would do to a case: its events, the state after them and the policy version the case is then under. */
export interface CaseDecision {
  events: CaseEvent[];
  state: CaseState;
  policy: LoadedPolicy;
}

/**
 * Decides a command on a loaded case and changes nothing (a dry run): the
 * engine's events, automatic transitions included. `policy` is the version to
 * decide under when the command moves the case to another version (a draft
 * being published); otherwise the case's own.
 */
export async function decideOnCase(
  actor: Actor,
  loaded: Pick<LoadedCase, "state" | "policy">,
  command: CaseCommand,
  options: {
    school?: School | undefined;
    policy?: LoadedPolicy | undefined;
    /** The school's indicator values under the policy decided with, when the caller read them for many cases. */
    readings?: readonly IndicatorReading[] | undefined;
  } = {},
): Promise<CaseDecision> {
  // Moving a case to another policy version decides under the new version.
  const policy =
    command.type === "change-policy-version"
      ? options.policy?.id === command.policyVersionId
        ? options.policy
        : await loadPolicyVersion(actor.trx, actor.tenantId, command.policyVersionId)
      : loaded.policy;
  if (!policy) throw new DomainError("not-found", "That policy version was not found.", "/policyVersionId");
  const decision = decide(loaded.state, command, {
    policy: policy.document,
    policyVersionId: policy.id,
    actor: { id: actor.user.id, grants: actor.user.grants, ability: actor.ability },
    now: actor.now(),
    newId: randomUUID,
    ...(await loadSchoolContext(actor.trx, policy.document, loaded.state.school.urn, options.school, options.readings)),
  });
  if (!decision.ok) throw decision.error;
  // Letter HTML is sanitised here, before it is stored or shown: every command (and every publish's move) passes this way.
  const events = sanitiseLetterEvents(decision.events);
  const state = events.reduce<CaseState>((s, e) => evolve(s, e), loaded.state);
  return { events, state, policy: state.policyVersionId === policy.id ? policy : loaded.policy };
}

/** What the audit log says of a write to a case: the action and its detail (the events' types are added). */
export interface CaseAuditEntry {
  action: string;
  detail: Record<string, unknown>;
}

/**
 * Writes decided events to a case: the events and the new state and dashboard
 * projection together (guarded by the case's last sequence number), the
 * register entries they changed, the case's open work (the inbox), and the
 * audit log. The one write path of commands and the daily check.
 */
export async function saveCaseEvents(
  actor: Pick<Actor, "trx" | "tenantId" | "user" | "now" | "history">,
  loaded: { row: Pick<CaseRow, "id" | "last_seq"> },
  decision: CaseDecision,
  audit: CaseAuditEntry,
) {
  const saved = await appendCaseEvents(
    actor.trx,
    actor.tenantId,
    loaded.row.id,
    loaded.row.last_seq,
    decision.events.map(eventToValues),
    project(decision.state, decision.policy, toIsoDate(actor.now())),
  );
  if (!saved)
    throw new ApiError("stale", "Someone else changed this case at the same moment: reload it and try again.");
  await saveRegisterEntries(
    actor.trx,
    actor.tenantId,
    loaded.row.id,
    decision.state.school.urn,
    changedRegisterEntries(decision.events, decision.state),
  );
  // Suggested moves are read against the school's data, only when the policy suggests any.
  const schoolData = suggestsMoves(decision.policy.document)
    ? await loadSchoolContext(actor.trx, decision.policy.document, decision.state.school.urn)
    : undefined;
  await refreshCaseTasks(
    actor.trx,
    actor.tenantId,
    loaded.row.id,
    decision.state,
    decision.policy.document,
    toIsoDate(actor.now()),
    schoolData,
  );
  // The transactional outbox: the messages the policy's rules make of these events commit or roll back with them.
  if (!actor.history)
    await enqueueCaseNotifications(actor.trx, actor.tenantId, {
      policy: decision.policy.document,
      caseId: loaded.row.id,
      state: decision.state,
      events: decision.events,
      firstSeq: loaded.row.last_seq + 1,
      now: actor.now(),
    });
  await appendAudit(actor.trx, actor.tenantId, {
    actorId: storedActorId(actor.user.id),
    actorLabel: actor.user.displayName,
    action: audit.action,
    subjectType: "Case",
    subjectId: loaded.row.id,
    detail: { ...audit.detail, events: decision.events.map((e) => e.type) },
  });
  return decision;
}

/** Writes a command's decision (see `saveCaseEvents`), audited as the command. */
export async function commitDecision(
  actor: Actor,
  loaded: { row: Pick<CaseRow, "id" | "last_seq"> },
  command: CaseCommand,
  decision: CaseDecision,
) {
  return saveCaseEvents(actor, loaded, decision, { action: command.type, detail: describe(command) });
}

/**
 * Runs a command on a case, as the engine decides: loads the case (under its
 * own policy version), decides, appends the events and saves the new state and
 * dashboard projection together, and writes the audit log. A refusal writes
 * nothing. `expectedVersion`, when given, refuses an edit made against an
 * older view of the case.
 */
export async function runCaseCommand(
  actor: Actor,
  caseId: string,
  command: CaseCommand,
  options: { expectedVersion?: number | undefined } = {},
) {
  const loaded = await loadCase(actor, caseId, { forWrite: true });
  // A case the user may neither see nor act on is "not found", exactly like one
  // that does not exist. (Some roles act on a school's visits without reading its case.)
  const permission = COMMAND_PERMISSIONS[command.type];
  if (
    !mayReadCase(actor.ability, loaded.facts) &&
    !mayActOnSchool(actor.ability, permission.action, permission.subject, {
      urn: loaded.row.school_urn,
      attributes: loaded.facts.school,
    })
  )
    throw notFound("That case");
  if (options.expectedVersion !== undefined && loaded.state.version !== options.expectedVersion) {
    throw new ApiError("stale", "Someone else changed this case since you opened it: reload it and try again.");
  }
  // A case a publish has not reached yet moves to the version in force first (see policy-moves.ts).
  const current = await catchUpPolicyMove(actor, loaded);
  return commitDecision(actor, current, command, await decideOnCase(actor, current, command));
}

/** Opens a case for a school in the register, under the policy in force. */
export async function openCase(actor: Actor, urn: number) {
  const school = await findSchool(actor.trx, urn);
  if (!school) throw new DomainError("not-found", `There is no school with URN ${urn} in the register.`, "/urn");
  if (school.status === "closed")
    throw new DomainError("conflict", `${school.name} is closed: open its successor's case instead.`, "/urn");
  const schoolData = await loadSchoolContext(actor.trx, actor.policy.document, school.urn, school);
  const decision = decide(
    undefined,
    { type: "open-case", school: toSchoolProfile(school) },
    {
      policy: actor.policy.document,
      policyVersionId: actor.policy.id,
      actor: { id: actor.user.id, grants: actor.user.grants, ability: actor.ability },
      now: actor.now(),
      newId: randomUUID,
      ...schoolData,
    },
  );
  if (!decision.ok) throw decision.error;
  const state = fold(decision.events);
  if (!state) throw new Error("Opening a case decided no events: the engine must open it with case-opened.");
  const row = await insertCase(
    actor.trx,
    actor.tenantId,
    state.id,
    project(state, actor.policy, toIsoDate(actor.now())),
    decision.events.map(eventToValues),
  );
  await refreshCaseTasks(
    actor.trx,
    actor.tenantId,
    row.id,
    state,
    actor.policy.document,
    toIsoDate(actor.now()),
    schoolData,
  );
  if (!actor.history)
    await enqueueCaseNotifications(actor.trx, actor.tenantId, {
      policy: actor.policy.document,
      caseId: row.id,
      state,
      events: decision.events,
      firstSeq: 1,
      now: actor.now(),
    });
  await appendAudit(actor.trx, actor.tenantId, {
    actorId: actor.user.id,
    actorLabel: actor.user.displayName,
    action: "open-case",
    subjectType: "Case",
    subjectId: row.id,
    detail: { urn },
  });
  return { row, state };
}
