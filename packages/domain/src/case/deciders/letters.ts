/**
 * Letters and notices: drafting one from its type's template, a second
 * officer's approval, issue (with its deadline, review date and any stage it
 * moves the case to), the school's acknowledgement, its actions completed, and
 * its withdrawal or removal.
 */
import type { LetterType } from "@steward/policy-config";

import { letterSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import { buildLetterContext, renderLetter } from "../letters.ts";
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
  const letter = {
    id: context.newId(),
    indicators: command.indicators,
    actions: command.actions ?? [],
    notes: command.notes?.trim() ?? "",
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
  const calendar = calendarOf(policy);
  const within = letterType.deadline?.within;
  const deadline = within ? calendar.addPeriod(issuedOn, within) : undefined;
  const reviewDate = letterType.reviewAfter ? calendar.addPeriod(issuedOn, letterType.reviewAfter) : undefined;
  const { subject, html } = renderLetter(
    letterType,
    buildLetterContext(policy, state, letterType, letter, { issuedOn, deadline, reviewDate }, command.people),
  );
  const events: CaseEventData[] = [
    { type: "letter-issued", letterId: letter.id, issuedOn, deadline, reviewDate, subject, html },
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

export const letterDeciders: Pick<
  Deciders,
  "draft-letter" | "approve-letter" | "issue-letter" | "acknowledge-letter" | "complete-letter-actions" | "close-letter"
> = {
  "draft-letter": onOpenCase(draftLetter),
  "approve-letter": onOpenCase(approveLetter),
  "issue-letter": onOpenCase(issueLetter),
  "acknowledge-letter": onOpenCase(acknowledgeLetter),
  "complete-letter-actions": onOpenCase(completeLetterActions),
  "close-letter": onOpenCase(closeLetter),
};
