// The policy's triggers that hold for the case today, read from the school's data, its indicators and the
// policy's measures: what the data says, with what each suggests. Only LA staff who may read the case's
// assessments see them (a trigger may read an indicator schools may not see; its label alone could tell).
import { assessmentSubject, getTriggersOnTheDay } from "@steward/domain";

import { label, type ViewContext } from "./context.ts";
import type { CaseView } from "./schema.ts";

export function presentTriggers(view: ViewContext): CaseView["triggers"] {
  const { state, policy, options, facts, la, canRead, mayReadCategory } = view;
  if (!la || !canRead(assessmentSubject(facts))) return [];
  const triggers = getTriggersOnTheDay(state, policy, options.today, options.schoolData, options.indicatorReadings);
  return triggers.map((trigger) => {
    const { category, letterType, stage, action } = trigger.suggests;
    return {
      key: trigger.key,
      label: trigger.label,
      suggests: [
        ...(category && mayReadCategory(category) ? [`Category: ${label(policy.categories, category).label}`] : []),
        ...(letterType ? [`Letter: ${label(policy.letterTypes, letterType).label}`] : []),
        ...(stage ? [`Stage: ${label(policy.escalation.stages, stage).label}`] : []),
        ...(action ? [action] : []),
      ],
    };
  });
}
