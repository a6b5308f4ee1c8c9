/**
 * Steward's semantic rules over a document that already has the right shape,
 * one checker per section of the policy (sections/*.ts). The order of the
 * checkers is the order problems are listed in, so it follows the document.
 */
import type { PolicyDocument } from "../schema/policy.ts";
import type { Problem } from "./problem.ts";
import { checkAssessment } from "./sections/assessment.ts";
import { checkCalendar, checkStrategy } from "./sections/calendar.ts";
import { checkCategories, checkCriteria } from "./sections/categories.ts";
import { createReporter, type SectionChecker, type SemanticsResult } from "./sections/context.ts";
import { checkForms } from "./sections/forms.ts";
import { checkFrequencies } from "./sections/frequencies.ts";
import { checkIndicators } from "./sections/indicators.ts";
import { collectData, collectKeys } from "./sections/keys.ts";
import { checkLetterTypes } from "./sections/letters.ts";
import { checkMeasures } from "./sections/measures.ts";
import { checkNotifications } from "./sections/notifications.ts";
import { checkOffers } from "./sections/offers.ts";
import { checkPermissions } from "./sections/permissions.ts";
import { checkRegisters } from "./sections/registers.ts";
import { checkRoles } from "./sections/roles.ts";
import { checkTriggers } from "./sections/rules.ts";
import { checkEscalation } from "./sections/stages.ts";
import { checkMeetingTypes, checkVisitTypes } from "./sections/visits.ts";

/** Every section's checker, in the order their problems are listed. */
const SECTION_CHECKERS: readonly SectionChecker[] = [
  checkStrategy,
  checkCalendar,
  checkFrequencies,
  checkAssessment,
  checkCategories,
  checkCriteria,
  checkTriggers,
  checkVisitTypes,
  checkMeetingTypes,
  checkLetterTypes,
  checkEscalation,
  checkForms,
  checkRoles,
  checkPermissions,
  checkOffers,
  checkIndicators,
  checkRegisters,
  checkMeasures,
  checkNotifications,
];

/**
 * Steward's semantic rules over a document that already has the right shape.
 * Returns every problem found.
 */
export function checkSemantics(policy: PolicyDocument): Problem[] {
  return collectSemantics(policy, Infinity).problems;
}

/**
 * `checkSemantics`, keeping only the first `keep` problems in full and
 * counting the rest (`dropped`, of which `droppedErrors` are errors), so a
 * policy with tens of thousands of problems costs little to check.
 */
export function collectSemantics(policy: PolicyDocument, keep: number): SemanticsResult {
  const { report, result } = createReporter(policy, keep);
  // Keys first: every other section refers to them.
  const ctx = { report, keys: collectKeys(policy, report), data: collectData(policy) };
  for (const check of SECTION_CHECKERS) check(policy, ctx);
  return result();
}
