/**
 * Which of the policy's notification rules a case's new events set off, for whom, and with what merge fields.
 * Pure: the API finds the users, renders each message for its recipient and writes them beside the events.
 */
import type { NotificationRule, PolicyDocument } from "@steward/policy-config";

import type { CaseEvent } from "./events.ts";
import { formatLetterDate } from "./letters.ts";
import type { CaseState } from "./state.ts";

/** What a notification's templates merge (`NOTIFICATION_MERGE_FIELDS`), but the recipient. */
export interface NotificationContext {
  authority: { name: string };
  school: { name: string; urn: number; trust?: string };
  case: { category: string; stage: string };
  officer: { name: string };
  event: { date: string; by: string; reason?: string };
  letter?: { type: string };
  visit?: { type: string; date: string };
  followUp?: { label: string; due?: string };
}

/** One rule set off by one event: who it goes to and what it merges. */
export interface PlannedNotification {
  rule: NotificationRule;
  /** The event's position in the list given (its sequence number is the first one's plus this). */
  eventIndex: number;
  /** What tells two messages of one rule and event apart (the follow-up, for tasks-started), or "". */
  part: string;
  laRoles: string[];
  schoolRoles: string[];
  /** Users the case names (its assigned officer). */
  userIds: string[];
  context: NotificationContext;
}

/** What the templates need of people: names by user id (unknown ids read "Steward" for the system, or ""). */
export type NameOf = (userId: string | undefined) => string;

interface Match {
  part: string;
  letter?: NotificationContext["letter"];
  visit?: NotificationContext["visit"];
  followUp?: NotificationContext["followUp"];
  reason?: string;
}

/** The ways an event matches a rule (none, one, or one per follow-up for tasks-started). */
function matches(rule: NotificationRule, event: CaseEvent, policy: PolicyDocument, state: CaseState): Match[] {
  if (rule.event !== event.type) return [];
  const letterLabel = (key: string) => policy.letterTypes.find((l) => l.key === key)?.label ?? key;
  const visitLabel = (key: string) => policy.visitTypes.find((v) => v.key === key)?.label ?? key;
  switch (event.type) {
    case "case-opened":
      return rule.stage === undefined || rule.stage === event.stage ? [{ part: "" }] : [];
    case "stage-changed":
      return rule.stage === undefined || rule.stage === event.stage
        ? [{ part: "", ...(event.reason ? { reason: event.reason } : {}) }]
        : [];
    case "category-decided":
      return rule.category === undefined || rule.category === event.category
        ? [{ part: "", ...(event.rationale ? { reason: event.rationale } : {}) }]
        : [];
    case "visit-scheduled":
      return rule.visitType === undefined || rule.visitType === event.visitType
        ? [{ part: "", visit: { type: visitLabel(event.visitType), date: formatLetterDate(event.date) } }]
        : [];
    case "visit-report-published": {
      const visit = state.visits.find((v) => v.id === event.visitId);
      if (!visit || (rule.visitType !== undefined && rule.visitType !== visit.visitType)) return [];
      return [{ part: "", visit: { type: visitLabel(visit.visitType), date: formatLetterDate(visit.date) } }];
    }
    case "letter-drafted":
    case "letter-approved":
    case "letter-issued": {
      const id = event.type === "letter-drafted" ? event.letter.id : event.letterId;
      const letterType = state.letters.find((l) => l.id === id)?.letterType;
      if (!letterType || (rule.letterType !== undefined && rule.letterType !== letterType)) return [];
      return [{ part: "", letter: { type: letterLabel(letterType) } }];
    }
    case "tasks-started":
      if (rule.stage !== undefined && rule.stage !== event.stage) return [];
      return event.tasks
        .filter((t) => rule.followUp === undefined || rule.followUp === t.followUp)
        .map((t) => ({
          part: t.followUp,
          followUp: { label: t.label, ...(t.due ? { due: formatLetterDate(t.due) } : {}) },
        }));
    case "case-closed":
      return [{ part: "", reason: event.reason }];
    case "officer-assigned":
    case "meeting-recorded":
      return [{ part: "" }];
    default:
      return [];
  }
}

/**
 * The notifications `events` (just decided, in order) set off under `policy`, with the case as it stands after
 * them. Recipients are the rules' roles, split into LA roles (everyone holding one) and school roles (the case's
 * school's staff holding one), and the case's people.
 */
export function planNotifications(
  policy: PolicyDocument,
  state: CaseState,
  events: readonly CaseEvent[],
  nameOf: NameOf,
): PlannedNotification[] {
  const rules = policy.notifications ?? [];
  if (rules.length === 0) return [];
  const audience = new Map(policy.roles.map((r) => [r.key, r.audience]));
  const category = policy.categories.find((c) => c.key === state.category?.key)?.label ?? "Not yet categorised";
  const stage = policy.escalation.stages.find((s) => s.key === state.stage)?.label ?? state.stage;
  const base = {
    authority: { name: policy.authority.name },
    school: {
      name: state.school.name,
      urn: state.school.urn,
      ...(state.school.trust ? { trust: state.school.trust } : {}),
    },
    case: { category, stage },
    officer: { name: nameOf(state.assignedOfficerId) },
  };
  return events.flatMap((event, eventIndex) =>
    rules.flatMap((rule) =>
      matches(rule, event, policy, state).map((match): PlannedNotification => {
        const roles = rule.recipients.flatMap((r) => (r.role ? [r.role] : []));
        const people = rule.recipients.flatMap((r) =>
          r.person === "assignedOfficer" && state.assignedOfficerId ? [state.assignedOfficerId] : [],
        );
        const { part, reason, ...about } = match;
        return {
          rule,
          eventIndex,
          part,
          laRoles: roles.filter((r) => audience.get(r) === "la"),
          schoolRoles: roles.filter((r) => audience.get(r) === "school"),
          userIds: people,
          context: {
            ...base,
            event: {
              date: formatLetterDate(event.at.slice(0, 10)),
              by: nameOf(event.actorId),
              ...(reason ? { reason } : {}),
            },
            ...about,
          },
        };
      }),
    ),
  );
}
