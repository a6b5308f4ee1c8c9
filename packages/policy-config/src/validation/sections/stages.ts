/**
 * Escalation: the initial stage exists, stage orders are distinct, transitions
 * lead between real stages (never to themselves) with LA roles and a rule when
 * not manual, and every stage can be reached by a transition or a letter.
 */
import type { PolicyDocument, Transition } from "../../schema/policy.ts";
import { mustBeLaRole, mustExist, nameOf, type Path, type SemanticsContext } from "./context.ts";
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
  policy.escalation.transitions.forEach((transition, t) =>
    checkTransition(transition, ["escalation", "transitions", t], ctx),
  );
  checkReachableStages(policy, ctx);
}
