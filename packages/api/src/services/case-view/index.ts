// A case as one user may see it: every part checked against their ability (records by their conditions,
// fields by the rules' field lists) and the policy's own limits (a category the policy keeps from school
// staff). One presenter per part; this module only assembles them.
import type { TenantTransaction } from "@steward/db";
import type { CaseState, PolicyAbility } from "@steward/domain";
import type { PolicyDocument } from "@steward/policy-config";

import { presentActionPlan } from "./actions.ts";
import { presentCan } from "./can.ts";
import { buildViewContext, type PresentOptions } from "./context.ts";
import { presentTimeline } from "./describe-event.ts";
import { presentLetters } from "./letters.ts";
import { presentMeetings } from "./meetings.ts";
import { presentRegisters } from "./registers.ts";
import type { CaseView } from "./schema.ts";
import { presentStage } from "./stage.ts";
import { presentCategory, presentSummary } from "./summary.ts";
import { presentTasks } from "./tasks.ts";
import { presentTriggers } from "./triggers.ts";
import { loadReadableReports, presentNoVisits, presentVisitPlan, presentVisits } from "./visits.ts";

export { caseViewSchema, type CaseView } from "./schema.ts";

export async function presentCase(
  trx: TenantTransaction,
  state: CaseState,
  policy: PolicyDocument,
  ability: PolicyAbility,
  options: PresentOptions,
): Promise<CaseView> {
  const view = await buildViewContext(trx, state, policy, ability, options);
  return {
    ...presentSummary(view),
    ...presentCategory(view),
    ...presentStage(view),
    visits: presentVisits(view, await loadReadableReports(trx, view)),
    visitPlan: presentVisitPlan(view),
    noVisits: presentNoVisits(view),
    meetings: presentMeetings(view),
    letters: presentLetters(view),
    ...presentActionPlan(view),
    registers: presentRegisters(view),
    tasks: presentTasks(view),
    triggers: presentTriggers(view),
    timeline: presentTimeline(view),
    can: presentCan(view),
  };
}
