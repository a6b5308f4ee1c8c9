/**
 * Letter types: indicators, recipients (at least one addressee), the LA roles
 * that draft, approve and issue, the effect's stage and category, and the
 * templates (the same Liquid set-up the renderer uses: no files, no raw, known
 * merge fields).
 */
import type { LetterType, PolicyDocument } from "../../schema/policy.ts";
import { checkTemplate } from "../../templates/liquid.ts";
import { checkParticipant, keysOf, mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";

function checkRecipients(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  letter.recipients.forEach((r, i) => {
    if (r.role === undefined && r.label === undefined)
      ctx.report([...path, "recipients", i], "Give a role or a label.", "participant.empty");
    mustExist(ctx, ctx.keys.roles, r.role, [...path, "recipients", i, "role"], "role", "Roles");
  });
  if (!letter.recipients.some((r) => !r.copy))
    ctx.report(
      [...path, "recipients"],
      "At least one recipient must be an addressee (not a copy).",
      "letter.addressee",
    );
}

function checkLetterPermissions(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  (["draft", "approve", "issue"] as const).forEach((action) =>
    letter.permissions[action].forEach((role, i) => mustBeLaRole(ctx, role, [...path, "permissions", action, i])),
  );
  if (letter.approvalRequired && letter.permissions.approve.length === 0) {
    ctx.report(
      [...path, "permissions", "approve"],
      "Approval is required: say which roles may approve.",
      "letter.approvers",
    );
  }
}

function checkEffect(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  const { effect } = letter;
  mustExist(ctx, ctx.keys.stages, effect?.stage, [...path, "effect", "stage"], "stage", "Escalation › Stages");
  mustExist(ctx, ctx.keys.categories, effect?.category, [...path, "effect", "category"], "category", "Categories");
  effect?.notify?.forEach((p, i) => checkParticipant(ctx, p, [...path, "effect", "notify", i]));
}

export function checkLetterTypes(policy: PolicyDocument, ctx: SemanticsContext): void {
  policy.letterTypes.forEach((letter, l) => {
    const path: Path = ["letterTypes", l];
    keysOf(ctx.report, letter.indicators, [...path, "indicators"], "indicator");
    if (letter.minimumIndicators > letter.indicators.length) {
      ctx.report(
        [...path, "minimumIndicators"],
        `It needs ${letter.minimumIndicators} indicators but lists only ${letter.indicators.length}.`,
        "letter.indicators",
      );
    }
    checkRecipients(letter, path, ctx);
    checkLetterPermissions(letter, path, ctx);
    checkEffect(letter, path, ctx);
    for (const part of ["subject", "body"] as const) {
      for (const { message, code } of checkTemplate(letter.template[part]))
        ctx.report([...path, "template", part], message, code);
    }
  });
}
