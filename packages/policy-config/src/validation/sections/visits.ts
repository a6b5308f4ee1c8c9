/**
 * Visit types and meeting types: who attends and leads (roles of the policy;
 * leaders from the LA), agendas for real terms and once per term, and the
 * forms they use (existing, and of the right purpose).
 */
import type { FormDefinition, PolicyDocument, VisitType } from "../../schema/policy.ts";
import { checkParticipant, keysOf, mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";

function checkAgendas(visit: VisitType, path: Path, ctx: SemanticsContext): void {
  const agendaTerms = new Set<string>();
  visit.agendas.forEach((agenda, a) => {
    if (agenda.term !== "any" && !ctx.keys.terms.has(agenda.term)) {
      ctx.report(
        [...path, "agendas", a, "term"],
        `There is no term "${agenda.term}" in the calendar. Use one of: ${[...ctx.keys.terms].join(", ")}, or any.`,
        "reference.unknown",
      );
    }
    if (agendaTerms.has(agenda.term))
      ctx.report([...path, "agendas", a, "term"], `There is already an agenda for ${agenda.term}.`, "agenda.duplicate");
    agendaTerms.add(agenda.term);
    keysOf(ctx.report, agenda.items, [...path, "agendas", a, "items"], "agenda item");
  });
}

const VISIT_FORMS = [
  ["reportForm", "visit-report"],
  ["preVisitForm", "pre-visit-return"],
] as const;

function checkVisitForms(
  formsByKey: Map<string, FormDefinition>,
  visit: VisitType,
  path: Path,
  ctx: SemanticsContext,
): void {
  for (const [field, purpose] of VISIT_FORMS) {
    const key = visit[field];
    mustExist(ctx, ctx.keys.forms, key, [...path, field], "form", "Forms");
    const form = key ? formsByKey.get(key) : undefined;
    if (form && form.purpose !== purpose) {
      ctx.report(
        [...path, field],
        `The form "${key}" is a ${form.purpose} form, not a ${purpose} form.`,
        "form.purpose",
        "warning",
      );
    }
  }
}

export function checkVisitTypes(policy: PolicyDocument, ctx: SemanticsContext): void {
  // The last form of a key wins, as a reader of the policy would find it.
  const formsByKey = new Map(policy.forms.map((f) => [f.key, f] as const));
  policy.visitTypes.forEach((visit, v) => {
    const path: Path = ["visitTypes", v];
    visit.attendees.forEach((p, i) => checkParticipant(ctx, p, [...path, "attendees", i]));
    visit.ledBy.forEach((role, i) => mustBeLaRole(ctx, role, [...path, "ledBy", i]));
    checkAgendas(visit, path, ctx);
    checkVisitForms(formsByKey, visit, path, ctx);
  });
}

export function checkMeetingTypes(policy: PolicyDocument, ctx: SemanticsContext): void {
  policy.meetingTypes.forEach((meeting, m) => {
    const path: Path = ["meetingTypes", m];
    if (meeting.chair) checkParticipant(ctx, meeting.chair, [...path, "chair"]);
    meeting.attendees.forEach((p, i) => checkParticipant(ctx, p, [...path, "attendees", i]));
    meeting.sharing.forEach((share, s) =>
      share.with.forEach((p, i) => checkParticipant(ctx, p, [...path, "sharing", s, "with", i])),
    );
    mustExist(ctx, ctx.keys.forms, meeting.minutesForm, [...path, "minutesForm"], "form", "Forms");
    keysOf(ctx.report, meeting.progressJudgements, [...path, "progressJudgements"], "progress judgement");
  });
}
