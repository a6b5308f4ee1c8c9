/**
 * The case itself: opening it for a school, following the school through a
 * change of identity, giving it an officer, closing it.
 */
import { caseSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import type { CaseState } from "../state.ts";
import {
  authorise,
  fail,
  onOpenCase,
  required,
  type CommandOf,
  type DecideContext,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

function openCase(
  command: CommandOf<"open-case">,
  state: CaseState | undefined,
  context: DecideContext,
): CaseEventData[] {
  if (state) fail("conflict", "This case is already open.");
  authorise(
    context,
    command.type,
    caseSubject({
      schoolUrn: command.school.urn,
      school: context.schoolAttributes,
      assignedOfficerId: null,
      category: null,
      stage: null,
      status: null,
    }),
  );
  return [
    {
      type: "case-opened",
      caseId: context.newId(),
      school: command.school,
      stage: context.policy.escalation.initialStage,
    },
  ];
}

function changeSchool(command: CommandOf<"change-school">, { state, context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, caseSubject(facts));
  const reason = required(
    command.reason,
    "the reason the school changed (for example its conversion to an academy)",
    "/reason",
  );
  if (command.school.urn === state.school.urn)
    fail("invalid", "The school keeps the same URN: nothing to change.", "/school/urn");
  return [{ type: "school-changed", school: command.school, previousUrn: state.school.urn, reason }];
}

function assignOfficer(command: CommandOf<"assign-officer">, { context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, caseSubject(facts));
  return [{ type: "officer-assigned", officerId: command.officerId }];
}

function closeCase(command: CommandOf<"close-case">, { context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, caseSubject(facts));
  return [{ type: "case-closed", reason: required(command.reason, "a reason for closing the case", "/reason") }];
}

export const caseDeciders: Pick<Deciders, "open-case" | "change-school" | "assign-officer" | "close-case"> = {
  "open-case": openCase,
  "change-school": onOpenCase(changeSchool),
  "assign-officer": onOpenCase(assignOfficer),
  "close-case": onOpenCase(closeCase),
};
