import { randomUUID } from "node:crypto";

import {
  findNotificationRecipients,
  getUserNames,
  insertNotificationMessages,
  type NewNotificationMessage,
  type TenantTransaction,
} from "@steward/db";
import { planNotifications, type CaseEvent, type CaseState } from "@steward/domain";
import { NOTIFICATION_MERGE_FIELDS, renderTemplate, type PolicyDocument } from "@steward/policy-config";

/** The merge fields of the recipient, the only ones that differ between two messages of one rule and event. */
function render(source: string, context: object): string {
  return renderTemplate(source, context, { fields: NOTIFICATION_MERGE_FIELDS }, "text");
}

/**
 * Writes the messages the policy's notification rules make of a case's new events, in the caller's transaction
 * (the one appending the events: nothing is sent for a command that rolls back, nothing is lost for one that
 * commits). One message per rule, event (and follow-up) and active recipient of this tenant; a message already
 * made (the same dedupe key) is not made again. A recipient who chose the daily digest, or a rule that says
 * `digest`, holds the message for the day's digest. Returns how many messages were written.
 */
export async function enqueueCaseNotifications(
  trx: TenantTransaction,
  tenantId: string,
  input: {
    policy: PolicyDocument;
    caseId: string;
    state: CaseState;
    events: readonly CaseEvent[];
    /** The sequence number of the first event. */
    firstSeq: number;
    now: Date;
  },
): Promise<number> {
  if (!input.policy.notifications?.length) return 0;
  const ids = [input.state.assignedOfficerId, ...input.events.map((e) => e.actorId)].filter(
    (id): id is string => id !== undefined && id !== "system",
  );
  const names = await getUserNames(trx, ids);
  const nameOf = (id: string | undefined) => (id === "system" ? "Steward" : ((id && names.get(id)) ?? ""));
  const planned = planNotifications(input.policy, input.state, input.events, nameOf);
  const messages: NewNotificationMessage[] = [];
  for (const plan of planned) {
    const recipients = await findNotificationRecipients(trx, {
      laRoles: plan.laRoles,
      schoolRoles: plan.schoolRoles,
      schoolUrn: input.state.school.urn,
      userIds: plan.userIds,
    });
    const seq = input.firstSeq + plan.eventIndex;
    for (const user of recipients) {
      const context = { ...plan.context, recipient: { name: user.display_name } };
      const digest = plan.rule.delivery === "digest" || user.notification_delivery === "digest";
      messages.push({
        id: randomUUID(),
        recipientId: user.id,
        recipientEmail: user.email,
        subject: render(plan.rule.subject, context).replace(/\s+/g, " ").trim(),
        body: render(plan.rule.body, context),
        ruleKey: plan.rule.key,
        caseId: input.caseId,
        eventSeq: seq,
        dedupeKey: [plan.rule.key, input.caseId, seq, plan.part, user.id].join("/"),
        delivery: digest ? "digest" : "immediate",
        status: digest ? "held" : "queued",
        createdAt: input.now,
        nextAttemptAt: input.now,
      });
    }
  }
  return insertNotificationMessages(trx, tenantId, messages);
}

/**
 * Queues a message to one user outside the policy's rules (an invitation), in the caller's transaction, keyed
 * by `dedupeKey` so it is made once.
 */
export async function enqueueDirectMessage(
  trx: TenantTransaction,
  tenantId: string,
  message: { recipientId: string; recipientEmail: string; subject: string; body: string; dedupeKey: string; now: Date },
): Promise<number> {
  return insertNotificationMessages(trx, tenantId, [
    {
      id: randomUUID(),
      recipientId: message.recipientId,
      recipientEmail: message.recipientEmail,
      subject: message.subject,
      body: message.body,
      ruleKey: null,
      caseId: null,
      eventSeq: null,
      dedupeKey: message.dedupeKey,
      delivery: "immediate",
      status: "queued",
      createdAt: message.now,
      nextAttemptAt: message.now,
    },
  ]);
}
