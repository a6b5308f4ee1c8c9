/**
 * A case's open work, for the inbox: what someone has to do on it now, for
 * whom and by when, worked out from the case's state and its policy alone.
 * The API stores the list as a projection (the `tasks` table), rewritten
 * whenever the case is written and by the daily check, so "my work" is one
 * indexed read. Who an item is for comes from the policy (a follow-up's roles,
 * a letter type's approvers, the moderators, the school roles that may
 * acknowledge a letter or submit a form) or from the case (its assigned
 * officer, the officer who recorded a report): never from a key in code.
 */
import type { Action, PolicyDocument, Role, Subject, Transition } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { formatLetterDate } from "./letters.ts";
import type { CaseState, LetterRecord, TaskRecord } from "./state.ts";
import { getVisitPlan } from "./visit-plan.ts";

/** What kind of work an item is. */
export type WorkItemKind =
  | "follow-up"
  | "visit-due"
  | "letter-approval"
  | "letter-issue"
  | "category-moderation"
  | "report-publication"
  | "letter-acknowledgement"
  | "letter-response"
  | "suggested-move";

/** The record on the case where the work is done (the apps turn it into a link). */
export interface WorkItemRecord {
  kind: "task" | "visit" | "letter" | "assessment" | "case";
  /** The record's id (a visit plan's slot has none: the visits page). */
  id?: string;
}

/** One piece of open work on a case. */
export interface WorkItem {
  /** Stable across re-projection: the same work keeps its key (for an idempotent upsert). */
  key: string;
  kind: WorkItemKind;
  /** In words, for the inbox: "Approve the Warning Notice". */
  label: string;
  /** Who it is for: a user (the assigned officer, a report's author) ... */
  assigneeUserId?: string;
  /** ... or whoever holds one of these roles (a school role: at the case's school). */
  assigneeRoles: string[];
  audience: "la" | "school";
  due?: IsoDate;
  record: WorkItemRecord;
}

const rulesMatch = (value: string | readonly string[], wanted: string, wildcard: string) =>
  (typeof value === "string" ? [value] : value).some((v) => v === wanted || v === wildcard);

/**
 * The policy's roles of an audience with a (not inverted) rule allowing the action on the subject, whatever its
 * conditions: who the work is for. Whether they may read the case is checked when the inbox is read.
 */
export function rolesAllowedTo(
  policy: PolicyDocument,
  audience: Role["audience"],
  action: Action,
  subject: Subject,
): string[] {
  return policy.roles
    .filter(
      (role) =>
        role.audience === audience &&
        role.rules.some(
          (rule) =>
            rule.inverted !== true &&
            rulesMatch(rule.action, action, "manage") &&
            rulesMatch(rule.subject, subject, "all"),
        ),
    )
    .map((role) => role.key);
}

/** Work for the case's officer, or, while the case has none, for those who may assign it one. */
function forOfficer(state: CaseState, policy: PolicyDocument): Pick<WorkItem, "assigneeUserId" | "assigneeRoles"> {
  return state.assignedOfficerId
    ? { assigneeUserId: state.assignedOfficerId, assigneeRoles: [] }
    : { assigneeRoles: rolesAllowedTo(policy, "la", "assign", "Case") };
}

function followUpItem(state: CaseState, policy: PolicyDocument, task: TaskRecord): WorkItem {
  return {
    key: `follow-up:${task.id}`,
    kind: "follow-up",
    label: task.label,
    ...(task.roles?.length ? { assigneeRoles: [...task.roles] } : forOfficer(state, policy)),
    audience: "la",
    ...(task.due ? { due: task.due } : {}),
    record: { kind: "task", id: task.id },
  };
}

function visitItems(state: CaseState, policy: PolicyDocument, today: IsoDate): WorkItem[] {
  return getVisitPlan(state, policy, today)
    .filter((slot) => slot.status === "due" || slot.status === "overdue")
    .map((slot) => ({
      key: `visit-due:${slot.visitType}:${slot.dueBy}`,
      kind: "visit-due",
      label: `Visit the school: ${policy.visitTypes.find((t) => t.key === slot.visitType)?.label ?? slot.visitType}`,
      ...forOfficer(state, policy),
      audience: "la",
      due: slot.dueBy,
      record: { kind: "visit" },
    }));
}

/** The LA's work on a letter: approving a draft that needs it, issuing one ready to go. */
function letterLaItem(policy: PolicyDocument, letter: LetterRecord): WorkItem | undefined {
  const type = policy.letterTypes.find((t) => t.key === letter.letterType);
  if (!type) return undefined;
  const record = { kind: "letter", id: letter.id } as const;
  if (letter.status === "draft" && type.approvalRequired)
    return {
      key: `letter-approval:${letter.id}`,
      kind: "letter-approval",
      label: `Approve the ${type.label}: ${letter.subject}`,
      assigneeRoles: [...type.permissions.approve],
      audience: "la",
      record,
    };
  if (letter.status === "approved" || (letter.status === "draft" && !type.approvalRequired))
    return {
      key: `letter-issue:${letter.id}`,
      kind: "letter-issue",
      label: `Issue the ${type.label}: ${letter.subject}`,
      assigneeRoles: [...type.permissions.issue],
      audience: "la",
      record,
    };
  return undefined;
}

/** What the school owes on a letter: its acknowledgement, and the form the letter asks for. */
function letterSchoolItems(policy: PolicyDocument, letter: LetterRecord): WorkItem[] {
  const type = policy.letterTypes.find((t) => t.key === letter.letterType);
  if (!type || (letter.status !== "issued" && letter.status !== "acknowledged")) return [];
  const items: WorkItem[] = [];
  if (letter.status === "issued" && type.acknowledgementRequired)
    items.push({
      key: `letter-acknowledgement:${letter.id}`,
      kind: "letter-acknowledgement",
      label: `Acknowledge the ${type.label}: ${letter.subject}`,
      assigneeRoles: rolesAllowedTo(policy, "school", "acknowledge", "Letter"),
      audience: "school",
      ...(letter.deadline ? { due: letter.deadline } : {}),
      record: { kind: "letter", id: letter.id },
    });
  if (letter.response?.status === "awaited")
    items.push({
      key: `letter-response:${letter.id}`,
      kind: "letter-response",
      label: `Submit the ${letter.response.label} the ${type.label} asks for`,
      assigneeRoles: rolesAllowedTo(policy, "school", "submit", "FormResponse"),
      audience: "school",
      due: letter.response.due,
      record: { kind: "letter", id: letter.id },
    });
  return items;
}

function moderationItem(state: CaseState, policy: PolicyDocument): WorkItem | undefined {
  const decision = state.category;
  if (decision?.moderation !== "pending") return undefined;
  const roles = policy.assessment.moderation.roles ?? rolesAllowedTo(policy, "la", "moderate", "Case");
  const category = policy.categories.find((c) => c.key === decision.key)?.label ?? decision.key;
  return {
    key: `category-moderation:${decision.decidedAt}`,
    kind: "category-moderation",
    label: `Moderate the category decision: ${category}`,
    // The officer who decided may not moderate their own decision: the engine refuses it, so it is not their work.
    assigneeRoles: [...roles],
    audience: "la",
    record: { kind: "assessment", ...(decision.assessmentId ? { id: decision.assessmentId } : {}) },
  };
}

function reportItems(state: CaseState, policy: PolicyDocument): WorkItem[] {
  return state.visits.flatMap((visit): WorkItem[] => {
    const type = policy.visitTypes.find((t) => t.key === visit.visitType);
    if (!visit.report || visit.report.published || type?.reportVisibility !== "on-publish") return [];
    return [
      {
        key: `report-publication:${visit.id}`,
        kind: "report-publication",
        label: `Publish the report of the ${type.label} on ${formatLetterDate(visit.date)} to the school`,
        assigneeUserId: visit.report.recordedBy,
        assigneeRoles: [],
        audience: "la",
        record: { kind: "visit", id: visit.id },
      },
    ];
  });
}

/** A move the policy suggests (never makes) whose rules hold today, as it leads from the case's stage. */
export type SuggestedMove = Pick<Transition, "key" | "label" | "to">;

/**
 * The policy's suggested moves that hold today, for the case's officer to consider on the case's overview
 * (where the move is offered): the item leaves the list when the case moves or the rule stops holding.
 */
function suggestionItems(state: CaseState, policy: PolicyDocument, suggestions: readonly SuggestedMove[]): WorkItem[] {
  return suggestions.map((t) => {
    const to = policy.escalation.stages.find((stage) => stage.key === t.to)?.label ?? t.to;
    return {
      key: `suggested-move:${state.stage}:${t.key}`,
      kind: "suggested-move",
      label: `Consider the move to ${to}: ${t.label}`,
      ...forOfficer(state, policy),
      audience: "la",
      record: { kind: "case" },
    };
  });
}

/**
 * Every piece of open work on a case on a day, in a stable order: the open
 * follow-up tasks, the visits its category's plan has due or overdue, letters
 * waiting for approval or to be issued, a category decision waiting for
 * moderation, recorded reports not yet published to the school, and what the
 * school owes (acknowledging a letter, the form a letter asks for), and the
 * suggested moves whose rules hold today (worked out by the caller with the
 * school's data: `getSuggestedTransitions`). A closed
 * case has none. Done work leaves the list: the state that did it no longer
 * yields it.
 */
export function workItemsOf(
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  suggestions: readonly SuggestedMove[] = [],
): WorkItem[] {
  if (state.status !== "open") return [];
  const moderation = moderationItem(state, policy);
  return [
    ...state.tasks.filter((t) => t.status === "open").map((t) => followUpItem(state, policy, t)),
    ...visitItems(state, policy, today),
    ...state.letters.flatMap((l) => {
      const item = letterLaItem(policy, l);
      return item ? [item] : [];
    }),
    ...(moderation ? [moderation] : []),
    ...reportItems(state, policy),
    ...state.letters.flatMap((l) => letterSchoolItems(policy, l)),
    ...suggestionItems(state, policy, suggestions),
  ];
}
