/**
 * What of the policy applies to one school now: the one answer both the apps
 * (what they offer) and the engine's deciders (what they accept) go by. A
 * category, letter, visit or meeting type, form or stage limited by its
 * `applicability` is refused by `requireApplicable` and left out by
 * `applicableOptions` through the same predicate (`isApplicable`); a
 * transition is refused by `transitionRefusal` and offered only when it gives
 * no refusal.
 */
import type {
  Applicability,
  Category,
  FormDefinition,
  LetterType,
  MeetingType,
  PolicyDocument,
  Stage,
  Transition,
  VisitType,
} from "@steward/policy-config";

import { DomainError } from "../errors.ts";
import { isApplicable, type SchoolProfile } from "./applicability.ts";
import { evaluateRule, type Facts } from "./evaluate.ts";

type School = Pick<SchoolProfile, "governance" | "phase">;

/** Whether a part of the policy applies to the school: the predicate every offer and every check uses. */
export function applies(part: { applicability?: Applicability | undefined }, school: School): boolean {
  return isApplicable(part.applicability, school);
}

/**
 * Refuses (`not-applicable`, at `pointer`) a command naming a part of the
 * policy that does not apply to the school, in the policy's words when its
 * applicability has a note: "A Warning Notice does not apply to this school:
 * ...". `name` is the part as a sentence starts with it.
 */
export function requireApplicable(
  part: { applicability?: Applicability | undefined },
  name: string,
  school: School,
  pointer: string,
): void {
  if (applies(part, school)) return;
  const note = part.applicability?.note;
  throw new DomainError("not-applicable", `${name} does not apply to this school${note ? `: ${note}` : "."}`, pointer);
}

/** Whether a transition leads from a stage (its `from` names the stage, or `*`). */
export function leadsFrom(transition: { from: readonly string[] }, stage: string): boolean {
  return transition.from.includes("*") || transition.from.includes(stage);
}

/** Where a case stands when a transition is taken or offered. */
export interface TransitionContext {
  /** The case's stage now. */
  stage: string;
  school: School;
  /** The roles the actor holds, when known: a transition limited to roles is open only to them. */
  roles?: readonly string[] | undefined;
  /** The case's facts today, when known: a transition with a rule is open only while it holds. */
  facts?: Facts | undefined;
}

/** Why a command is refused: its code, a sentence and the field it is about. */
export interface Refusal {
  code: DomainError["code"];
  message: string;
  pointer?: string;
}

/**
 * Why a transition cannot be taken now, or undefined when it can: it must lead
 * from the case's stage to another, into a stage that applies to the school,
 * by one of its roles (when the actor's roles are known), and its rule must
 * hold (when the facts are known). The stage decider refuses with this; the
 * automatic, suggested and offered transitions are those it does not refuse.
 */
export function transitionRefusal(
  policy: PolicyDocument,
  transition: Transition,
  at: TransitionContext,
): Refusal | undefined {
  const target = policy.escalation.stages.find((s) => s.key === transition.to);
  const label = `"${transition.label}"`;
  if (transition.to === at.stage || !leadsFrom(transition, at.stage))
    return { code: "conflict", message: `${label} does not lead from this case's stage.`, pointer: "/transition" };
  // A stage the policy lacks does not stop it (an older version's key): the decider names the stage it moves to.
  if (target && !applies(target, at.school))
    return { code: "not-applicable", message: `${target.label} does not apply to this school.`, pointer: "/stage" };
  if (at.roles && transition.roles && !transition.roles.some((r) => at.roles?.includes(r)))
    return { code: "forbidden", message: `${label} is made by ${roleNames(policy, transition.roles)}.` };
  if (at.facts && transition.when && !evaluateRule(transition.when, at.facts))
    return {
      code: "conflict",
      message: `${label} does not apply yet: the policy's rule for it does not hold for this case.`,
      pointer: "/transition",
    };
  return undefined;
}

/** Roles as people say them: "a School Improvement Adviser or an LA senior officer". */
export function roleNames(policy: PolicyDocument, roles: readonly string[]): string {
  return roles.map((key) => policy.roles.find((r) => r.key === key)?.label ?? key).join(" or ");
}

/** What applies to a school now: what the apps offer, and exactly what the engine accepts. */
export interface ApplicableOptions {
  categories: Category[];
  letterTypes: LetterType[];
  visitTypes: VisitType[];
  meetingTypes: MeetingType[];
  forms: FormDefinition[];
  /** The stages the case may be moved to (every one that applies, but the one it is in). */
  stages: Stage[];
  /** The policy's manual and suggested transitions the case may take now (none without a case). */
  transitions: Transition[];
}

/**
 * The parts of the policy that apply to the school (each limited by its
 * `applicability`), and, given the case's stage (with the actor's roles and
 * the case's facts when known), the stages it may move to and the manual and
 * suggested transitions open to it. Automatic transitions are the engine's to
 * take, never offered.
 */
export function applicableOptions(
  policy: PolicyDocument,
  school: School,
  at?: Omit<TransitionContext, "school">,
): ApplicableOptions {
  const applying = <T extends { applicability?: Applicability | undefined }>(parts: readonly T[]) =>
    parts.filter((p) => applies(p, school));
  return {
    categories: applying(policy.categories),
    letterTypes: applying(policy.letterTypes),
    visitTypes: applying(policy.visitTypes),
    meetingTypes: applying(policy.meetingTypes),
    forms: applying(policy.forms),
    stages: applying(policy.escalation.stages).filter((s) => s.key !== at?.stage),
    transitions: at
      ? policy.escalation.transitions.filter(
          (t) => t.mode !== "automatic" && !transitionRefusal(policy, t, { ...at, school }),
        )
      : [],
  };
}
