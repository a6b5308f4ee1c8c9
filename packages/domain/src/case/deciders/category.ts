/**
 * Categorisation: recording an assessment (the policy's dimensions valued, the
 * category derived from them: rules/assessment.ts), deciding the category
 * (with a rationale when it differs from the suggestion) and moderating a
 * decision.
 */
import { assessmentSubject, caseSubject } from "../../permissions/subjects.ts";
import { assessPolicy } from "../../rules/assessment.ts";
import type { CaseEventData } from "../events.ts";
import { getCaseFacts } from "../facts.ts";
import { getCurrentReading } from "../indicators.ts";
import {
  authorise,
  fail,
  holdsOneOf,
  onOpenCase,
  optional,
  requireApplicable,
  required,
  today,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

/**
 * Every area is the policy's and judged by one of the assessment's criteria
 * dimensions, every ticked descriptor one of that area's criteria for the category.
 */
function checkSelections(command: CommandOf<"record-assessment">, { policy }: OpenCase): void {
  for (const [i, selection] of command.selections.entries()) {
    const area = policy.areas.find((a) => a.key === selection.area);
    if (!area)
      fail("invalid", `There is no judgement area "${selection.area}" in this policy.`, `/selections/${i}/area`);
    const judged = policy.assessment.dimensions.some(
      (d) => d.valuedBy.kind === "criteria" && d.valuedBy.area === area.key,
    );
    if (!judged)
      fail("invalid", `${area.label} is not judged against criteria in this assessment.`, `/selections/${i}/area`);
    for (const [j, { category, descriptor }] of selection.descriptors.entries()) {
      const set = policy.criteria.find((c) => c.area === selection.area && c.category === category);
      if (!set?.descriptors.some((d) => d.key === descriptor)) {
        fail(
          "invalid",
          `"${descriptor}" is not a ${category} descriptor in ${selection.area}.`,
          `/selections/${i}/descriptors/${j}`,
        );
      }
    }
  }
}

function recordAssessment(command: CommandOf<"record-assessment">, on: OpenCase): CaseEventData[] {
  const { state, context, policy } = on;
  authorise(context, command.type, assessmentSubject(on.facts));
  checkSelections(command, on);
  const day = today(context);
  const readings = context.indicatorReadings ?? [];
  const choices = command.choices ?? [];
  const outcome = assessPolicy(policy, {
    school: state.school,
    facts: getCaseFacts(state, policy, day, context.schoolData, readings),
    selections: command.selections,
    choices,
    roles: context.actor.grants.map((g) => g.role),
    asAt: (key) => {
      const indicator = policy.indicators?.find((i) => i.key === key);
      return indicator && getCurrentReading(indicator, readings, day)?.asAt;
    },
  });
  return [
    {
      type: "assessment-recorded",
      assessment: {
        id: context.newId(),
        selections: command.selections,
        choices,
        dimensions: outcome.dimensions,
        suggested: outcome.category,
        explanation: outcome.explanation,
      },
    },
  ];
}

/** The assessment a decision rests on: the one named, else the latest. */
function assessmentFor(command: CommandOf<"decide-category">, { state }: OpenCase) {
  if (!command.assessmentId) return state.assessments.at(-1);
  const assessment = state.assessments.find((a) => a.id === command.assessmentId);
  if (!assessment) fail("not-found", "There is no such assessment on this case.", "/assessmentId");
  return assessment;
}

function decideCategory(command: CommandOf<"decide-category">, on: OpenCase): CaseEventData[] {
  const { state, context, policy } = on;
  authorise(context, command.type, caseSubject(on.facts));
  const category = policy.categories.find((c) => c.key === command.category);
  if (!category) fail("invalid", `There is no category "${command.category}" in this policy.`, "/category");
  requireApplicable(category, category.label, state.school, "/category");
  if (state.category?.moderation === "pending")
    fail("conflict", "The last category decision is waiting for moderation: confirm or return it first.");
  const assessment = assessmentFor(command, on);
  const rationale = optional(command.rationale);
  if (assessment?.suggested !== undefined && assessment.suggested !== category.key && !rationale) {
    const suggested = policy.categories.find((c) => c.key === assessment.suggested)?.label;
    fail(
      "invalid",
      `The assessment suggests ${suggested}: say why you decided ${category.label} instead.`,
      "/rationale",
    );
  }
  const moderation = policy.assessment.moderation;
  return [
    {
      type: "category-decided",
      category: category.key,
      effectiveFrom: command.effectiveFrom,
      assessmentId: assessment?.id,
      rationale,
      moderationRequired:
        moderation.required && (!moderation.categories || moderation.categories.includes(category.key)),
    },
  ];
}

function moderateCategory(command: CommandOf<"moderate-category">, on: OpenCase): CaseEventData[] {
  const { state, context, policy } = on;
  authorise(context, command.type, caseSubject(on.facts));
  if (state.category?.moderation !== "pending")
    fail("conflict", "There is no category decision waiting for moderation.");
  const roles = policy.assessment.moderation.roles;
  if (roles && !holdsOneOf(context, roles)) fail("forbidden", "Your roles may not moderate category decisions.");
  if (state.category.decidedBy === context.actor.id)
    fail("forbidden", "A second officer moderates a decision: you made this one.");
  if (command.outcome === "returned") required(command.note, "a note saying why the decision is returned", "/note");
  return [{ type: "category-moderated", outcome: command.outcome, note: optional(command.note) }];
}

export const categoryDeciders: Pick<Deciders, "record-assessment" | "decide-category" | "moderate-category"> = {
  "record-assessment": onOpenCase(recordAssessment),
  "decide-category": onOpenCase(decideCategory),
  "moderate-category": onOpenCase(moderateCategory),
};
