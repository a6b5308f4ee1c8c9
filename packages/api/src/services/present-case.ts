import { z } from "zod";

import { getUserNames, type TenantTransaction } from "@steward/db";
import {
  actionSubject,
  assessmentSubject,
  caseFactsOf,
  caseSubject,
  getPermittedFields,
  getSuggestedTransitions,
  getVisitPlan,
  letterSubject,
  meetingSubject,
  visitReportSubject,
  visitSubject,
  type CaseEvent,
  type CaseFacts,
  type CaseState,
  type Facts,
  type PermissionTarget,
  type PolicyAbility,
} from "@steward/domain";
import type { Action, PolicyDocument } from "@steward/policy-config";

const CASE_FIELDS = [
  "schoolUrn",
  "category",
  "stage",
  "assignedOfficerId",
  "assessments",
  "stageHistory",
  "status",
] as const;

const labelled = z.object({ key: z.string(), label: z.string() });

export const caseViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(["open", "closed"]),
  policyVersionId: z.string(),
  school: z.object({
    urn: z.number(),
    name: z.string(),
    phase: z.string().optional(),
    governance: z.string(),
    trust: z.string().optional(),
    previousUrns: z.array(z.number()),
  }),
  category: z
    .object({
      key: z.string(),
      label: z.string(),
      colour: z.string(),
      effectiveFrom: z.string(),
      rationale: z.string().optional(),
      moderation: z.string(),
      decidedBy: z.string().optional(),
    })
    .nullable(),
  /** True when a category exists but the user may not see it. */
  categoryHidden: z.boolean(),
  stage: z.object({ key: z.string(), label: z.string(), since: z.string() }).nullable(),
  assignedOfficer: z.object({ id: z.string(), name: z.string() }).nullable(),
  assessments: z.array(
    z.object({
      id: z.string(),
      recordedAt: z.string(),
      recordedBy: z.string(),
      suggested: z.string().optional(),
      explanation: z.array(z.string()),
      selections: z.array(
        z.object({
          area: z.string(),
          descriptors: z.array(z.object({ category: z.string(), descriptor: z.string() })),
          evidence: z.string().optional(),
        }),
      ),
    }),
  ),
  stageHistory: z.array(
    z.object({ stage: z.string(), label: z.string(), from: z.string(), reason: z.string().optional(), by: z.string() }),
  ),
  visits: z.array(
    z.object({
      id: z.string(),
      visitType: labelled,
      date: z.string(),
      status: z.enum(["scheduled", "completed", "cancelled"]),
      term: z.string().optional(),
      agenda: z.array(z.object({ key: z.string(), title: z.string() })),
      cancelledReason: z.string().optional(),
      report: z
        .object({
          data: z.record(z.string(), z.unknown()),
          agendaNotes: z.record(z.string(), z.string()),
          concerns: z.boolean(),
          published: z.boolean(),
          recordedBy: z.string(),
          recordedAt: z.string(),
          form: z.string().optional(),
        })
        .optional(),
      /** The visit has a report the user may not see (not yet published). */
      reportWithheld: z.boolean(),
    }),
  ),
  visitPlan: z.array(
    z.object({
      visitType: labelled,
      label: z.string(),
      opens: z.string(),
      dueBy: z.string(),
      status: z.string(),
      metBy: z.string().optional(),
      basis: z.string(),
    }),
  ),
  meetings: z.array(
    z.object({
      id: z.string(),
      meetingType: labelled,
      date: z.string(),
      attendees: z.array(z.string()),
      minutes: z.string().optional(),
      keyPoints: z.array(z.string()).optional(),
      progress: labelled,
      strong: z.boolean(),
    }),
  ),
  letters: z.array(
    z.object({
      id: z.string(),
      letterType: labelled.extend({ kind: z.string() }),
      status: z.string(),
      subject: z.string(),
      html: z.string(),
      indicators: z.array(z.object({ key: z.string(), text: z.string(), evidence: z.string() })),
      actions: z.array(z.object({ text: z.string(), due: z.string() })),
      draftedBy: z.string(),
      draftedAt: z.string(),
      approvedBy: z.string().optional(),
      issuedOn: z.string().optional(),
      deadline: z.string().optional(),
      reviewDate: z.string().optional(),
      acknowledgedBy: z.string().optional(),
      acknowledgedAt: z.string().optional(),
      closedReason: z.string().optional(),
      actionsComplete: z.boolean(),
      /** What the user may do to this letter now: its type's roles, the rules' conditions and (for approval) not their own draft. */
      can: z.object({ approve: z.boolean(), issue: z.boolean(), acknowledge: z.boolean(), withdraw: z.boolean() }),
    }),
  ),
  priorities: z.array(z.object({ id: z.string(), title: z.string(), targets: z.array(z.string()) })),
  actions: z.array(
    z.object({
      id: z.string(),
      priority: z.string(),
      text: z.string(),
      owner: z.string(),
      due: z.string(),
      status: z.string(),
      notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })),
    }),
  ),
  suggestedTransitions: z.array(
    z.object({ key: z.string(), label: z.string(), to: z.string(), requiresReason: z.boolean() }),
  ),
  timeline: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string(), summary: z.string() })),
  /** What the user may do to this case now (the procedures check again). */
  can: z.record(z.string(), z.boolean()),
});

export type CaseView = z.infer<typeof caseViewSchema>;

const label = (items: readonly { key: string; label: string }[], key: string | undefined) => ({
  key: key ?? "",
  label: items.find((i) => i.key === key)?.label ?? key ?? "",
});

/**
 * A case as one user may see it: every part checked against their ability
 * (records by their conditions, fields by the rules' field lists) and the
 * policy's own limits (a category the policy keeps from school staff).
 */
export async function presentCase(
  trx: TenantTransaction,
  state: CaseState,
  policy: PolicyDocument,
  ability: PolicyAbility,
  options: {
    audience: "la" | "school";
    today: string;
    events?: readonly CaseEvent[];
    schoolData?: Facts;
    user?: { id: string; grants: readonly { role: string }[] };
  },
): Promise<CaseView> {
  const userId = options.user?.id;
  const holds = (roles: readonly string[]) => Boolean(options.user?.grants.some((g) => roles.includes(g.role)));
  const a = ability.ability;
  const facts = caseFactsOf(state);
  // Every check is on a record built by its subject's one builder (packages/domain/src/permissions/subjects.ts).
  const may = (action: Action, target: PermissionTarget, field?: string) => a.can(action, target, field);
  const canRead = (target: PermissionTarget, field?: string) => may("read", target, field);
  const caseRecord = caseSubject(facts);
  const fields = new Set(getPermittedFields(ability, "read", caseRecord, CASE_FIELDS));
  /** Whether the user may read a category (or stage) on this case: the field rules, and what the policy keeps from their side. */
  const mayReadCategory = (key: string | undefined) =>
    canRead(caseSubject({ ...facts, category: key ?? null }), "category");
  const mayReadStage = (key: string) => canRead(caseSubject({ ...facts, stage: key }), "stage");
  const categoryVisible = Boolean(state.category) && mayReadCategory(state.category?.key);
  const categoryDef = policy.categories.find((c) => c.key === state.category?.key);
  /** Whether the user may `action` some record of a kind on this case (the procedures check the exact one). */
  const mayOnSome = <T>(items: readonly T[], build: (item: T) => PermissionTarget, action: Action) =>
    items.some((item) => may(action, build(item)));

  const names = await getUserNames(
    trx,
    [
      state.assignedOfficerId ?? "",
      ...state.assessments.map((x) => x.recordedBy),
      ...state.stageHistory.map((s) => s.by),
      ...state.visits.flatMap((v) => (v.report ? [v.report.recordedBy] : [])),
      ...state.letters.flatMap((l) => [l.draftedBy, l.approvedBy ?? "", l.acknowledgedBy ?? ""]),
      ...(options.events ?? []).map((e) => e.actorId),
    ].filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
  );
  const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? "Steward") : "");

  const visits = state.visits
    .filter((v) => canRead(visitSubject(facts, v)))
    .map((v) => {
      const visitType = policy.visitTypes.find((t) => t.key === v.visitType);
      const report = v.report && canRead(visitReportSubject(facts, v)) ? v.report : undefined;
      return {
        id: v.id,
        visitType: label(policy.visitTypes, v.visitType),
        date: v.date,
        status: v.status,
        ...(v.term ? { term: v.term } : {}),
        agenda: v.agenda,
        ...(v.cancelledReason ? { cancelledReason: v.cancelledReason } : {}),
        ...(report
          ? {
              report: {
                ...report,
                recordedBy: nameOf(report.recordedBy),
                ...(visitType?.reportForm ? { form: visitType.reportForm } : {}),
              },
            }
          : {}),
        reportWithheld: Boolean(v.report) && !report,
      };
    });

  const meetings = state.meetings
    .filter((m) => canRead(meetingSubject("Meeting", facts, m)))
    .map((m) => {
      const type = policy.meetingTypes.find((t) => t.key === m.meetingType);
      return {
        id: m.id,
        meetingType: label(policy.meetingTypes, m.meetingType),
        date: m.date,
        attendees: m.attendees,
        ...(canRead(meetingSubject("MeetingMinutes", facts, m)) ? { minutes: m.minutes } : {}),
        ...(canRead(meetingSubject("MeetingKeyPoints", facts, m)) ? { keyPoints: m.keyPoints } : {}),
        progress: {
          key: m.progress,
          label: type?.progressJudgements.find((p) => p.key === m.progress)?.label ?? m.progress,
        },
        strong: m.strong,
      };
    });

  const letters = state.letters
    .filter((l) => canRead(letterSubject(facts, l)))
    .map((l) => {
      const type = policy.letterTypes.find((t) => t.key === l.letterType);
      const record = letterSubject(facts, l);
      return {
        id: l.id,
        letterType: { ...label(policy.letterTypes, l.letterType), kind: type?.kind ?? "letter" },
        status: l.status,
        subject: l.subject,
        html: l.html,
        indicators: l.indicators.map((i) => ({
          key: i.key,
          text: type?.indicators.find((x) => x.key === i.key)?.text ?? i.key,
          evidence: i.evidence,
        })),
        actions: l.actions,
        draftedBy: nameOf(l.draftedBy),
        draftedAt: l.draftedAt,
        ...(l.approvedBy ? { approvedBy: nameOf(l.approvedBy) } : {}),
        ...(l.issuedOn ? { issuedOn: l.issuedOn } : {}),
        ...(l.deadline ? { deadline: l.deadline } : {}),
        ...(l.reviewDate ? { reviewDate: l.reviewDate } : {}),
        ...(l.acknowledgedBy ? { acknowledgedBy: nameOf(l.acknowledgedBy) } : {}),
        ...(l.acknowledgedAt ? { acknowledgedAt: l.acknowledgedAt } : {}),
        ...(l.closedReason ? { closedReason: l.closedReason } : {}),
        actionsComplete: l.actionsComplete,
        can: {
          approve:
            l.status === "draft" &&
            Boolean(type?.approvalRequired) &&
            holds(type?.permissions.approve ?? []) &&
            l.draftedBy !== userId &&
            may("approve", record),
          issue:
            (l.status === "approved" || (l.status === "draft" && !type?.approvalRequired)) &&
            holds(type?.permissions.issue ?? []) &&
            may("issue", record),
          acknowledge: l.status === "issued" && may("acknowledge", record),
          withdraw: l.status !== "withdrawn" && l.status !== "removed" && may("withdraw", record),
        },
      };
    });

  const plan =
    categoryVisible &&
    mayOnSome(policy.visitTypes, (t) => visitSubject(facts, { visitType: t.key, status: "scheduled" }), "read")
      ? getVisitPlan(state, policy, options.today)
      : [];
  const mayEscalate = may("escalate", caseRecord);

  return {
    id: state.id,
    version: state.version,
    status: state.status,
    policyVersionId: state.policyVersionId,
    school: { ...state.school, previousUrns: state.previousUrns },
    category:
      state.category && categoryVisible && fields.has("category")
        ? {
            key: state.category.key,
            label: categoryDef?.label ?? state.category.key,
            colour: categoryDef?.colour ?? "grey",
            effectiveFrom: state.category.effectiveFrom,
            ...(options.audience === "la" && state.category.rationale ? { rationale: state.category.rationale } : {}),
            moderation: state.category.moderation,
            ...(options.audience === "la" ? { decidedBy: nameOf(state.category.decidedBy) } : {}),
          }
        : null,
    categoryHidden: Boolean(state.category) && !categoryVisible,
    stage:
      fields.has("stage") && mayReadStage(state.stage)
        ? { ...label(policy.escalation.stages, state.stage), since: state.stageSince }
        : null,
    assignedOfficer:
      fields.has("assignedOfficerId") && state.assignedOfficerId
        ? { id: state.assignedOfficerId, name: nameOf(state.assignedOfficerId) }
        : null,
    assessments:
      canRead(assessmentSubject(facts)) && fields.has("assessments")
        ? state.assessments.map((x) => ({
            ...x,
            recordedBy: nameOf(x.recordedBy),
            ...(x.suggested ? { suggested: x.suggested } : {}),
          }))
        : [],
    stageHistory:
      fields.has("stageHistory") && options.audience === "la"
        ? state.stageHistory
            .filter((s) => mayReadStage(s.stage))
            .map((s) => ({
              stage: s.stage,
              label: label(policy.escalation.stages, s.stage).label,
              from: s.from,
              ...(s.reason ? { reason: s.reason } : {}),
              by: nameOf(s.by),
            }))
        : [],
    visits,
    visitPlan: plan.map((s) => ({
      visitType: label(policy.visitTypes, s.visitType),
      label: s.label,
      opens: s.opens,
      dueBy: s.dueBy,
      status: s.status,
      ...(s.metBy ? { metBy: s.metBy } : {}),
      basis: s.basis,
    })),
    meetings,
    letters,
    priorities: canRead(actionSubject(facts)) ? state.priorities : [],
    actions: canRead(actionSubject(facts)) ? state.actions : [],
    suggestedTransitions: mayEscalate
      ? getSuggestedTransitions(state, policy, options.today, options.schoolData).map((t) => ({
          key: t.key,
          label: t.label,
          to: t.to,
          requiresReason: Boolean(t.requiresReason),
        }))
      : [],
    timeline: (options.events ?? []).flatMap((event) => {
      const summary = describeEvent(event, policy, {
        canRead,
        mayReadCategory,
        mayReadStage,
        facts,
        audience: options.audience,
        state,
      });
      return summary ? [{ at: event.at, type: event.type, actor: nameOf(event.actorId), summary }] : [];
    }),
    can: {
      assign: may("assign", caseRecord),
      categorise: may("categorise", caseRecord),
      moderate: may("moderate", caseRecord),
      assess: may("create", assessmentSubject(facts)),
      escalate: mayEscalate,
      scheduleVisit: mayOnSome(
        policy.visitTypes,
        (t) => visitSubject(facts, { visitType: t.key, status: "scheduled" }),
        "schedule",
      ),
      recordVisit: mayOnSome(
        policy.visitTypes,
        (t) => visitSubject(facts, { visitType: t.key, status: "scheduled" }),
        "record",
      ),
      publishReport: mayOnSome(
        policy.visitTypes,
        (t) => visitReportSubject(facts, { visitType: t.key, report: { published: false } }),
        "publish",
      ),
      recordMeeting: mayOnSome(
        policy.meetingTypes,
        (t) => meetingSubject("Meeting", facts, { meetingType: t.key }),
        "record",
      ),
      draftLetter: mayOnSome(
        policy.letterTypes,
        (t) => letterSubject(facts, { letterType: t.key, status: "draft" }),
        "draft",
      ),
      approveLetter: mayOnSome(
        policy.letterTypes,
        (t) => letterSubject(facts, { letterType: t.key, status: "draft" }),
        "approve",
      ),
      issueLetter: mayOnSome(
        policy.letterTypes,
        (t) => letterSubject(facts, { letterType: t.key, status: "approved" }),
        "issue",
      ),
      acknowledgeLetter: mayOnSome(
        policy.letterTypes,
        (t) => letterSubject(facts, { letterType: t.key, status: "issued" }),
        "acknowledge",
      ),
      withdrawLetter: mayOnSome(
        policy.letterTypes,
        (t) => letterSubject(facts, { letterType: t.key, status: "issued" }),
        "withdraw",
      ),
      planActions: may("create", actionSubject(facts)),
      updateActions: may("update", actionSubject(facts)),
      changePolicyVersion: may("update", caseRecord),
    },
  };
}

/** What the describer may ask of the user's permissions on this case. */
interface EventView {
  canRead: (target: PermissionTarget, field?: string) => boolean;
  mayReadCategory: (key: string | undefined) => boolean;
  mayReadStage: (key: string) => boolean;
  facts: CaseFacts;
  audience: "la" | "school";
  state: CaseState;
}

/**
 * One line of the timeline, or nothing when the user may not see what the
 * event is about: each line is checked on the record it names (the meeting of
 * that type, the visit of that type, the letter as it now stands), exactly as
 * the record itself is.
 */
function describeEvent(event: CaseEvent, policy: PolicyDocument, view: EventView): string | undefined {
  const { canRead, facts } = view;
  const la = view.audience === "la";
  const visitOf = (id: string) => view.state.visits.find((v) => v.id === id);
  const visitLabel = (id: string) => policy.visitTypes.find((t) => t.key === visitOf(id)?.visitType)?.label ?? "Visit";
  const visitVisible = (id: string) => {
    const visit = visitOf(id);
    return Boolean(visit) && canRead(visitSubject(facts, visit!));
  };
  const letterOf = (id: string) => view.state.letters.find((l) => l.id === id);
  const letterLabel = (id: string) =>
    policy.letterTypes.find((t) => t.key === letterOf(id)?.letterType)?.label ?? "Letter";
  const letterVisible = (id: string) => {
    const letter = letterOf(id);
    return Boolean(letter) && canRead(letterSubject(facts, letter!));
  };
  const categoryLabel = (key: string) => policy.categories.find((c) => c.key === key)?.label ?? key;
  switch (event.type) {
    case "case-opened":
      return `Case opened for ${event.school.name}`;
    case "school-changed":
      return `School changed from URN ${event.previousUrn} to ${event.school.urn} (${event.school.name}): ${event.reason}`;
    case "officer-assigned":
      return la ? "Officer assigned" : undefined;
    case "assessment-recorded": {
      if (!canRead(assessmentSubject(facts))) return undefined;
      const suggested = event.assessment.suggested;
      return `Assessment recorded${suggested && view.mayReadCategory(suggested) ? `: suggests ${categoryLabel(suggested)}` : ""}`;
    }
    case "category-decided":
      return view.mayReadCategory(event.category)
        ? `Category decided: ${categoryLabel(event.category)}, from ${event.effectiveFrom}`
        : undefined;
    case "category-moderated":
      return la ? `Category decision ${event.outcome}${event.note ? `: ${event.note}` : ""}` : undefined;
    case "visit-scheduled":
      return canRead(visitSubject(facts, { visitType: event.visitType, status: "scheduled" }))
        ? `${policy.visitTypes.find((t) => t.key === event.visitType)?.label ?? "Visit"} scheduled for ${event.date}`
        : undefined;
    case "visit-rescheduled":
      return visitVisible(event.visitId) ? `${visitLabel(event.visitId)} moved to ${event.date}` : undefined;
    case "visit-cancelled":
      return visitVisible(event.visitId) ? `${visitLabel(event.visitId)} cancelled: ${event.reason}` : undefined;
    case "visit-recorded":
      return visitVisible(event.visitId)
        ? `${visitLabel(event.visitId)} recorded${la && event.concerns ? " (concerns about progress)" : ""}`
        : undefined;
    case "visit-report-published": {
      const visit = visitOf(event.visitId);
      return visit && canRead(visitReportSubject(facts, { visitType: visit.visitType, report: { published: true } }))
        ? `${visitLabel(event.visitId)} report published to the school`
        : undefined;
    }
    case "meeting-recorded":
      return canRead(meetingSubject("Meeting", facts, event.meeting))
        ? `${policy.meetingTypes.find((t) => t.key === event.meeting.meetingType)?.label ?? "Meeting"} held on ${event.meeting.date}`
        : undefined;
    case "letter-drafted":
      return la && letterVisible(event.letter.id) ? `${letterLabel(event.letter.id)} drafted` : undefined;
    case "letter-approved":
      return la && letterVisible(event.letterId) ? `${letterLabel(event.letterId)} approved` : undefined;
    case "letter-issued":
      return letterVisible(event.letterId)
        ? `${letterLabel(event.letterId)} issued${event.deadline ? `; respond by ${event.deadline}` : ""}`
        : undefined;
    case "letter-acknowledged":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)} acknowledged` : undefined;
    case "letter-actions-completed":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)}: actions complete` : undefined;
    case "letter-closed":
      return letterVisible(event.letterId)
        ? `${letterLabel(event.letterId)} ${event.outcome}: ${event.reason}`
        : undefined;
    case "stage-changed":
      if (!view.mayReadStage(event.stage)) return undefined;
      return `Moved to ${policy.escalation.stages.find((s) => s.key === event.stage)?.label ?? event.stage}${la && event.reason ? `: ${event.reason}` : ""}`;
    case "priority-added":
      return canRead(actionSubject(facts)) ? `Priority added: ${event.priority.title}` : undefined;
    case "action-added":
      return canRead(actionSubject(facts)) ? `Action added: ${event.action.text}` : undefined;
    case "action-updated":
      return canRead(actionSubject(facts))
        ? `Action updated${event.status ? `: ${event.status}` : ""}${event.note ? ` (${event.note})` : ""}`
        : undefined;
    case "policy-version-changed":
      return la ? "Moved to a new policy version" : undefined;
    case "case-closed":
      return `Case closed: ${event.reason}`;
  }
}
