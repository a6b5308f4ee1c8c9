import type { Action, Subject } from "@steward/policy-config";

import type { CaseCommandType } from "./commands.ts";

/**
 * The permission each command needs: the action on the subject a policy's role
 * rules must allow (with the record's fields, such as `schoolUrn`, `status`,
 * `published` and `assignedOfficerId`, available to conditions). Policies are
 * written against this table; a test checks each tenant's roles cover it.
 */
export const COMMAND_PERMISSIONS: Record<CaseCommandType, { action: Action; subject: Subject }> = {
  "open-case": { action: "create", subject: "Case" },
  "change-school": { action: "update", subject: "Case" },
  "assign-officer": { action: "assign", subject: "Case" },
  "record-assessment": { action: "create", subject: "Assessment" },
  "decide-category": { action: "categorise", subject: "Case" },
  "moderate-category": { action: "moderate", subject: "Case" },
  "schedule-visit": { action: "schedule", subject: "Visit" },
  "reschedule-visit": { action: "schedule", subject: "Visit" },
  "cancel-visit": { action: "schedule", subject: "Visit" },
  "record-visit": { action: "record", subject: "Visit" },
  "publish-visit-report": { action: "publish", subject: "VisitReport" },
  "record-meeting": { action: "record", subject: "Meeting" },
  "draft-letter": { action: "draft", subject: "Letter" },
  "approve-letter": { action: "approve", subject: "Letter" },
  "issue-letter": { action: "issue", subject: "Letter" },
  "acknowledge-letter": { action: "acknowledge", subject: "Letter" },
  "complete-letter-actions": { action: "update", subject: "Letter" },
  "close-letter": { action: "withdraw", subject: "Letter" },
  "record-letter-response": { action: "submit", subject: "FormResponse" },
  "change-stage": { action: "escalate", subject: "Case" },
  "add-priority": { action: "create", subject: "Action" },
  "add-action": { action: "create", subject: "Action" },
  "update-action": { action: "update", subject: "Action" },
  "log-register-entry": { action: "create", subject: "RegisterEntry" },
  "close-register-entry": { action: "close", subject: "RegisterEntry" },
  "change-policy-version": { action: "update", subject: "Case" },
  "complete-task": { action: "update", subject: "Case" },
  "dismiss-task": { action: "update", subject: "Case" },
  "close-case": { action: "update", subject: "Case" },
};
