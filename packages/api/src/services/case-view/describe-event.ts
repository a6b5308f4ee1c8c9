// One line of the timeline per event, or nothing when the user may not see what the event is about: each line
// is checked on the record it names (the meeting of that type, the visit of that type, the letter as it now
// stands), exactly as the record itself is. A table keyed by event type, so a new event type without a
// description does not compile.
import {
  actionSubject,
  assessmentSubject,
  formatLetterDate as inWords,
  letterSubject,
  meetingSubject,
  registerEntrySubject,
  visitReportSubject,
  visitSubject,
  type CaseEvent,
} from "@steward/domain";

import type { CaseEventHeader, ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

type Describer<T extends CaseEvent["type"]> = (
  event: Extract<CaseEventHeader, { type: T }>,
  view: EventView,
) => string | undefined;

/** The view, with the lookups several describers share. */
interface EventView extends ViewContext {
  visitLabel: (id: string) => string;
  visitVisible: (id: string) => boolean;
  letterLabel: (id: string) => string;
  letterVisible: (id: string) => boolean;
  categoryLabel: (key: string) => string;
  mayReadActions: () => boolean;
}

function eventView(view: ViewContext): EventView {
  const { state, policy, facts, canRead } = view;
  const visitOf = (id: string) => state.visits.find((v) => v.id === id);
  const letterOf = (id: string) => state.letters.find((l) => l.id === id);
  return {
    ...view,
    visitLabel: (id) => policy.visitTypes.find((t) => t.key === visitOf(id)?.visitType)?.label ?? "Visit",
    visitVisible: (id) => {
      const visit = visitOf(id);
      return visit !== undefined && canRead(visitSubject(facts, visit));
    },
    letterLabel: (id) => policy.letterTypes.find((t) => t.key === letterOf(id)?.letterType)?.label ?? "Letter",
    letterVisible: (id) => {
      const letter = letterOf(id);
      return letter !== undefined && canRead(letterSubject(facts, letter));
    },
    categoryLabel: (key) => policy.categories.find((c) => c.key === key)?.label ?? key,
    mayReadActions: () => canRead(actionSubject(facts)),
  };
}

const caseEvents = {
  "case-opened": (e) => `Case opened for ${e.school.name}`,
  "school-changed": (e) =>
    `School changed from URN ${e.previousUrn} to ${e.school.urn} (${e.school.name}): ${e.reason}`,
  "officer-assigned": (_e, v) => (v.la ? "Officer assigned" : undefined),
  "assessment-recorded": (e, v) => {
    if (!v.canRead(assessmentSubject(v.facts))) return undefined;
    const suggested = e.assessment.suggested;
    return `Assessment recorded${suggested && v.mayReadCategory(suggested) ? `: suggests ${v.categoryLabel(suggested)}` : ""}`;
  },
  "category-decided": (e, v) =>
    v.mayReadCategory(e.category)
      ? `Category decided: ${v.categoryLabel(e.category)}, from ${inWords(e.effectiveFrom)}`
      : undefined,
  "category-moderated": (e, v) => (v.la ? `Category decision ${e.outcome}${e.note ? `: ${e.note}` : ""}` : undefined),
  "stage-changed": (e, v) =>
    v.mayReadStage(e.stage)
      ? `Moved to ${v.policy.escalation.stages.find((s) => s.key === e.stage)?.label ?? e.stage}${v.la && e.reason ? `: ${e.reason}` : ""}`
      : undefined,
  "policy-version-changed": (_e, v) => (v.la ? "Moved to a new policy version" : undefined),
  "case-closed": (e) => `Case closed: ${e.reason}`,
} satisfies DescriberTable<
  | "case-opened"
  | "school-changed"
  | "officer-assigned"
  | "assessment-recorded"
  | "category-decided"
  | "category-moderated"
  | "stage-changed"
  | "policy-version-changed"
  | "case-closed"
>;

const visitAndMeetingEvents = {
  "visit-scheduled": (e, v) =>
    v.canRead(visitSubject(v.facts, { visitType: e.visitType, status: "scheduled" }))
      ? `${v.policy.visitTypes.find((t) => t.key === e.visitType)?.label ?? "Visit"} scheduled for ${inWords(e.date)}`
      : undefined,
  "visit-rescheduled": (e, v) =>
    v.visitVisible(e.visitId) ? `${v.visitLabel(e.visitId)} moved to ${inWords(e.date)}` : undefined,
  "visit-cancelled": (e, v) =>
    v.visitVisible(e.visitId) ? `${v.visitLabel(e.visitId)} cancelled: ${e.reason}` : undefined,
  "visit-recorded": (e, v) =>
    v.visitVisible(e.visitId)
      ? `${v.visitLabel(e.visitId)} recorded${v.la && e.concerns ? " (concerns about progress)" : ""}`
      : undefined,
  "visit-report-published": (e, v) => {
    const visit = v.state.visits.find((x) => x.id === e.visitId);
    return visit && v.canRead(visitReportSubject(v.facts, { visitType: visit.visitType, report: { published: true } }))
      ? `${v.visitLabel(e.visitId)} report published to the school`
      : undefined;
  },
  "meeting-recorded": (e, v) =>
    v.canRead(meetingSubject("Meeting", v.facts, e.meeting))
      ? `${v.policy.meetingTypes.find((t) => t.key === e.meeting.meetingType)?.label ?? "Meeting"} held on ${inWords(e.meeting.date)}`
      : undefined,
} satisfies DescriberTable<
  | "visit-scheduled"
  | "visit-rescheduled"
  | "visit-cancelled"
  | "visit-recorded"
  | "visit-report-published"
  | "meeting-recorded"
>;

const letterEvents = {
  "letter-drafted": (e, v) =>
    v.la && v.letterVisible(e.letter.id) ? `${v.letterLabel(e.letter.id)} drafted` : undefined,
  "letter-approved": (e, v) =>
    v.la && v.letterVisible(e.letterId) ? `${v.letterLabel(e.letterId)} approved` : undefined,
  "letter-issued": (e, v) =>
    v.letterVisible(e.letterId)
      ? `${v.letterLabel(e.letterId)} issued${e.deadline ? `; respond by ${inWords(e.deadline)}` : ""}`
      : undefined,
  "letter-acknowledged": (e, v) =>
    v.letterVisible(e.letterId) ? `${v.letterLabel(e.letterId)} acknowledged` : undefined,
  "letter-actions-completed": (e, v) =>
    v.letterVisible(e.letterId) ? `${v.letterLabel(e.letterId)}: actions complete` : undefined,
  "letter-closed": (e, v) =>
    v.letterVisible(e.letterId) ? `${v.letterLabel(e.letterId)} ${e.outcome}: ${e.reason}` : undefined,
  "letter-response-received": (e, v) =>
    v.letterVisible(e.letterId) ? `${v.letterLabel(e.letterId)}: the school's response received` : undefined,
} satisfies DescriberTable<
  | "letter-drafted"
  | "letter-approved"
  | "letter-issued"
  | "letter-acknowledged"
  | "letter-actions-completed"
  | "letter-closed"
  | "letter-response-received"
>;

const actionPlanEvents = {
  "priority-added": (e, v) => (v.mayReadActions() ? `Priority added: ${e.priority.title}` : undefined),
  "action-added": (e, v) => (v.mayReadActions() ? `Action added: ${e.action.text}` : undefined),
  "action-updated": (e, v) =>
    v.mayReadActions() ? `Action updated${e.status ? `: ${e.status}` : ""}${e.note ? ` (${e.note})` : ""}` : undefined,
} satisfies DescriberTable<"priority-added" | "action-added" | "action-updated">;

/** An entry's line, only for a user who may read that register's entries on this school (as the entry now stands). */
function registerLine(v: EventView, entryId: string, register: string, line: (entryLabel: string) => string) {
  const entry = v.state.registerEntries.find((e) => e.id === entryId);
  const definition = v.policy.registers?.find((r) => r.key === register);
  if (!v.canRead(registerEntrySubject(v.facts, { register, status: entry?.status ?? "open" }))) return undefined;
  return line(definition?.entryLabel ?? "Register entry");
}

const registerEvents = {
  "register-entry-logged": (e, v) =>
    registerLine(v, e.entryId, e.register, (entryLabel) => {
      const label = v.policy.registers?.find((r) => r.key === e.register)?.label ?? e.register;
      return `${capitalise(entryLabel)} logged in ${label}, dated ${inWords(e.occurredOn)}`;
    }),
  "register-entry-closed": (e, v) => {
    const register = v.state.registerEntries.find((x) => x.id === e.entryId)?.register ?? "";
    return registerLine(v, e.entryId, register, (entryLabel) => `${capitalise(entryLabel)} closed: ${e.note}`);
  },
} satisfies DescriberTable<"register-entry-logged" | "register-entry-closed">;

/** A task's label, as it was started (the LA's lines only: school staff see no tasks). */
const taskLabel = (v: EventView, taskId: string) => v.state.tasks.find((t) => t.id === taskId)?.label ?? "Task";

const taskEvents = {
  "tasks-started": (e, v) =>
    v.la
      ? `Follow-ups of ${v.policy.escalation.stages.find((s) => s.key === e.stage)?.label ?? e.stage} started: ${e.tasks.map((t) => t.label).join("; ")}`
      : undefined,
  "task-completed": (e, v) =>
    v.la ? `Task done: ${taskLabel(v, e.taskId)}${e.note ? ` (${e.note})` : ""}` : undefined,
  "task-dismissed": (e, v) => (v.la ? `Task dismissed: ${taskLabel(v, e.taskId)}: ${e.reason}` : undefined),
} satisfies DescriberTable<"tasks-started" | "task-completed" | "task-dismissed">;

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

type DescriberTable<K extends CaseEvent["type"]> = { [T in K]: Describer<T> };

/** Every event type has a describer: a missing one is a compile error here. */
const DESCRIBERS: DescriberTable<CaseEvent["type"]> = {
  ...caseEvents,
  ...visitAndMeetingEvents,
  ...letterEvents,
  ...actionPlanEvents,
  ...registerEvents,
  ...taskEvents,
};

function describe<T extends CaseEvent["type"]>(event: Extract<CaseEventHeader, { type: T }>, view: EventView) {
  const describer: Describer<T> = DESCRIBERS[event.type];
  return describer(event, view);
}

/** The timeline as the user may see it. */
export function presentTimeline(view: ViewContext): CaseView["timeline"] {
  const eventViewOfCase = eventView(view);
  return (view.options.events ?? []).flatMap((event) => {
    const summary = describe(event, eventViewOfCase);
    return summary ? [{ at: event.at, type: event.type, actor: view.nameOf(event.actorId), summary }] : [];
  });
}
