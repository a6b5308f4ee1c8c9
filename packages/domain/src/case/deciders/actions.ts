/**
 * The school's improvement plan: its priorities, the actions under each, and
 * progress on them.
 */
import { actionSubject } from "../../permissions/subjects.ts";
import type { CaseEventData } from "../events.ts";
import {
  authorise,
  fail,
  onOpenCase,
  optional,
  required,
  type CommandOf,
  type Deciders,
  type OpenCase,
} from "./shared.ts";

function addPriority(command: CommandOf<"add-priority">, { context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, actionSubject(facts));
  return [
    {
      type: "priority-added",
      priority: {
        id: context.newId(),
        title: required(command.title, "the priority", "/title"),
        targets: command.targets,
      },
    },
  ];
}

function addAction(command: CommandOf<"add-action">, { state, context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, actionSubject(facts));
  if (!state.priorities.some((p) => p.id === command.priorityId))
    fail("not-found", "There is no such priority on this case.", "/priorityId");
  return [
    {
      type: "action-added",
      action: {
        id: context.newId(),
        priority: command.priorityId,
        text: required(command.text, "the action", "/text"),
        owner: required(command.owner, "who owns the action", "/owner"),
        due: command.due,
      },
    },
  ];
}

function updateAction(command: CommandOf<"update-action">, { state, context, facts }: OpenCase): CaseEventData[] {
  authorise(context, command.type, actionSubject(facts));
  if (!state.actions.some((a) => a.id === command.actionId))
    fail("not-found", "There is no such action on this case.", "/actionId");
  if (!command.status && !command.note?.trim()) fail("invalid", "Give a new status or a progress note.", "/note");
  return [{ type: "action-updated", actionId: command.actionId, status: command.status, note: optional(command.note) }];
}

export const actionDeciders: Pick<Deciders, "add-priority" | "add-action" | "update-action"> = {
  "add-priority": onOpenCase(addPriority),
  "add-action": onOpenCase(addAction),
  "update-action": onOpenCase(updateAction),
};
