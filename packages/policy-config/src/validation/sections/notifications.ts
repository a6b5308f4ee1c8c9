/**
 * Notifications: keys unique, each rule's narrowing fields allowed for its event and naming real stages, letter
 * types, visit types, categories and follow-ups, each recipient a role of the policy or one of the case's people
 * (not both, not neither), and the subject and body templates parsed with the letters' one Liquid set-up, merging
 * only the notification merge fields.
 */
import type { PolicyDocument } from "../../schema/policy.ts";
import { checkTemplate } from "../../templates/liquid.ts";
import { NOTIFICATION_EVENTS, NOTIFICATION_MERGE_FIELDS } from "../../vocabulary.ts";
import { keysOf, mustExist, type Path, type SemanticsContext } from "./context.ts";

const FILTERS = ["stage", "letterType", "visitType", "category", "followUp"] as const;

export function checkNotifications(policy: PolicyDocument, ctx: SemanticsContext): void {
  const rules = policy.notifications;
  if (!rules) return;
  keysOf(ctx.report, rules, ["notifications"], "notification");
  const followUps = new Set(policy.escalation.stages.flatMap((s) => (s.followUps ?? []).map((f) => f.key)));
  rules.forEach((rule, i) => {
    const path: Path = ["notifications", i];
    const allowed: readonly string[] = NOTIFICATION_EVENTS[rule.event].filters;
    for (const filter of FILTERS) {
      if (rule[filter] !== undefined && !allowed.includes(filter))
        ctx.report(
          [...path, filter],
          `A "${rule.event}" notification cannot be narrowed by ${filter}.${allowed.length ? ` It may use: ${allowed.join(", ")}.` : " Remove it."}`,
          "notification.filter",
        );
    }
    mustExist(ctx, ctx.keys.stages, rule.stage, [...path, "stage"], "stage", "Escalation › Stages");
    mustExist(ctx, ctx.keys.letterTypes, rule.letterType, [...path, "letterType"], "letter type", "Letter types");
    mustExist(ctx, ctx.keys.visitTypes, rule.visitType, [...path, "visitType"], "visit type", "Visit types");
    mustExist(ctx, ctx.keys.categories, rule.category, [...path, "category"], "category", "Categories");
    mustExist(ctx, followUps, rule.followUp, [...path, "followUp"], "follow-up", "a stage's follow-ups");
    rule.recipients.forEach((r, j) => {
      const at: Path = [...path, "recipients", j];
      if ((r.role === undefined) === (r.person === undefined))
        ctx.report(at, "Give either a role or one of the case's people (person), not both.", "notification.recipient");
      mustExist(ctx, ctx.keys.roles, r.role, [...at, "role"], "role", "Roles");
    });
    for (const part of ["subject", "body"] as const) {
      for (const { message, code } of checkTemplate(rule[part], { fields: NOTIFICATION_MERGE_FIELDS }))
        ctx.report([...path, part], message, code);
    }
  });
}
