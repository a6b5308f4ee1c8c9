/**
 * Letters and notices: drafting one from its type's template (with the
 * parameters the officer fills in, and the recipients whose rule holds for
 * the school), a second officer's approval, issue (with its deadline, from a
 * period or a parameter, review date, the response it asks for and any stage
 * it moves the case to), the school's acknowledgement and its response, its
 * actions completed, and its withdrawal or removal.
 */
import {
  describeAjvError,
  FormSchemaError,
  getLetterParametersValidator,
  letterParameterFields,
  letterParameterSchema,
  type LetterType,
  type PolicyDocument,
} from "@steward/policy-config";

import type { IsoDate } from "../../calendar/dates.ts";
import { formResponseSubject, letterSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import { getCaseFacts } from "../facts.ts";
import { buildLetterContext, formatLetterDate, renderLetter, resolveRecipients } from "../letters.ts";
import type { LetterRecord } from "../state.ts";
import {
  authorise,
  calendarOf,
  fail,
  holdsOneOf,
  onOpenCase,
  requireApplicable,
  required,
  roleNames,
  today,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/** A parameter's name as the officer sees it: its schema's title, else its key. */
function parameterTitle(letterType: LetterType, field: string): string {
  const title = letterParameterSchema(letterType, field)?.title;
  return typeof title === "string" ? title : field;
}

/**
 * The parameters meet the type's schema (compiled once per policy version,
 * with the one Ajv set-up): refused with the first problem at its field under
 * `/parameters`. A type with no parameters takes none.
 */
function checkParameters(policy: PolicyDocument, letterType: LetterType, parameters: Record<string, unknown>): void {
  let validate;
  try {
    validate = getLetterParametersValidator(policy, letterType.key);
  } catch (error) {
    if (error instanceof FormSchemaError) fail("conflict", error.message);
    throw error;
  }
  if (!validate) {
    const [given] = Object.keys(parameters);
    if (given !== undefined)
      fail("invalid", `A ${letterType.label} has no parameters to fill in ("${given}").`, `/parameters/${given}`);
    return;
  }
  const declared = letterParameterFields(letterType);
  const undeclared = Object.keys(parameters).find((field) => !declared.includes(field));
  if (undeclared !== undefined)
    fail(
      "invalid",
      `"${undeclared}" is not one of a ${letterType.label}'s details: fill in ${declared.join(", ")}.`,
      `/parameters/${undeclared}`,
    );
  if (validate(parameters)) return;
  const [first] = validate.errors ?? [];
  const { pointer, message } = first ? describeAjvError(first) : { pointer: "", message: "Is not valid." };
  const field = pointer.split("/")[1];
  const where = field ? ` (${parameterTitle(letterType, field)})` : "";
  fail("invalid", `The ${letterType.label}'s details are not complete${where}: ${message}`, `/parameters${pointer}`);
}

/** The indicators cited are the type's, and at least as many as it asks for. */
function checkIndicators(command: CommandOf<"draft-letter">, letterType: LetterType): void {
  for (const [i, indicator] of command.indicators.entries()) {
    if (!letterType.indicators.some((x) => x.key === indicator.key))
      fail("invalid", `"${indicator.key}" is not an indicator of a ${letterType.label}.`, `/indicators/${i}/key`);
  }
  const minimum = letterType.minimumIndicators;
  if (command.indicators.length < minimum) {
    fail(
      "invalid",
      `A ${letterType.label} needs at least ${minimum} indicator${minimum === 1 ? "" : "s"} that apply, with evidence.`,
      "/indicators",
    );
  }
}

function draftLetter(command: CommandOf<"draft-letter">, { state, context, policy, facts }: OpenCase): CaseEventData[] {
  const letterType = policy.letterTypes.find((l) => l.key === command.letterType);
  if (!letterType) fail("invalid", `There is no letter type "${command.letterType}" in this policy.`, "/letterType");
  authorise(context, command.type, letterSubject(facts, { letterType: letterType.key, status: "draft" }));
  if (!holdsOneOf(context, letterType.permissions.draft))
    fail("forbidden", `A ${letterType.label} is drafted by ${roleNames(policy, letterType.permissions.draft)}.`);
  requireApplicable(letterType, `A ${letterType.label}`, state.school, "/letterType");
  checkIndicators(command, letterType);
  const parameters = command.parameters ?? {};
  checkParameters(policy, letterType, parameters);
  const letter = {
    id: context.newId(),
    indicators: command.indicators,
    actions: command.actions ?? [],
    notes: command.notes?.trim() ?? "",
    ...(letterType.parameters ? { parameters } : {}),
    recipients: resolveRecipients(policy, letterType, state.school, recipientFacts({ state, context, policy })),
    people: command.people,
  };
  const { subject, html } = renderLetter(
    letterType,
    buildLetterContext(policy, state, letterType, letter, { issuedOn: today(context) }, command.people),
  );
  return [{ type: "letter-drafted", letter: { ...letter, letterType: letterType.key, subject, html } }];
}

type LetterCommand = CommandOf<
  "approve-letter" | "issue-letter" | "acknowledge-letter" | "complete-letter-actions" | "close-letter"
>;

/**
 * A letter's deadline on the day of issue: its type's period after issue, or
 * what the officer set in a parameter (a whole number of `unit` from the day
 * of issue, or the date itself, which may not be before it).
 */
function deadlineOf(
  on: OpenCase,
  letterType: LetterType,
  letter: LetterRecord,
  issuedOn: IsoDate,
): IsoDate | undefined {
  const { deadline } = letterType;
  const calendar = calendarOf(on.policy);
  if (deadline?.within) return calendar.addPeriod(issuedOn, deadline.within);
  const from = deadline?.fromParameter;
  if (!from) return undefined;
  const value = letter.parameters?.[from.field];
  const title = parameterTitle(letterType, from.field);
  const pointer = `/parameters/${from.field}`;
  if (typeof value === "number" && from.unit) return calendar.addPeriod(issuedOn, { amount: value, unit: from.unit });
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (value < issuedOn)
      fail(
        "invalid",
        `The ${letterType.label}'s ${title} is ${formatLetterDate(value)}, before today, the day it would be issued: withdraw it and draft it again with a later date.`,
        pointer,
      );
    return value;
  }
  fail(
    "invalid",
    `The ${letterType.label} sets its deadline from "${title}", which this draft does not give.`,
    pointer,
  );
}

/** The letter a command acts on and its type, once the actor may act on it. */
function letterFor(command: LetterCommand, on: OpenCase): { letter: LetterRecord; letterType: LetterType } {
  const letter = on.state.letters.find((l) => l.id === command.letterId);
  if (!letter) fail("not-found", "There is no such letter on this case.", "/letterId");
  const letterType = on.policy.letterTypes.find((l) => l.key === letter.letterType);
  if (!letterType) fail("conflict", "This letter's type is not in the case's policy version.");
  authorise(on.context, command.type, letterSubject(on.facts, letter));
  return { letter, letterType };
}

function approveLetter(command: CommandOf<"approve-letter">, on: OpenCase): CaseEventData[] {
  const { letter, letterType } = letterFor(command, on);
  if (letter.status !== "draft") fail("conflict", `This letter is ${letter.status}: only a draft is approved.`);
  if (!holdsOneOf(on.context, letterType.permissions.approve))
    fail(
      "forbidden",
      `A ${letterType.label} is approved by ${roleNames(on.policy, letterType.permissions.approve) || "nobody: it needs no approval"}.`,
    );
  if (letter.draftedBy === on.context.actor.id)
    fail("forbidden", "A second officer approves a letter: you drafted this one.");
  return [{ type: "letter-approved", letterId: letter.id }];
}

/** A letter is ready to issue once approved, or as a draft when its type needs no approval. */
function checkReadyToIssue(letter: LetterRecord, letterType: LetterType): void {
  const ready = letterType.approvalRequired
    ? letter.status === "approved"
    : letter.status === "draft" || letter.status === "approved";
  if (ready) return;
  fail(
    "conflict",
    letterType.approvalRequired && letter.status === "draft"
      ? `A ${letterType.label} must be approved before it is issued.`
      : `This letter is ${letter.status}.`,
  );
}

function issueLetter(command: CommandOf<"issue-letter">, on: OpenCase): CaseEventData[] {
  const { state, context, policy } = on;
  const { letter, letterType } = letterFor(command, on);
  if (!holdsOneOf(context, letterType.permissions.issue))
    fail("forbidden", `A ${letterType.label} is issued by ${roleNames(policy, letterType.permissions.issue)}.`);
  checkReadyToIssue(letter, letterType);
  const issuedOn = today(context);
  const deadline = deadlineOf(on, letterType, letter, issuedOn);
  const reviewDate = letterType.reviewAfter
    ? calendarOf(policy).addPeriod(issuedOn, letterType.reviewAfter)
    : undefined;
  const recipients = resolveRecipients(policy, letterType, state.school, recipientFacts(on));
  const { subject, html } = renderLetter(
    letterType,
    buildLetterContext(
      policy,
      state,
      letterType,
      { ...letter, recipients },
      { issuedOn, deadline, reviewDate },
      // The addressee and signatory the draft was written for; the day's people only for a letter drafted before
      // drafts kept theirs.
      letter.people ?? command.people,
    ),
  );
  const { responseForm } = letterType;
  const response =
    responseForm && deadline ? { form: responseForm.form, label: responseForm.label, due: deadline } : undefined;
  const events: CaseEventData[] = [
    {
      type: "letter-issued",
      letterId: letter.id,
      issuedOn,
      deadline,
      reviewDate,
      subject,
      html,
      recipients,
      ...(response ? { response } : {}),
    },
  ];
  const stage = letterType.effect?.stage;
  if (stage && stage !== state.stage)
    events.push({ type: "stage-changed", stage, reason: `${letterType.label} issued`, transition: undefined });
  return events;
}

function acknowledgeLetter(command: CommandOf<"acknowledge-letter">, on: OpenCase): CaseEventData[] {
  const { letter } = letterFor(command, on);
  if (letter.status !== "issued")
    fail(
      "conflict",
      letter.status === "acknowledged"
        ? "This letter has already been acknowledged."
        : `This letter is ${letter.status}: only an issued letter is acknowledged.`,
    );
  return [{ type: "letter-acknowledged", letterId: letter.id }];
}

function completeLetterActions(command: CommandOf<"complete-letter-actions">, on: OpenCase): CaseEventData[] {
  const { letter } = letterFor(command, on);
  if (letter.status !== "issued" && letter.status !== "acknowledged")
    fail("conflict", "Only a letter in force has actions to complete.");
  if (letter.actionsComplete) fail("conflict", "Its actions are already complete.");
  return [{ type: "letter-actions-completed", letterId: letter.id }];
}

function closeLetter(command: CommandOf<"close-letter">, on: OpenCase): CaseEventData[] {
  const { letter, letterType } = letterFor(command, on);
  const removing = command.outcome === "removed";
  const reason = required(
    command.reason,
    `a reason for ${removing ? "removing" : "withdrawing"} the letter`,
    "/reason",
  );
  if (letter.status === "withdrawn" || letter.status === "removed")
    fail("conflict", `This letter is already ${letter.status}.`);
  if (removing && letter.status !== "issued" && letter.status !== "acknowledged")
    fail("conflict", "Only a letter in force can be removed; withdraw a draft instead.");
  if (removing && !letterType.removal?.allowed)
    fail("not-applicable", `A ${letterType.label} is not removed: withdraw it instead.`);
  return [{ type: "letter-closed", letterId: letter.id, outcome: command.outcome, reason }];
}

/** What a recipient's `when` reads: the school's facts and its current indicator values, as a trigger would. */
function recipientFacts({ state, policy, context }: Pick<OpenCase, "state" | "policy" | "context">) {
  return getCaseFacts(state, policy, today(context), context.schoolData, context.indicatorReadings ?? []);
}

/** The school's submitted form is the response an issued letter awaits on that form. */
function recordLetterResponse(command: CommandOf<"record-letter-response">, on: OpenCase): CaseEventData[] {
  const letter = on.state.letters.find((l) => l.id === command.letterId);
  if (!letter) fail("not-found", "There is no such letter on this case.", "/letterId");
  authorise(
    on.context,
    command.type,
    formResponseSubject({
      schoolUrn: on.state.school.urn,
      school: on.context.schoolAttributes,
      formKey: command.form,
      status: "draft",
    }),
  );
  if (letter.status !== "issued" && letter.status !== "acknowledged")
    fail("conflict", `This letter is ${letter.status}: only a letter in force awaits a response.`);
  if (letter.response?.form !== command.form) fail("conflict", "This letter does not ask for that form.", "/form");
  if (letter.response.status === "received") fail("conflict", "This letter's response has already been received.");
  return [
    {
      type: "letter-response-received",
      letterId: letter.id,
      responseId: command.responseId,
      receivedOn: today(on.context),
    },
  ];
}

export const letterDeciders: Pick<
  Deciders,
  | "draft-letter"
  | "approve-letter"
  | "issue-letter"
  | "acknowledge-letter"
  | "complete-letter-actions"
  | "close-letter"
  | "record-letter-response"
> = {
  "draft-letter": onOpenCase(draftLetter),
  "approve-letter": onOpenCase(approveLetter),
  "issue-letter": onOpenCase(issueLetter),
  "acknowledge-letter": onOpenCase(acknowledgeLetter),
  "complete-letter-actions": onOpenCase(completeLetterActions),
  "close-letter": onOpenCase(closeLetter),
  "record-letter-response": onOpenCase(recordLetterResponse),
};
