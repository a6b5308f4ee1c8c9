/**
 * Letter types: indicators, recipients (at least one addressee; a rule on one
 * reads only the school's facts), the LA roles that draft, approve and issue,
 * the effect's stage and category, the parameters the drafting officer fills
 * in (a valid JSON Schema object), the deadline (a period, or from a
 * parameter), the response form (a school form, due by the deadline), and the
 * templates (the same Liquid set-up the renderer uses: no files, no raw, known
 * merge fields, `parameters.<field>` only for declared fields).
 */
import { fieldOf } from "../../json.ts";
import { letterParameterFields, letterParameterSchema } from "../../letter-parameters.ts";
import type { LetterType, PolicyDocument } from "../../schema/policy.ts";
import { checkTemplate } from "../../templates/liquid.ts";
import { checkParticipant, keysOf, mustBeLaRole, mustExist, type Path, type SemanticsContext } from "./context.ts";
import { checkPolicySchema, checkUiSchema } from "./forms.ts";
import { recipientScope } from "./rule-scope.ts";
import { checkRule } from "./rules.ts";

function checkRecipients(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  letter.recipients.forEach((r, i) => {
    if (r.role === undefined && r.label === undefined)
      ctx.report([...path, "recipients", i], "Give a role or a label.", "participant.empty");
    mustExist(ctx, ctx.keys.roles, r.role, [...path, "recipients", i, "role"], "role", "Roles");
    if (r.when !== undefined) checkRule(r.when, [...path, "recipients", i, "when"], ctx, recipientScope(ctx.data));
  });
  if (!letter.recipients.some((r) => !r.copy && r.when === undefined))
    ctx.report(
      [...path, "recipients"],
      "At least one recipient must be an addressee (not a copy) with no rule (`when`): every letter needs someone it is addressed to.",
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

/** The parameters are a JSON Schema object Steward can compile once, and their uiSchema names their fields. */
function checkParameters(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  const { parameters } = letter;
  if (!parameters) return;
  const at: Path = [...path, "parameters"];
  checkPolicySchema(parameters.schema, [...at, "schema"], ctx, { code: "letter.parameters", owner: "parameters'" });
  if (fieldOf(parameters.schema, "type") !== "object")
    ctx.report(
      [...at, "schema", "type"],
      'The parameters\' schema must be an object schema ("type": "object"), its fields under "properties".',
      "letter.parameters",
    );
  if (parameters.uiSchema) checkUiSchema(parameters.uiSchema, parameters.schema, [...at, "uiSchema"], ctx);
}

/** A deadline counted from a parameter: a declared whole-number field (with a unit) or a date field (without). */
function checkDeadlineParameter(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  const from = letter.deadline?.fromParameter;
  if (!from) return;
  const at: Path = [...path, "deadline", "fromParameter"];
  const field = letterParameterSchema(letter, from.field);
  if (!field) {
    const declared = letterParameterFields(letter);
    ctx.report(
      [...at, "field"],
      `The deadline comes from the parameter "${from.field}", which the letter type's parameters do not declare.${declared.length ? ` Fields: ${declared.join(", ")}.` : " Declare it under parameters first."}`,
      "letter.deadline.parameter",
    );
    return;
  }
  if (field.type === "integer") {
    if (from.unit === undefined)
      ctx.report(
        at,
        `"${from.field}" is a whole number: say what it counts in ("unit", for example working-days).`,
        "letter.deadline.unit",
      );
    if (typeof field.minimum !== "number" || typeof field.maximum !== "number")
      ctx.report(
        [...path, "parameters", "schema", "properties", from.field],
        `"${from.field}" sets the deadline: give it a minimum and a maximum, so an officer cannot set a deadline of 0 or 10,000.`,
        "letter.deadline.bounds",
        "warning",
      );
    return;
  }
  if (field.type === "string" && field.format === "date") {
    if (from.unit !== undefined)
      ctx.report(
        [...at, "unit"],
        `"${from.field}" is a date: it is the deadline itself, so leave "unit" out.`,
        "letter.deadline.unit",
      );
    return;
  }
  ctx.report(
    [...at, "field"],
    `"${from.field}" cannot set a deadline: it must be a whole number ("type": "integer") or a date ("type": "string", "format": "date").`,
    "letter.deadline.parameter",
  );
}

/** A deadline is a period after issue, or from a parameter: exactly one. */
function checkDeadline(letter: LetterType, path: Path, ctx: SemanticsContext): void {
  const { deadline } = letter;
  if (!deadline) return;
  const given = [deadline.within, deadline.fromParameter].filter((d) => d !== undefined).length;
  if (given !== 1)
    ctx.report(
      [...path, "deadline"],
      given === 0
        ? 'Say when the deadline is: "within" (a period after issue) or "fromParameter" (set by the drafting officer).'
        : 'Give the deadline once: "within" or "fromParameter", not both.',
      "letter.deadline",
    );
  checkDeadlineParameter(letter, path, ctx);
}

/** The response form is one of the policy's school forms, due by the letter's deadline. */
function checkResponseForm(policy: PolicyDocument, letter: LetterType, path: Path, ctx: SemanticsContext): void {
  const response = letter.responseForm;
  if (!response) return;
  const at: Path = [...path, "responseForm"];
  mustExist(ctx, ctx.keys.forms, response.form, [...at, "form"], "form", "Forms");
  const form = policy.forms.find((f) => f.key === response.form);
  if (form && form.audience !== "school")
    ctx.report(
      [...at, "form"],
      `"${response.form}" is a form for LA staff: the school answers a letter with a school form.`,
      "letter.responseForm.audience",
    );
  if (!letter.deadline)
    ctx.report(
      at,
      `The ${response.label} is due by the letter's deadline: give the letter type a deadline.`,
      "letter.responseForm.deadline",
    );
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
    checkParameters(letter, path, ctx);
    checkDeadline(letter, path, ctx);
    checkResponseForm(policy, letter, path, ctx);
    const scope = { parameters: letterParameterFields(letter) };
    for (const part of ["subject", "body"] as const) {
      for (const { message, code } of checkTemplate(letter.template[part], scope))
        ctx.report([...path, "template", part], message, code);
    }
  });
}
