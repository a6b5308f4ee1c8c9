import type { TenantTransaction } from "@steward/db";
import { getUserNames } from "@steward/db";
import { asSubject, getPermittedFields, getSuggestedTransitions, getVisitPlan, type CaseEvent, type CaseState, type Facts, type PolicyAbility } from "@steward/domain";
import type { Action, PolicyDocument, Subject } from "@steward/policy-config";
import { z } from "zod";

const CASE_FIELDS = ["schoolUrn", "category", "stage", "assignedOfficerId", "assessments", "stageHistory", "status"] as const;

const labelled = z.object({ key: z.string(), label: z.string() });

export const caseViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(["open", "closed"]),
  policyVersionId: z.string(),
  school: z.object({ urn: z.number(), name: z.string(), phase: z.string().optional(), governance: z.string(), trust: z.string().optional(), previousUrns: z.array(z.number()) }),
  category: z
    .object({ key: z.string(), label: z.string(), colour: z.string(), effectiveFrom: z.string(), rationale: z.string().optional(), moderation: z.string(), decidedBy: z.string().optional() })
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
      selections: z.array(z.object({ area: z.string(), descriptors: z.array(z.object({ category: z.string(), descriptor: z.string() })), evidence: z.string().optional() })),
    }),
  ),
  stageHistory: z.array(z.object({ stage: z.string(), label: z.string(), from: z.string(), reason: z.string().optional(), by: z.string() })),
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
  visitPlan: z.array(z.object({ visitType: labelled, label: z.string(), opens: z.string(), dueBy: z.string(), status: z.string(), metBy: z.string().optional(), basis: z.string() })),
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
    z.object({ id: z.string(), priority: z.string(), text: z.string(), owner: z.string(), due: z.string(), status: z.string(), notes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string() })) }),
  ),
  suggestedTransitions: z.array(z.object({ key: z.string(), label: z.string(), to: z.string(), requiresReason: z.boolean() })),
  timeline: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string(), summary: z.string() })),
  /** What the user may do to this case now (the procedures check again). */
  can: z.record(z.string(), z.boolean()),
});

export type CaseView = z.infer<typeof caseViewSchema>;

const label = (items: readonly { key: string; label: string }[], key: string | undefined) => ({ key: key ?? "", label: items.find((i) => i.key === key)?.label ?? key ?? "" });

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
  options: { audience: "la" | "school"; today: string; events?: readonly CaseEvent[]; schoolData?: Facts; user?: { id: string; grants: readonly { role: string }[] } },
): Promise<CaseView> {
  const userId = options.user?.id;
  const holds = (roles: readonly string[]) => Boolean(options.user?.grants.some((g) => roles.includes(g.role)));
  const a = ability.ability;
  const urn = state.school.urn;
  const can = (action: Action, subject: Subject, record: Record<string, unknown> = {}, field?: string) => a.can(action, asSubject(subject, { schoolUrn: urn, ...record }) as never, field);
  const caseRecord = { assignedOfficerId: state.assignedOfficerId, status: state.status };
  const fields = new Set(getPermittedFields(ability, "read", asSubject("Case", { schoolUrn: urn, ...caseRecord }), CASE_FIELDS));
  const categoryDef = policy.categories.find((c) => c.key === state.category?.key);
  const categoryVisible = fields.has("category") && (options.audience === "la" || Boolean(categoryDef?.visibleToSchool));
  const canRead = (subject: Subject, record: Record<string, unknown> = {}) => can("read", subject, record);

  const names = await getUserNames(trx, [
    state.assignedOfficerId ?? "",
    ...state.assessments.map((x) => x.recordedBy),
    ...state.stageHistory.map((s) => s.by),
    ...state.visits.flatMap((v) => (v.report ? [v.report.recordedBy] : [])),
    ...state.letters.flatMap((l) => [l.draftedBy, l.approvedBy ?? "", l.acknowledgedBy ?? ""]),
    ...(options.events ?? []).map((e) => e.actorId),
  ].filter((id) => /^[0-9a-f-]{36}$/i.test(id)));
  const nameOf = (id: string | undefined) => (id ? (names.get(id) ?? "Steward") : "");

  const visits = canRead("Visit")
    ? state.visits.map((v) => {
        const visitType = policy.visitTypes.find((t) => t.key === v.visitType);
        const report = v.report && canRead("VisitReport", { published: v.report.published }) ? v.report : undefined;
        return {
          id: v.id,
          visitType: label(policy.visitTypes, v.visitType),
          date: v.date,
          status: v.status,
          ...(v.term ? { term: v.term } : {}),
          agenda: v.agenda,
          ...(v.cancelledReason ? { cancelledReason: v.cancelledReason } : {}),
          ...(report ? { report: { ...report, recordedBy: nameOf(report.recordedBy), ...(visitType?.reportForm ? { form: visitType.reportForm } : {}) } } : {}),
          reportWithheld: Boolean(v.report) && !report,
        };
      })
    : [];

  const meetings = canRead("Meeting")
    ? state.meetings.filter((m) => canRead("Meeting", { meetingType: m.meetingType })).map((m) => {
        const type = policy.meetingTypes.find((t) => t.key === m.meetingType);
        return {
          id: m.id,
          meetingType: label(policy.meetingTypes, m.meetingType),
          date: m.date,
          attendees: m.attendees,
          ...(canRead("MeetingMinutes") ? { minutes: m.minutes } : {}),
          ...(canRead("MeetingKeyPoints") ? { keyPoints: m.keyPoints } : {}),
          progress: { key: m.progress, label: type?.progressJudgements.find((p) => p.key === m.progress)?.label ?? m.progress },
          strong: m.strong,
        };
      })
    : [];

  const letters = state.letters
    .filter((l) => canRead("Letter", { status: l.status }))
    .filter((l) => options.audience === "la" || Boolean(policy.letterTypes.find((t) => t.key === l.letterType)?.visibleToSchool))
    .map((l) => {
      const type = policy.letterTypes.find((t) => t.key === l.letterType);
      return {
        id: l.id,
        letterType: { ...label(policy.letterTypes, l.letterType), kind: type?.kind ?? "letter" },
        status: l.status,
        subject: l.subject,
        html: l.html,
        indicators: l.indicators.map((i) => ({ key: i.key, text: type?.indicators.find((x) => x.key === i.key)?.text ?? i.key, evidence: i.evidence })),
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
          approve: l.status === "draft" && Boolean(type?.approvalRequired) && holds(type!.permissions.approve) && l.draftedBy !== userId && can("approve", "Letter", { status: l.status }),
          issue: (l.status === "approved" || (l.status === "draft" && !type?.approvalRequired)) && holds(type?.permissions.issue ?? []) && can("issue", "Letter", { status: l.status }),
          acknowledge: l.status === "issued" && can("acknowledge", "Letter", { status: l.status }),
          withdraw: l.status !== "withdrawn" && l.status !== "removed" && can("withdraw", "Letter", { status: l.status }),
        },
      };
    });

  const plan = canRead("Visit") && categoryVisible ? getVisitPlan(state, policy, options.today) : [];
  const mayEscalate = can("escalate", "Case", caseRecord);

  return {
    id: state.id,
    version: state.version,
    status: state.status,
    policyVersionId: state.policyVersionId,
    school: { ...state.school, previousUrns: state.previousUrns },
    category:
      state.category && categoryVisible
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
    stage: fields.has("stage") && (options.audience === "la" || Boolean(policy.escalation.stages.find((s) => s.key === state.stage)?.visibleToSchool)) ? { ...label(policy.escalation.stages, state.stage), since: state.stageSince } : null,
    assignedOfficer: fields.has("assignedOfficerId") && state.assignedOfficerId ? { id: state.assignedOfficerId, name: nameOf(state.assignedOfficerId) } : null,
    assessments: canRead("Assessment")
      ? state.assessments.map((x) => ({ ...x, recordedBy: nameOf(x.recordedBy), ...(x.suggested ? { suggested: x.suggested } : {}) }))
      : [],
    stageHistory: fields.has("stage") && options.audience === "la" ? state.stageHistory.map((s) => ({ stage: s.stage, label: label(policy.escalation.stages, s.stage).label, from: s.from, ...(s.reason ? { reason: s.reason } : {}), by: nameOf(s.by) })) : [],
    visits,
    visitPlan: plan.map((s) => ({ visitType: label(policy.visitTypes, s.visitType), label: s.label, opens: s.opens, dueBy: s.dueBy, status: s.status, ...(s.metBy ? { metBy: s.metBy } : {}), basis: s.basis })),
    meetings,
    letters,
    priorities: canRead("Action") ? state.priorities : [],
    actions: canRead("Action") ? state.actions : [],
    suggestedTransitions: mayEscalate
      ? getSuggestedTransitions(state, policy, options.today, options.schoolData).map((t) => ({ key: t.key, label: t.label, to: t.to, requiresReason: Boolean(t.requiresReason) }))
      : [],
    timeline: (options.events ?? []).flatMap((event) => {
      const summary = describeEvent(event, policy, { canRead, categoryVisible, audience: options.audience, state });
      return summary ? [{ at: event.at, type: event.type, actor: nameOf(event.actorId), summary }] : [];
    }),
    can: {
      assign: can("assign", "Case", caseRecord),
      categorise: can("categorise", "Case", caseRecord),
      moderate: can("moderate", "Case", caseRecord),
      assess: can("create", "Assessment"),
      escalate: mayEscalate,
      scheduleVisit: can("schedule", "Visit", { status: "scheduled" }),
      recordVisit: can("record", "Visit", { status: "scheduled" }),
      publishReport: can("publish", "VisitReport", { published: false }),
      recordMeeting: can("record", "Meeting"),
      draftLetter: can("draft", "Letter", { status: "draft" }),
      approveLetter: can("approve", "Letter", { status: "draft" }),
      issueLetter: can("issue", "Letter", { status: "approved" }),
      acknowledgeLetter: can("acknowledge", "Letter", { status: "issued" }),
      withdrawLetter: can("withdraw", "Letter", { status: "issued" }),
      planActions: can("create", "Action"),
      updateActions: can("update", "Action"),
      changePolicyVersion: can("update", "Case", caseRecord),
    },
  };
}

/** One line of the timeline, or nothing when the user may not see what the event is about. */
function describeEvent(
  event: CaseEvent,
  policy: PolicyDocument,
  view: { canRead: (s: Subject, r?: Record<string, unknown>) => boolean; categoryVisible: boolean; audience: "la" | "school"; state: CaseState },
): string | undefined {
  const { canRead } = view;
  const la = view.audience === "la";
  const visitLabel = (id: string) => {
    const visit = view.state.visits.find((v) => v.id === id);
    return policy.visitTypes.find((t) => t.key === visit?.visitType)?.label ?? "Visit";
  };
  const letterOf = (id: string) => view.state.letters.find((l) => l.id === id);
  const letterLabel = (id: string) => policy.letterTypes.find((t) => t.key === letterOf(id)?.letterType)?.label ?? "Letter";
  const letterVisible = (id: string) => canRead("Letter", { status: letterOf(id)?.status });
  switch (event.type) {
    case "case-opened":
      return `Case opened for ${event.school.name}`;
    case "school-changed":
      return `School changed from URN ${event.previousUrn} to ${event.school.urn} (${event.school.name}): ${event.reason}`;
    case "officer-assigned":
      return la ? "Officer assigned" : undefined;
    case "assessment-recorded":
      return canRead("Assessment") ? `Assessment recorded${event.assessment.suggested ? `: suggests ${policy.categories.find((c) => c.key === event.assessment.suggested)?.label ?? event.assessment.suggested}` : ""}` : undefined;
    case "category-decided":
      return view.categoryVisible ? `Category decided: ${policy.categories.find((c) => c.key === event.category)?.label ?? event.category}, from ${event.effectiveFrom}` : undefined;
    case "category-moderated":
      return la ? `Category decision ${event.outcome}${event.note ? `: ${event.note}` : ""}` : undefined;
    case "visit-scheduled":
      return canRead("Visit") ? `${policy.visitTypes.find((t) => t.key === event.visitType)?.label ?? "Visit"} scheduled for ${event.date}` : undefined;
    case "visit-rescheduled":
      return canRead("Visit") ? `${visitLabel(event.visitId)} moved to ${event.date}` : undefined;
    case "visit-cancelled":
      return canRead("Visit") ? `${visitLabel(event.visitId)} cancelled: ${event.reason}` : undefined;
    case "visit-recorded":
      return canRead("Visit") ? `${visitLabel(event.visitId)} recorded${la && event.concerns ? " (concerns about progress)" : ""}` : undefined;
    case "visit-report-published":
      return canRead("VisitReport", { published: true }) ? `${visitLabel(event.visitId)} report published to the school` : undefined;
    case "meeting-recorded":
      return canRead("Meeting") ? `${policy.meetingTypes.find((t) => t.key === event.meeting.meetingType)?.label ?? "Meeting"} held on ${event.meeting.date}` : undefined;
    case "letter-drafted":
      return la && letterVisible(event.letter.id) ? `${letterLabel(event.letter.id)} drafted` : undefined;
    case "letter-approved":
      return la && letterVisible(event.letterId) ? `${letterLabel(event.letterId)} approved` : undefined;
    case "letter-issued":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)} issued${event.deadline ? `; respond by ${event.deadline}` : ""}` : undefined;
    case "letter-acknowledged":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)} acknowledged` : undefined;
    case "letter-actions-completed":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)}: actions complete` : undefined;
    case "letter-closed":
      return letterVisible(event.letterId) ? `${letterLabel(event.letterId)} ${event.outcome}: ${event.reason}` : undefined;
    case "stage-changed":
      if (!la && !policy.escalation.stages.find((s) => s.key === event.stage)?.visibleToSchool) return undefined;
      return `Moved to ${policy.escalation.stages.find((s) => s.key === event.stage)?.label ?? event.stage}${la && event.reason ? `: ${event.reason}` : ""}`;
    case "priority-added":
      return canRead("Action") ? `Priority added: ${event.priority.title}` : undefined;
    case "action-added":
      return canRead("Action") ? `Action added: ${event.action.text}` : undefined;
    case "action-updated":
      return canRead("Action") ? `Action updated${event.status ? `: ${event.status}` : ""}${event.note ? ` (${event.note})` : ""}` : undefined;
    case "policy-version-changed":
      return la ? "Moved to a new policy version" : undefined;
    case "case-closed":
      return `Case closed: ${event.reason}`;
  }
}
