/**
 * Moving a case to another policy version, decided under the new version: its
 * category and stage must exist there.
 */
import { caseSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import { authorise, fail, onOpenCase, type CommandOf, type Deciders, type OpenCase } from "./shared.ts";

function changePolicyVersion(
  command: CommandOf<"change-policy-version">,
  { context, policy, facts }: OpenCase,
): CaseEventData[] {
  authorise(context, command.type, caseSubject(facts));
  if (command.category !== undefined && !policy.categories.some((c) => c.key === command.category))
    fail("invalid", `There is no category "${command.category}" in the new policy version.`, "/category");
  if (!policy.escalation.stages.some((s) => s.key === command.stage))
    fail("invalid", `There is no stage "${command.stage}" in the new policy version.`, "/stage");
  return [
    {
      type: "policy-version-changed",
      policyVersionId: command.policyVersionId,
      category: command.category,
      stage: command.stage,
    },
  ];
}

export const policyMoveDeciders: Pick<Deciders, "change-policy-version"> = {
  "change-policy-version": onOpenCase(changePolicyVersion),
};
