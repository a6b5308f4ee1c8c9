// Letters the user may see, with names for ids and what the user may do to each now: its type's roles, the
// rules' conditions and (for approval) not their own draft.
import {
  formatLetterDate,
  letterResponseStatus,
  letterSubject,
  resolveRecipients,
  type CaseState,
} from "@steward/domain";
import { letterParameterFields, letterParameterSchema, type LetterType } from "@steward/policy-config";
import { answerText } from "@steward/policy-config/answer-text";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

type Letter = CaseState["letters"][number];
type LetterView = CaseView["letters"][number];

function letterActions(view: ViewContext, letter: Letter): LetterView["can"] {
  const type = view.policy.letterTypes.find((t) => t.key === letter.letterType);
  const record = letterSubject(view.facts, letter);
  const { may, holds } = view;
  return {
    approve:
      letter.status === "draft" &&
      Boolean(type?.approvalRequired) &&
      holds(type?.permissions.approve ?? []) &&
      letter.draftedBy !== view.options.user?.id &&
      may("approve", record),
    issue:
      (letter.status === "approved" || (letter.status === "draft" && !type?.approvalRequired)) &&
      holds(type?.permissions.issue ?? []) &&
      may("issue", record),
    acknowledge: letter.status === "issued" && may("acknowledge", record),
    withdraw: letter.status !== "withdrawn" && letter.status !== "removed" && may("withdraw", record),
  };
}

function presentLetter(view: ViewContext, l: Letter): LetterView {
  const { policy, nameOf } = view;
  const type = policy.letterTypes.find((t) => t.key === l.letterType);
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
    recipients: recipientsOf(view, l),
    ...(view.la && l.parameters && type ? { parameters: parametersOf(type, l.parameters) } : {}),
    ...(l.response
      ? { response: { ...l.response, status: letterResponseStatus(l.response, view.options.today) } }
      : {}),
    can: letterActions(view, l),
  };
}

/** The parameters as the officer filled them in (those the type declares): each with its title, a choice by its name, a date as a letter says it. */
function parametersOf(type: LetterType, parameters: Record<string, unknown>): NonNullable<LetterView["parameters"]> {
  const given = letterParameterFields(type).filter((field) => Object.hasOwn(parameters, field));
  return given.map((field) => {
    const value = parameters[field];
    const schema = letterParameterSchema(type, field) ?? {};
    const title = typeof schema.title === "string" ? schema.title : field;
    const names: unknown[] = Array.isArray(schema.enumNames) ? schema.enumNames : [];
    const choices: unknown[] = Array.isArray(schema.enum) ? schema.enum : [];
    const named: unknown = names[choices.indexOf(value)];
    const isDate = schema.format === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
    return { field, title, value: isDate ? formatLetterDate(value) : answerText(named ?? value) };
  });
}

/** Who a letter goes to: as resolved when it was drafted or issued; a letter from before then, by its type now. */
function recipientsOf(view: ViewContext, l: Letter): LetterView["recipients"] {
  const type = view.policy.letterTypes.find((t) => t.key === l.letterType);
  const recipients =
    l.recipients ?? (type ? resolveRecipients(view.policy, type, view.state.school, view.options.schoolData) : []);
  return recipients.map((r) => ({ name: r.name, copy: r.copy }));
}

export function presentLetters(view: ViewContext): CaseView["letters"] {
  return view.state.letters
    .filter((l) => view.canRead(letterSubject(view.facts, l)))
    .map((l) => presentLetter(view, l));
}
