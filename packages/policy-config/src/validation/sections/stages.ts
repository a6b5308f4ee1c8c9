/**
 * Escalation: the initial stage exists, stage orders are distinct, transitions
 * lead between real stages (never to themselves) with LA roles and a rule when
 * not manual, every stage can be reached by a transition or a letter, and each
 * stage's follow-ups have their own keys, name the one thing their kind needs
 * (a real visit, letter or meeting type, people to tell) and nothing else, and
 * LA roles.
 */
import type { FollowUp, PolicyDocument, Stage, Transition } from "../../schema/policy.ts";
import {
  checkParticipant,
  keysOf,
  mustBeLaRole,
  mustExist,
  nameOf,
  type Path,
  type SemanticsContext,
} from "./context.ts";
import { checkRule } from "./rules.ts";

const STAGES_SECTION = "Escalation › Stages";

function checkStageOrders(policy: PolicyDocument, ctx: SemanticsContext): void {
  const orders = new Map<number, number>();
  policy.escalation.stages.forEach((stage, s) => {
    const clash = orders.get(stage.order);
    if (clash !== undefined)
      ctx.report(
        ["escalation", "stages", s, "order"],
        `Order ${stage.order} is also that of ${nameOf(policy.escalation.stages[clash], "stage", clash)}: each stage needs its own.`,
        "stage.order",
      );
    orders.set(stage.order, s);
  });
}

function checkTransition(transition: Transition, path: Path, ctx: SemanticsContext): void {
  transition.from.forEach((from, i) => {
    if (from !== "*") mustExist(ctx, ctx.keys.stages, from, [...path, "from", i], "stage", STAGES_SECTION);
    if (from === transition.to)
      ctx.report([...path, "from", i], "A transition cannot lead from a stage to itself.", "transition.loop");
  });
  mustExist(ctx, ctx.keys.stages, transition.to, [...path, "to"], "stage", STAGES_SECTION);
  transition.roles?.forEach((role, i) => mustBeLaRole(ctx, role, [...path, "roles", i]));
  if (transition.mode !== "manual" && !transition.when) {
    ctx.report(
      [...path, "when"],
      `${transition.mode === "automatic" ? "An automatic" : "A suggested"} transition needs a rule saying when it applies.`,
      "transition.rule",
    );
  }
  if (transition.when) {
    checkRule(transition.when, [...path, "when"], ctx);
  }
}

/** The stages a case can reach from the initial stage through transitions. */
function reachableStages(policy: PolicyDocument): Set<string> {
  const reachable = new Set([policy.escalation.initialStage]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of policy.escalation.transitions) {
      if (!reachable.has(t.to) && t.from.some((f) => f === "*" || reachable.has(f))) {
        reachable.add(t.to);
        grew = true;
      }
    }
  }
  return reachable;
}

function checkReachableStages(policy: PolicyDocument, ctx: SemanticsContext): void {
  const reachable = reachableStages(policy);
  const setByLetters = new Set(policy.letterTypes.map((l) => l.effect?.stage).filter((s): s is string => Boolean(s)));
  policy.escalation.stages.forEach((stage, s) => {
    if (!reachable.has(stage.key) && !setByLetters.has(stage.key)) {
      ctx.report(
        ["escalation", "stages", s],
        `No transition or letter leads to ${stage.label}: a case can never reach it.`,
        "stage.unreachable",
        "warning",
      );
    }
  });
}

/** The field each kind of follow-up names, with what it is in words; `task` names none. */
const FOLLOW_UP_FIELDS = {
  visit: { field: "visitType", noun: "the type of visit to schedule" },
  letter: { field: "letterType", noun: "the type of letter to draft" },
  meeting: { field: "meetingType", noun: "the type of meeting to hold" },
  notify: { field: "notify", noun: "whom to tell" },
  task: undefined,
} as const satisfies Record<FollowUp["kind"], { field: keyof FollowUp; noun: string } | undefined>;

const KIND_FIELDS = ["visitType", "letterType", "meetingType", "notify"] as const;

function checkFollowUpKind(followUp: FollowUp, path: Path, ctx: SemanticsContext): void {
  const needs = FOLLOW_UP_FIELDS[followUp.kind];
  if (needs && followUp[needs.field] === undefined)
    ctx.report(path, `A ${followUp.kind} follow-up needs "${needs.field}": ${needs.noun}.`, "followUp.missing");
  for (const field of KIND_FIELDS)
    if (field !== needs?.field && followUp[field] !== undefined)
      ctx.report(
        [...path, field],
        `A ${followUp.kind} follow-up has no "${field}": ${needs ? `it names only "${needs.field}"` : "a task names no visit, letter, meeting or people"}.`,
        "followUp.field",
      );
}

function checkFollowUp(followUp: FollowUp, path: Path, ctx: SemanticsContext): void {
  checkFollowUpKind(followUp, path, ctx);
  mustExist(ctx, ctx.keys.visitTypes, followUp.visitType, [...path, "visitType"], "visit type", "Visit types");
  mustExist(ctx, ctx.keys.letterTypes, followUp.letterType, [...path, "letterType"], "letter type", "Letter types");
  mustExist(
    ctx,
    ctx.keys.meetingTypes,
    followUp.meetingType,
    [...path, "meetingType"],
    "meeting type",
    "Meeting types",
  );
  followUp.notify?.forEach((p, i) => checkParticipant(ctx, p, [...path, "notify", i]));
  followUp.roles?.forEach((role, i) => mustBeLaRole(ctx, role, [...path, "roles", i]));
}

function checkFollowUps(stage: Stage, path: Path, ctx: SemanticsContext): void {
  if (!stage.followUps) return;
  keysOf(ctx.report, stage.followUps, [...path, "followUps"], "follow-up");
  stage.followUps.forEach((followUp, f) => checkFollowUp(followUp, [...path, "followUps", f], ctx));
}

export function checkEscalation(policy: PolicyDocument, ctx: SemanticsContext): void {
  mustExist(
    ctx,
    ctx.keys.stages,
    policy.escalation.initialStage,
    ["escalation", "initialStage"],
    "stage",
    STAGES_SECTION,
  );
  checkStageOrders(policy, ctx);
  policy.escalation.stages.forEach((stage, s) => checkFollowUps(stage, ["escalation", "stages", s], ctx));
  policy.escalation.transitions.forEach((transition, t) =>
    checkTransition(transition, ["escalation", "transitions", t], ctx),
  );
  checkReachableStages(policy, ctx);
}
