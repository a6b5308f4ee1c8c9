// The action plan: priorities and actions, all or nothing on the Action subject.
import { actionSubject } from "@steward/domain";

import type { ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentActionPlan({ state, facts, canRead }: ViewContext): Pick<CaseView, "priorities" | "actions"> {
  const visible = canRead(actionSubject(facts));
  return { priorities: visible ? state.priorities : [], actions: visible ? state.actions : [] };
}
