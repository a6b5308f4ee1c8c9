import {
  letterParameterFields,
  letterParameterSchema,
  renderTemplate,
  TemplateError,
  type LetterType,
  type PolicyDocument,
} from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { DomainError } from "../errors.ts";
import { evaluateRule, setFact, type Facts } from "../rules/evaluate.ts";
import type { CaseState, LetterRecipient, LetterResponse } from "./state.ts";

export interface LetterContext {
  authority: { name: string };
  school: {
    name: string;
    urn: number;
    address?: string;
    headteacher?: string;
    chairOfGovernors?: string;
    trust?: string;
  };
  case: { category: string; stage: string };
  officer: { name: string; jobTitle?: string; email?: string };
  letter: { type: string; date: string; reference: string; deadline?: string; reviewDate?: string; notes?: string };
  recipient: { name: string; role: string };
  indicators: { text: string; evidence: string }[];
  actions: { text: string; due: string }[];
  /** The copies it goes to, after their rules. */
  copies: { name: string }[];
  /** What the drafting officer filled in (a date parameter as a letter says it). */
  parameters: Record<string, unknown>;
}

/** A date as a letter says it: 14 March 2027. */
export function formatLetterDate(date: IsoDate): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/**
 * Renders a letter's subject and body from its type's templates, with the
 * policy's one Liquid set-up (`renderTemplate` in policy-config: every merged
 * value HTML-escaped, no files, no raw, limits on time and memory). A template
 * the policy validator would refuse, or one that runs too long or makes too
 * much text, is refused with a sentence and nothing is rendered.
 */
export function renderLetter(letterType: LetterType, context: LetterContext): { subject: string; html: string } {
  const render = (part: "subject" | "body") => {
    try {
      // The subject is plain text (shown as text everywhere); the body is HTML, every merged value escaped.
      return renderTemplate(
        letterType.template[part],
        context,
        { parameters: letterParameterFields(letterType) },
        part === "subject" ? "text" : "html",
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      throw new DomainError(
        "invalid",
        `The ${letterType.label} cannot be written from its ${part} template. ${error.message}`,
      );
    }
  };
  return { subject: render("subject"), html: render("body") };
}

export interface LetterPeople {
  officer: LetterContext["officer"];
  recipient: LetterContext["recipient"];
  school?: Partial<LetterContext["school"]>;
}

/** The merge fields for a letter on a case. */
export function buildLetterContext(
  policy: PolicyDocument,
  state: CaseState,
  letterType: LetterType,
  letter: {
    id: string;
    indicators: { key: string; evidence: string }[];
    actions: { text: string; due: IsoDate }[];
    notes: string;
    parameters?: Record<string, unknown> | undefined;
    recipients?: readonly LetterRecipient[] | undefined;
  },
  dates: { issuedOn: IsoDate; deadline?: IsoDate | undefined; reviewDate?: IsoDate | undefined },
  people: LetterPeople,
): LetterContext {
  const category = policy.categories.find((c) => c.key === state.category?.key)?.label ?? "Not yet categorised";
  const stage = policy.escalation.stages.find((s) => s.key === state.stage)?.label ?? state.stage;
  return {
    authority: { name: policy.authority.name },
    school: {
      name: state.school.name,
      urn: state.school.urn,
      ...(state.school.trust ? { trust: state.school.trust } : {}),
      ...people.school,
    },
    case: { category, stage },
    officer: people.officer,
    letter: {
      type: letterType.label,
      date: formatLetterDate(dates.issuedOn),
      reference: `${policy.authority.laCode}/${state.school.urn}/${letter.id.slice(0, 8).toUpperCase()}`,
      ...(dates.deadline ? { deadline: formatLetterDate(dates.deadline) } : {}),
      ...(dates.reviewDate ? { reviewDate: formatLetterDate(dates.reviewDate) } : {}),
      ...(letter.notes ? { notes: letter.notes } : {}),
    },
    recipient: people.recipient,
    indicators: letter.indicators.map((i) => ({
      text: letterType.indicators.find((x) => x.key === i.key)?.text ?? i.key,
      evidence: i.evidence,
    })),
    actions: letter.actions.map((a) => ({ text: a.text, due: formatLetterDate(a.due) })),
    copies: (letter.recipients ?? []).filter((r) => r.copy).map((r) => ({ name: r.name })),
    parameters: mergedParameters(letterType, letter.parameters ?? {}),
  };
}

/** The parameters as a letter says them: a date field (`format: date`) written 15 December 2026. */
function mergedParameters(letterType: LetterType, parameters: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(parameters).map(([field, value]) => {
      const schema = letterParameterSchema(letterType, field);
      const isDate = schema?.format === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);
      return [field, isDate ? formatLetterDate(value) : value];
    }),
  );
}

/**
 * Who a letter goes to: its type's recipients whose rule (`when`) holds over
 * the school's facts (`school.*`, `ofsted.*`: the register's data and the
 * school's profile on the case), each named by its label or its role's.
 */
export function resolveRecipients(
  policy: PolicyDocument,
  letterType: LetterType,
  school: CaseState["school"],
  schoolData: Facts = {},
): LetterRecipient[] {
  const facts: Facts = structuredClone(schoolData);
  setFact(facts, "school.governance", school.governance);
  setFact(facts, "school.phase", school.phase ?? null);
  setFact(facts, "school.urn", school.urn);
  return letterType.recipients
    .filter((r) => r.when === undefined || evaluateRule(r.when, facts))
    .map((r) => ({
      name: r.label ?? policy.roles.find((role) => role.key === r.role)?.label ?? r.role ?? "",
      ...(r.role ? { role: r.role } : {}),
      copy: r.copy,
    }));
}

/** Whether a letter's response is awaited, received, or overdue: awaited after its due date. */
export function letterResponseStatus(response: LetterResponse, today: IsoDate): "awaited" | "received" | "overdue" {
  if (response.status === "received") return "received";
  return response.due < today ? "overdue" : "awaited";
}

/** The letter in force that awaits the school's response on this form (the one due first), if any. */
export function letterAwaitingResponse(state: CaseState, form: string): CaseState["letters"][number] | undefined {
  return state.letters
    .filter(
      (l) =>
        (l.status === "issued" || l.status === "acknowledged") &&
        l.response?.form === form &&
        l.response.status === "awaited",
    )
    .sort((a, b) => (a.response?.due ?? "").localeCompare(b.response?.due ?? ""))[0];
}
