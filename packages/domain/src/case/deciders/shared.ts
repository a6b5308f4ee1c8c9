/**
 * What every decider shares: the context a decision is made in, the table's
 * types, and the guards and policy look-ups more than one area needs. Deciders
 * read the date, the actor and the policy only through these, so each area's
 * module stays about its own commands.
 */
import {
  FormSchemaError,
  getFormValidator,
  type PolicyDocument,
  type SchoolAttributeRecord,
} from "@steward/policy-config";

import { toIsoDate, type IsoDate } from "../../calendar/dates.ts";
import { SchoolCalendar } from "../../calendar/school-calendar.ts";
import { DomainError } from "../../errors.ts";
import type { PolicyAbility, RoleGrant } from "../../permissions/ability.ts";
import { caseFactsOf, type CaseFacts, type PermissionTarget } from "../../permissions/subjects.ts";
import { requireApplicable, roleNames } from "../../rules/applicable.ts";
import type { Facts } from "../../rules/evaluate.ts";
import type { CaseCommand, CaseCommandType } from "../commands.ts";
import type { IndicatorReading } from "../data.ts";
import type { CaseEventData } from "../events.ts";
import { COMMAND_PERMISSIONS } from "../permissions.ts";
import type { CaseState } from "../state.ts";

/** Everything a decision may depend on, passed in: the engine reads no clock, id source or global. */
export interface DecideContext {
  policy: PolicyDocument;
  policyVersionId: string;
  actor: { id: string; grants: readonly RoleGrant[]; ability: PolicyAbility };
  /** The current instant. */
  now: Date;
  newId: () => string;
  /**
   * The school's attributes from the register as it is now (`school.district`,
   * ...): every permission the engine checks is on a record that carries them.
   */
  schoolAttributes: SchoolAttributeRecord;
  /** The school's own data from the register (`school.*`, `ofsted.*`) for triggers and rules. */
  schoolData?: Facts;
  /**
   * Every stored value of the policy's indicators for the school (its history,
   * any order): rules read the latest current one as `indicators.<key>`, and
   * measures over an indicator count them by their `asAt` date.
   */
  indicatorReadings?: readonly IndicatorReading[];
}

/** Each command by its type: `CommandOf<"schedule-visit">` is that command's shape. */
type CommandMap = { [C in CaseCommand as C["type"]]: C };
export type CommandOf<T extends CaseCommandType> = CommandMap[T];

/** Decides one type of command: the data of the events it causes, or a thrown DomainError. */
type Decider<T extends CaseCommandType> = (
  command: CommandOf<T>,
  state: CaseState | undefined,
  context: DecideContext,
) => CaseEventData[];

/** One decider per command type: a command without one does not compile. */
export type Deciders = { [T in CaseCommandType]: Decider<T> };

/** A command on a case that exists and is open, with what its decider needs to hand. */
export interface OpenCase {
  state: CaseState;
  context: DecideContext;
  policy: PolicyDocument;
  /** The case's facts for permission checks (school, officer, category, stage, status). */
  facts: CaseFacts;
}

// What applies to a school is decided in one place (rules/applicable.ts), for the deciders and the apps' options alike.
export { requireApplicable, roleNames };

/** Refuses a command: the engine's one way of saying no. */
export function fail(code: DomainError["code"], message: string, pointer?: string): never {
  throw new DomainError(code, message, pointer);
}

/** A text the command must give, trimmed; refused when blank. */
export function required(text: string | undefined, what: string, pointer: string): string {
  if (!text || text.trim() === "") fail("invalid", `Give ${what}.`, pointer);
  return text.trim();
}

/** An optional text, trimmed; blank reads as not given. */
export function optional(text: string | undefined): string | undefined {
  return text?.trim() || undefined;
}

/** Today's date, from the instant the context passes in (the engine reads no clock). */
export function today(context: DecideContext): IsoDate {
  return toIsoDate(context.now);
}

/**
 * Adapts a decider for a command on an existing case: every command but
 * `open-case` is refused when there is no case, or when it is closed.
 */
export function onOpenCase<C extends CaseCommand>(
  decide: (command: C, on: OpenCase) => CaseEventData[],
): (command: C, state: CaseState | undefined, context: DecideContext) => CaseEventData[] {
  return (command, state, context) => {
    if (!state) fail("not-found", "There is no such case.");
    if (state.status === "closed") fail("conflict", "This case is closed.");
    return decide(command, {
      state,
      context,
      policy: context.policy,
      facts: caseFactsOf(state, context.schoolAttributes),
    });
  };
}

/** Checks the command's permission (COMMAND_PERMISSIONS) on the record it acts on, built by the subject's one builder. */
export function authorise(context: DecideContext, commandType: CaseCommandType, target: PermissionTarget): void {
  const { action, subject } = COMMAND_PERMISSIONS[commandType];
  if (target.__caslSubjectType__ !== subject)
    throw new Error(`${commandType} is checked on ${subject}, not ${String(target.__caslSubjectType__)}.`);
  const { ability } = context.actor.ability;
  if (ability.can(action, target)) return;
  const rule = ability.relevantRuleFor(action, target);
  fail(
    "forbidden",
    rule?.inverted && rule.reason
      ? rule.reason
      : `Your roles do not allow you to ${action} ${subject === "Case" ? "this case" : subject}.`,
  );
}

/** Whether the actor holds one of the policy's roles named for a thing (a visit type's leaders, a letter's approvers). */
export function holdsOneOf(context: DecideContext, roles: readonly string[]): boolean {
  return context.actor.grants.some((g) => roles.includes(g.role));
}

/** The policy's school calendar, built once per policy version. */
export function calendarOf(policy: PolicyDocument): SchoolCalendar {
  return SchoolCalendar.of(policy.calendar);
}

/** A form's compiled validator (compiled once per policy version and form, in policy-config); a schema it cannot use refuses the command. */
export function formValidator(policy: PolicyDocument, formKey: string) {
  try {
    return getFormValidator(policy, formKey);
  } catch (error) {
    if (error instanceof FormSchemaError) fail("conflict", error.message);
    throw error;
  }
}
