import {
  describeIncompleteAnswers,
  FormSchemaError,
  getFormValidator,
  type PolicyDocument,
} from "@steward/policy-config";

import { toIsoDate, type IsoDate } from "../calendar/dates.ts";
import { SchoolCalendar } from "../calendar/school-calendar.ts";
import { DomainError } from "../errors.ts";
import { type PolicyAbility, type RoleGrant } from "../permissions/ability.ts";
import {
  actionSubject,
  assessmentSubject,
  caseFactsOf,
  caseSubject,
  letterSubject,
  meetingSubject,
  visitReportSubject,
  visitSubject,
  type PermissionTarget,
} from "../permissions/subjects.ts";
import { isApplicable } from "../rules/applicability.ts";
import { suggestCategory } from "../rules/best-fit.ts";
import { evaluateRule, type Facts } from "../rules/evaluate.ts";
import type { CaseCommand } from "./commands.ts";
import type { CaseEvent, CaseEventData } from "./events.ts";
import { evolve } from "./evolve.ts";
import { getCaseFacts } from "./facts.ts";
import { buildLetterContext, renderLetter } from "./letters.ts";
import { COMMAND_PERMISSIONS } from "./permissions.ts";
import type { CaseState } from "./state.ts";

/** Everything a decision may depend on, passed in: the engine reads no clock, id source or global. */
export interface DecideContext {
  policy: PolicyDocument;
  policyVersionId: string;
  actor: { id: string; grants: readonly RoleGrant[]; ability: PolicyAbility };
  /** The current instant. */
  now: Date;
  newId: () => string;
  /** The school's own data (Ofsted, attendance, ...) for triggers and rules. */
  schoolData?: Facts;
}

export type Decision = { ok: true; events: CaseEvent[] } | { ok: false; error: DomainError };

const calendars = new WeakMap<PolicyDocument, SchoolCalendar>();

function calendarOf(policy: PolicyDocument): SchoolCalendar {
  let calendar = calendars.get(policy);
  if (!calendar) calendars.set(policy, (calendar = new SchoolCalendar(policy.calendar)));
  return calendar;
}

/** A form's compiled validator (compiled once per policy version and form, in policy-config); a schema it cannot use refuses the command. */
function formValidator(policy: PolicyDocument, formKey: string) {
  try {
    return getFormValidator(policy, formKey);
  } catch (error) {
    if (error instanceof FormSchemaError) fail("conflict", error.message);
    throw error;
  }
}

function fail(code: DomainError["code"], message: string, pointer?: string): never {
  throw new DomainError(code, message, pointer);
}

function required(text: string | undefined, what: string, pointer: string): string {
  if (!text || text.trim() === "") fail("invalid", `Give ${what}.`, pointer);
  return text.trim();
}

/**
 * Decides what a command does to a case: the events it causes, or the reason
 * it is refused. Pure: the same state, command and context always decide the
 * same way; a refused command causes nothing.
 */
export function decide(state: CaseState | undefined, command: CaseCommand, context: DecideContext): Decision {
  try {
    const events = decideOrThrow(state, command, context);
    return { ok: true, events: [...events, ...followAutomaticTransitions(state, events, context)] };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, error };
    throw error;
  }
}

function decideOrThrow(state: CaseState | undefined, command: CaseCommand, context: DecideContext): CaseEvent[] {
  const { policy, actor } = context;
  const at = context.now.toISOString();
  const today = toIsoDate(context.now);
  const calendar = calendarOf(policy);
  const emit = (...data: CaseEventData[]): CaseEvent[] =>
    data.map((d) => ({ ...d, actorId: actor.id, at, policyVersionId: context.policyVersionId }) as CaseEvent);
  /** Checks the command's permission (COMMAND_PERMISSIONS) on the record it acts on, built by the subject's one builder. */
  const authorise = (target: PermissionTarget) => {
    const { action, subject } = COMMAND_PERMISSIONS[command.type];
    if (target.__caslSubjectType__ !== subject)
      throw new Error(`${command.type} is checked on ${subject}, not ${String(target.__caslSubjectType__)}.`);
    if (!actor.ability.ability.can(action, target)) {
      const rule = actor.ability.ability.relevantRuleFor(action, target);
      fail(
        "forbidden",
        rule?.inverted && rule.reason
          ? rule.reason
          : `Your roles do not allow you to ${action} ${subject === "Case" ? "this case" : subject}.`,
      );
    }
  };
  const holdsOneOf = (roles: readonly string[]) => actor.grants.some((g) => roles.includes(g.role));
  /** Roles as people say them: "a School Improvement Adviser or an LA senior officer". */
  const roleNames = (roles: readonly string[]) =>
    roles.map((key) => policy.roles.find((r) => r.key === key)?.label ?? key).join(" or ");

  if (command.type === "open-case") {
    if (state) fail("conflict", "This case is already open.");
    authorise(
      caseSubject({
        schoolUrn: command.school.urn,
        assignedOfficerId: null,
        category: null,
        stage: null,
        status: null,
      }),
    );
    return emit({
      type: "case-opened",
      caseId: context.newId(),
      school: command.school,
      stage: policy.escalation.initialStage,
    });
  }
  if (!state) fail("not-found", "There is no such case.");
  if (state.status === "closed") fail("conflict", "This case is closed.");
  const caseFacts = caseFactsOf(state);
  const caseRecord = caseSubject(caseFacts);

  switch (command.type) {
    case "change-school": {
      authorise(caseRecord);
      const reason = required(
        command.reason,
        "the reason the school changed (for example its conversion to an academy)",
        "/reason",
      );
      if (command.school.urn === state.school.urn)
        fail("invalid", "The school keeps the same URN: nothing to change.", "/school/urn");
      return emit({ type: "school-changed", school: command.school, previousUrn: state.school.urn, reason });
    }
    case "assign-officer":
      authorise(caseRecord);
      return emit({ type: "officer-assigned", officerId: command.officerId });

    case "record-assessment": {
      authorise(assessmentSubject(caseFacts));
      for (const [i, selection] of command.selections.entries()) {
        if (!policy.areas.some((a) => a.key === selection.area))
          fail("invalid", `There is no judgement area "${selection.area}" in this policy.`, `/selections/${i}/area`);
        for (const [j, { category, descriptor }] of selection.descriptors.entries()) {
          const set = policy.criteria.find((c) => c.area === selection.area && c.category === category);
          if (!set?.descriptors.some((d) => d.key === descriptor)) {
            fail(
              "invalid",
              `"${descriptor}" is not a ${category} descriptor in ${selection.area}.`,
              `/selections/${i}/descriptors/${j}`,
            );
          }
        }
      }
      const facts = getCaseFacts(state, policy, today, context.schoolData);
      const suggestion = suggestCategory(policy, state.school, command.selections, facts);
      return emit({
        type: "assessment-recorded",
        assessment: {
          id: context.newId(),
          selections: command.selections,
          suggested: suggestion.category,
          explanation: suggestion.explanation,
        },
      });
    }

    case "decide-category": {
      authorise(caseRecord);
      const category = policy.categories.find((c) => c.key === command.category);
      if (!category) fail("invalid", `There is no category "${command.category}" in this policy.`, "/category");
      if (!isApplicable(category.applicability, state.school))
        fail("not-applicable", `${category.label} does not apply to this school.`, "/category");
      if (state.category?.moderation === "pending")
        fail("conflict", "The last category decision is waiting for moderation: confirm or return it first.");
      const assessment = command.assessmentId
        ? state.assessments.find((a) => a.id === command.assessmentId)
        : state.assessments.at(-1);
      if (command.assessmentId && !assessment)
        fail("not-found", "There is no such assessment on this case.", "/assessmentId");
      const differs = assessment?.suggested !== undefined && assessment.suggested !== category.key;
      const rationale = command.rationale?.trim() || undefined;
      if (differs && !rationale) {
        const suggested = policy.categories.find((c) => c.key === assessment.suggested)?.label;
        fail(
          "invalid",
          `The assessment suggests ${suggested}: say why you decided ${category.label} instead.`,
          "/rationale",
        );
      }
      const moderation = policy.assessment.moderation;
      const moderationRequired =
        moderation.required && (!moderation.categories || moderation.categories.includes(category.key));
      return emit({
        type: "category-decided",
        category: category.key,
        effectiveFrom: command.effectiveFrom,
        assessmentId: assessment?.id,
        rationale,
        moderationRequired,
      });
    }

    case "moderate-category": {
      authorise(caseRecord);
      if (state.category?.moderation !== "pending")
        fail("conflict", "There is no category decision waiting for moderation.");
      const roles = policy.assessment.moderation.roles;
      if (roles && !holdsOneOf(roles)) fail("forbidden", "Your roles may not moderate category decisions.");
      if (state.category.decidedBy === actor.id)
        fail("forbidden", "A second officer moderates a decision: you made this one.");
      if (command.outcome === "returned") required(command.note, "a note saying why the decision is returned", "/note");
      return emit({ type: "category-moderated", outcome: command.outcome, note: command.note?.trim() || undefined });
    }

    case "schedule-visit":
    case "reschedule-visit": {
      const existing =
        command.type === "reschedule-visit" ? state.visits.find((v) => v.id === command.visitId) : undefined;
      if (command.type === "reschedule-visit" && !existing)
        fail("not-found", "There is no such visit on this case.", "/visitId");
      if (existing && existing.status !== "scheduled")
        fail("conflict", `This visit is ${existing.status}: only a scheduled visit can be moved.`);
      const visitType = policy.visitTypes.find(
        (v) => v.key === (existing?.visitType ?? (command as { visitType: string }).visitType),
      );
      if (!visitType) fail("invalid", "There is no such visit type in this policy.", "/visitType");
      authorise(visitSubject(caseFacts, { visitType: visitType.key, status: existing?.status ?? "scheduled" }));
      if (!isApplicable(visitType.applicability, state.school))
        fail("not-applicable", `${visitType.label} does not apply to this school.`, "/visitType");
      if (!calendar.isSchoolDay(command.date))
        fail(
          "invalid",
          `${command.date} is not a school day in the policy calendar: choose a term-time weekday.`,
          "/date",
        );
      const term = calendar.locate(command.date)?.term.key;
      const agenda = visitType.agendas.find((a) => a.term === term) ?? visitType.agendas.find((a) => a.term === "any");
      const items = agenda?.items.map((i) => ({ key: i.key, title: i.title })) ?? [];
      if (command.type === "schedule-visit") {
        return emit({
          type: "visit-scheduled",
          visitId: context.newId(),
          visitType: visitType.key,
          date: command.date,
          term,
          agenda: items,
        });
      }
      return emit({
        type: "visit-rescheduled",
        visitId: command.visitId,
        date: command.date,
        term,
        agenda: items,
        reason: command.reason?.trim() || undefined,
      });
    }

    case "cancel-visit": {
      const visit = state.visits.find((v) => v.id === command.visitId);
      if (!visit) fail("not-found", "There is no such visit on this case.", "/visitId");
      authorise(visitSubject(caseFacts, visit));
      if (visit.status !== "scheduled")
        fail("conflict", `This visit is ${visit.status}: only a scheduled visit can be cancelled.`);
      return emit({
        type: "visit-cancelled",
        visitId: visit.id,
        reason: required(command.reason, "a reason for cancelling", "/reason"),
      });
    }

    case "record-visit": {
      const visit = state.visits.find((v) => v.id === command.visitId);
      if (!visit) fail("not-found", "There is no such visit on this case.", "/visitId");
      authorise(visitSubject(caseFacts, visit));
      if (visit.status === "cancelled") fail("conflict", "This visit was cancelled: schedule a new one to record it.");
      if (visit.status === "completed") fail("conflict", "This visit has already been recorded.");
      const visitType = policy.visitTypes.find((v) => v.key === visit.visitType)!;
      if (!holdsOneOf(visitType.ledBy))
        fail("forbidden", `${visitType.label} visits are recorded by ${roleNames(visitType.ledBy)}.`);
      const validate = visitType.reportForm ? formValidator(policy, visitType.reportForm) : undefined;
      if (validate) {
        if (!validate(command.data)) {
          const { message, pointer } = describeIncompleteAnswers("report", validate.errors);
          fail("invalid", message, pointer);
        }
      }
      const agendaNotes = command.agendaNotes ?? {};
      for (const key of Object.keys(agendaNotes)) {
        if (!visit.agenda.some((i) => i.key === key))
          fail("invalid", `"${key}" is not an item on this visit's agenda.`, `/agendaNotes/${key}`);
      }
      if (command.publish && visitType.reportVisibility === "la-only")
        fail(
          "not-applicable",
          `${visitType.label} reports are for the LA only: they cannot be published to the school.`,
          "/publish",
        );
      const published =
        visitType.reportVisibility === "always" ||
        (visitType.reportVisibility === "on-publish" && Boolean(command.publish));
      return emit({
        type: "visit-recorded",
        visitId: visit.id,
        data: command.data,
        agendaNotes,
        concerns: command.concerns,
        published,
      });
    }

    case "publish-visit-report": {
      const visit = state.visits.find((v) => v.id === command.visitId);
      if (!visit?.report) fail("not-found", "There is no recorded report for that visit.", "/visitId");
      authorise(visitReportSubject(caseFacts, visit));
      const visitType = policy.visitTypes.find((v) => v.key === visit.visitType)!;
      if (visitType.reportVisibility === "la-only")
        fail("not-applicable", `${visitType.label} reports are for the LA only.`);
      if (visit.report.published) fail("conflict", "This report is already published.");
      return emit({ type: "visit-report-published", visitId: visit.id });
    }

    case "record-meeting": {
      const meetingType = policy.meetingTypes.find((m) => m.key === command.meetingType);
      if (!meetingType)
        fail("invalid", `There is no meeting type "${command.meetingType}" in this policy.`, "/meetingType");
      authorise(meetingSubject("Meeting", caseFacts, { meetingType: meetingType.key }));
      if (!isApplicable(meetingType.applicability, state.school))
        fail("not-applicable", `${meetingType.label} does not apply to this school.`, "/meetingType");
      // A meeting type with no progress judgements (a liaison meeting, say) records none.
      const judgement =
        meetingType.progressJudgements.length === 0
          ? { key: "", isStrong: false }
          : meetingType.progressJudgements.find((p) => p.key === command.progress);
      if (!judgement)
        fail(
          "invalid",
          `Choose a progress judgement: ${meetingType.progressJudgements.map((p) => p.label).join(", ")}.`,
          "/progress",
        );
      const limit = meetingType.sharing.find((s) => s.content === "key-points")?.maxItems;
      if (limit !== undefined && command.keyPoints.length > limit)
        fail("invalid", `Share at most ${limit} key points after a ${meetingType.label}.`, "/keyPoints");
      if (command.attendees.length === 0) fail("invalid", "List who attended.", "/attendees");
      return emit({
        type: "meeting-recorded",
        meeting: {
          id: context.newId(),
          meetingType: meetingType.key,
          date: command.date,
          attendees: command.attendees,
          minutes: command.minutes,
          keyPoints: command.keyPoints,
          progress: judgement.key,
          strong: judgement.isStrong,
          stage: state.stage,
        },
      });
    }

    case "draft-letter": {
      const letterType = policy.letterTypes.find((l) => l.key === command.letterType);
      if (!letterType)
        fail("invalid", `There is no letter type "${command.letterType}" in this policy.`, "/letterType");
      authorise(letterSubject(caseFacts, { letterType: letterType.key, status: "draft" }));
      if (!holdsOneOf(letterType.permissions.draft))
        fail("forbidden", `A ${letterType.label} is drafted by ${roleNames(letterType.permissions.draft)}.`);
      if (!isApplicable(letterType.applicability, state.school)) {
        fail(
          "not-applicable",
          `A ${letterType.label} does not apply to this school${letterType.applicability?.note ? `: ${letterType.applicability.note}` : "."}`,
          "/letterType",
        );
      }
      for (const [i, indicator] of command.indicators.entries()) {
        if (!letterType.indicators.some((x) => x.key === indicator.key))
          fail("invalid", `"${indicator.key}" is not an indicator of a ${letterType.label}.`, `/indicators/${i}/key`);
      }
      if (command.indicators.length < letterType.minimumIndicators) {
        fail(
          "invalid",
          `A ${letterType.label} needs at least ${letterType.minimumIndicators} indicator${letterType.minimumIndicators === 1 ? "" : "s"} that apply, with evidence.`,
          "/indicators",
        );
      }
      const id = context.newId();
      const letter = {
        id,
        indicators: command.indicators,
        actions: command.actions ?? [],
        notes: command.notes?.trim() ?? "",
      };
      const { subject, html } = renderLetter(
        letterType,
        buildLetterContext(policy, state, letterType, letter, { issuedOn: today }, command.people),
      );
      return emit({ type: "letter-drafted", letter: { ...letter, letterType: letterType.key, subject, html } });
    }

    case "approve-letter":
    case "issue-letter":
    case "acknowledge-letter":
    case "complete-letter-actions":
    case "close-letter": {
      const letter = state.letters.find((l) => l.id === command.letterId);
      if (!letter) fail("not-found", "There is no such letter on this case.", "/letterId");
      const letterType = policy.letterTypes.find((l) => l.key === letter.letterType);
      if (!letterType) fail("conflict", "This letter's type is not in the case's policy version.");
      const record = letterSubject(caseFacts, letter);
      if (command.type === "approve-letter") {
        authorise(record);
        if (letter.status !== "draft") fail("conflict", `This letter is ${letter.status}: only a draft is approved.`);
        if (!holdsOneOf(letterType.permissions.approve))
          fail(
            "forbidden",
            `A ${letterType.label} is approved by ${roleNames(letterType.permissions.approve) || "nobody: it needs no approval"}.`,
          );
        if (letter.draftedBy === actor.id)
          fail("forbidden", "A second officer approves a letter: you drafted this one.");
        return emit({ type: "letter-approved", letterId: letter.id });
      }
      if (command.type === "issue-letter") {
        authorise(record);
        if (!holdsOneOf(letterType.permissions.issue))
          fail("forbidden", `A ${letterType.label} is issued by ${roleNames(letterType.permissions.issue)}.`);
        const ready = letterType.approvalRequired
          ? letter.status === "approved"
          : letter.status === "draft" || letter.status === "approved";
        if (!ready)
          fail(
            "conflict",
            letterType.approvalRequired && letter.status === "draft"
              ? `A ${letterType.label} must be approved before it is issued.`
              : `This letter is ${letter.status}.`,
          );
        const deadline = letterType.deadline ? calendar.addPeriod(today, letterType.deadline.within) : undefined;
        const reviewDate = letterType.reviewAfter ? calendar.addPeriod(today, letterType.reviewAfter) : undefined;
        const { subject, html } = renderLetter(
          letterType,
          buildLetterContext(
            policy,
            state,
            letterType,
            letter,
            { issuedOn: today, deadline, reviewDate },
            command.people,
          ),
        );
        const events = emit({
          type: "letter-issued",
          letterId: letter.id,
          issuedOn: today,
          deadline,
          reviewDate,
          subject,
          html,
        });
        const stage = letterType.effect?.stage;
        if (stage && stage !== state.stage) {
          events.push(
            ...emit({ type: "stage-changed", stage, reason: `${letterType.label} issued`, transition: undefined }),
          );
        }
        return events;
      }
      if (command.type === "acknowledge-letter") {
        authorise(record);
        if (letter.status !== "issued")
          fail(
            "conflict",
            letter.status === "acknowledged"
              ? "This letter has already been acknowledged."
              : `This letter is ${letter.status}: only an issued letter is acknowledged.`,
          );
        return emit({ type: "letter-acknowledged", letterId: letter.id });
      }
      if (command.type === "complete-letter-actions") {
        authorise(record);
        if (letter.status !== "issued" && letter.status !== "acknowledged")
          fail("conflict", "Only a letter in force has actions to complete.");
        if (letter.actionsComplete) fail("conflict", "Its actions are already complete.");
        return emit({ type: "letter-actions-completed", letterId: letter.id });
      }
      authorise(record);
      const reason = required(
        command.reason,
        `a reason for ${command.outcome === "removed" ? "removing" : "withdrawing"} the letter`,
        "/reason",
      );
      if (letter.status === "withdrawn" || letter.status === "removed")
        fail("conflict", `This letter is already ${letter.status}.`);
      if (command.outcome === "removed") {
        if (letter.status !== "issued" && letter.status !== "acknowledged")
          fail("conflict", "Only a letter in force can be removed; withdraw a draft instead.");
        if (!letterType.removal?.allowed)
          fail("not-applicable", `A ${letterType.label} is not removed: withdraw it instead.`);
      }
      return emit({ type: "letter-closed", letterId: letter.id, outcome: command.outcome, reason });
    }

    case "change-stage": {
      authorise(caseRecord);
      const stage = policy.escalation.stages.find((s) => s.key === command.stage);
      if (!stage) fail("invalid", `There is no stage "${command.stage}" in this policy.`, "/stage");
      if (stage.key === state.stage) fail("conflict", `The case is already at ${stage.label}.`);
      if (!isApplicable(stage.applicability, state.school))
        fail("not-applicable", `${stage.label} does not apply to this school.`, "/stage");
      const transition = command.transition
        ? policy.escalation.transitions.find((t) => t.key === command.transition)
        : undefined;
      if (command.transition && !transition)
        fail("invalid", `There is no transition "${command.transition}" in this policy.`, "/transition");
      if (transition) {
        if (transition.to !== stage.key || !(transition.from.includes("*") || transition.from.includes(state.stage))) {
          fail(
            "conflict",
            `"${transition.label}" does not lead from this case's stage to ${stage.label}.`,
            "/transition",
          );
        }
        if (transition.roles && !holdsOneOf(transition.roles))
          fail("forbidden", `"${transition.label}" is made by ${roleNames(transition.roles)}.`);
        if (transition.requiresReason) required(command.reason, "a reason for this move", "/reason");
        // A transition's rule is its precondition, whoever makes it: an officer who disagrees moves the case outside the transitions, with a reason.
        if (transition.when && !evaluateRule(transition.when, getCaseFacts(state, policy, today, context.schoolData))) {
          fail(
            "conflict",
            `"${transition.label}" does not apply yet: the policy's rule for it does not hold for this case.`,
            "/transition",
          );
        }
      } else {
        required(command.reason, "a reason for moving the case outside the policy's transitions", "/reason");
      }
      return emit({
        type: "stage-changed",
        stage: stage.key,
        reason: command.reason?.trim() || undefined,
        transition: transition?.key,
      });
    }

    case "add-priority":
      authorise(actionSubject(caseFacts));
      return emit({
        type: "priority-added",
        priority: {
          id: context.newId(),
          title: required(command.title, "the priority", "/title"),
          targets: command.targets,
        },
      });

    case "add-action": {
      authorise(actionSubject(caseFacts));
      if (!state.priorities.some((p) => p.id === command.priorityId))
        fail("not-found", "There is no such priority on this case.", "/priorityId");
      return emit({
        type: "action-added",
        action: {
          id: context.newId(),
          priority: command.priorityId,
          text: required(command.text, "the action", "/text"),
          owner: required(command.owner, "who owns the action", "/owner"),
          due: command.due,
        },
      });
    }

    case "update-action": {
      authorise(actionSubject(caseFacts));
      if (!state.actions.some((a) => a.id === command.actionId))
        fail("not-found", "There is no such action on this case.", "/actionId");
      if (!command.status && !command.note?.trim()) fail("invalid", "Give a new status or a progress note.", "/note");
      return emit({
        type: "action-updated",
        actionId: command.actionId,
        status: command.status,
        note: command.note?.trim() || undefined,
      });
    }

    case "change-policy-version": {
      authorise(caseRecord);
      if (command.category !== undefined && !policy.categories.some((c) => c.key === command.category)) {
        fail("invalid", `There is no category "${command.category}" in the new policy version.`, "/category");
      }
      if (!policy.escalation.stages.some((s) => s.key === command.stage))
        fail("invalid", `There is no stage "${command.stage}" in the new policy version.`, "/stage");
      return emit({
        type: "policy-version-changed",
        policyVersionId: command.policyVersionId,
        category: command.category,
        stage: command.stage,
      });
    }

    case "close-case":
      authorise(caseRecord);
      return emit({
        type: "case-closed",
        reason: required(command.reason, "a reason for closing the case", "/reason"),
      });
  }
}

/**
 * After a command, the policy's automatic transitions whose rules now hold:
 * each moves the case on, in turn. A case never re-enters, in the same
 * command, a stage it was in when the command began or passed through since:
 * counts that restart on a stage's first day (meetings in the stage, months in
 * it) must not bounce it back to where it has just left, and an officer's move
 * out of a stage is not undone by the rule that once brought the case there.
 * Every move enters a new stage, so the moves end.
 */
function followAutomaticTransitions(
  before: CaseState | undefined,
  events: CaseEvent[],
  context: DecideContext,
): CaseEvent[] {
  if (events.length === 0) return [];
  const visited = new Set<string>(before ? [before.stage] : []);
  let state = before;
  for (const event of events) {
    state = evolve(state, event);
    if (state) visited.add(state.stage);
  }
  if (!state || state.status === "closed") return [];
  const out: CaseEvent[] = [];
  const today = toIsoDate(context.now);
  for (let moved = true; moved;) {
    moved = false;
    const facts = getCaseFacts(state, context.policy, today, context.schoolData);
    for (const transition of context.policy.escalation.transitions) {
      if (transition.mode !== "automatic" || !transition.when || visited.has(transition.to)) continue;
      if (!(transition.from.includes("*") || transition.from.includes(state.stage))) continue;
      const target = context.policy.escalation.stages.find((s) => s.key === transition.to);
      if (target && !isApplicable(target.applicability, state.school)) continue;
      if (!evaluateRule(transition.when, facts)) continue;
      const event = {
        type: "stage-changed",
        stage: transition.to,
        reason: transition.label,
        transition: transition.key,
        actorId: context.actor.id,
        at: context.now.toISOString(),
        policyVersionId: context.policyVersionId,
      } as CaseEvent;
      out.push(event);
      visited.add(transition.to);
      state = evolve(state, event);
      moved = true;
      break;
    }
  }
  return out;
}

/** The policy's suggested transitions whose rules hold now: offered to the officer, never made automatically. */
export function getSuggestedTransitions(
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  schoolData: Facts = {},
) {
  const facts = getCaseFacts(state, policy, today, schoolData);
  return policy.escalation.transitions.filter((t) => {
    if (t.mode !== "suggested" || !t.when || t.to === state.stage) return false;
    if (!(t.from.includes("*") || t.from.includes(state.stage))) return false;
    const target = policy.escalation.stages.find((s) => s.key === t.to);
    return (!target || isApplicable(target.applicability, state.school)) && evaluateRule(t.when, facts);
  });
}
