/**
 * The case on a day, with no command: what changes only because time passed.
 * A rolling window fills or empties, a value goes stale, months in a stage
 * add up; the daily run (apps/server) calls these for every open case each
 * morning, so a rule that now holds acts without anyone writing to the case.
 */
import type { PolicyDocument, Trigger } from "@steward/policy-config";

import type { IsoDate } from "../calendar/dates.ts";
import { evaluateTriggers } from "../rules/assessment.ts";
import type { Facts } from "../rules/evaluate.ts";
import type { IndicatorReading } from "./data.ts";
import type { DecideContext } from "./deciders/shared.ts";
import type { CaseEvent } from "./events.ts";
import { getCaseFacts } from "./facts.ts";
import type { CaseState } from "./state.ts";
import { withFollowUps } from "./tasks.ts";
import { followFrom } from "./transitions.ts";

/**
 * The `stage-changed` events of the policy's automatic transitions that hold
 * for the case on the context's day (`now`), followed in turn as after a
 * command, never back into the stage it is in: none for a closed case or when
 * nothing holds; each stage entered starts its follow-ups' tasks
 * (`tasks-started`). The events carry the context's actor (the daily run's)
 * and instant; append them as a command's events are appended.
 */
export function decideOnTheDay(state: CaseState, context: DecideContext): CaseEvent[] {
  if (state.status === "closed") return [];
  return withFollowUps(followFrom(state, new Set([state.stage]), context), context);
}

/**
 * The policy's triggers that hold for the case's school on a day, over the
 * case's facts (built in, indicators and measures): what to tell the officer
 * about, each morning or when the case is viewed.
 */
export function getTriggersOnTheDay(
  state: CaseState,
  policy: PolicyDocument,
  today: IsoDate,
  schoolData: Facts = {},
  readings: readonly IndicatorReading[] = [],
): Trigger[] {
  return evaluateTriggers(policy, state.school, getCaseFacts(state, policy, today, schoolData, readings));
}
