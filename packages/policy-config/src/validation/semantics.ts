import { subject as asSubject, createMongoAbility } from "@casl/ability";
import jsonLogic from "json-logic-js";

import { checkFormSchema, createAjv } from "../ajv.ts";
import { SIZE_LIMITS } from "../schema/common.ts";
import type { Participant, PolicyDocument } from "../schema/policy.ts";
import { checkTemplate as checkTemplateSource } from "../templates/liquid.ts";
import { FACTS, JSON_LOGIC_OPERATORS, USER_PLACEHOLDERS } from "../vocabulary.ts";
import { checkPermissions } from "./permissions.ts";
import { describePointer, toPointer, type Problem } from "./problem.ts";

type Path = (string | number)[];

/** The facts' dotted patterns, split once: `letters.{letterType}.inForce` has a slot for a letter type's key. */
const FACT_PATTERNS = Object.keys(FACTS).map((pattern) =>
  pattern.split(".").map((text) => ({ text, slot: /^\{(\w+)\}$/.exec(text)?.[1] })),
);

/** Operators whose arguments are evaluated per item: inside them, `var` reads the item, not the facts. */
const ITEM_SCOPED = new Set(["filter", "map", "reduce", "all", "none", "some"]);

/** The MongoDB query operators CASL's conditions support. */
const CASL_OPERATORS = new Set([
  "$eq",
  "$ne",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$in",
  "$nin",
  "$all",
  "$size",
  "$regex",
  "$options",
  "$elemMatch",
  "$exists",
]);

function findOperators(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(findOperators);
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(key.startsWith("$") ? [key] : []),
    ...findOperators(value),
  ]);
}

/** One validator for the policies' own forms, reused across calls. */
const formsAjv = createAjv();

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
export function collectSemantics(
  policy: PolicyDocument,
  keep: number,
): { problems: Problem[]; dropped: number; droppedErrors: number } {
  const problems: Problem[] = [];
  let dropped = 0;
  let droppedErrors = 0;
  const report = (path: Path, message: string, code: string, severity: Problem["severity"] = "error") => {
    if (problems.length >= keep) {
      dropped++;
      if (severity === "error") droppedErrors++;
      return;
    }
    const pointer = toPointer(path);
    problems.push({ pointer, where: describePointer(policy, pointer), message, severity, code });
  };

  // ---- keys are unique within their collection
  const keysOf = <T extends { key: string }>(items: readonly T[], path: Path, noun: string): Set<string> => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.key);
      if (first !== undefined) {
        report(
          [...path, index, "key"],
          `The key "${item.key}" is already used by ${noun} ${first + 1}: each ${noun} needs its own key.`,
          "key.duplicate",
        );
      } else {
        seen.set(item.key, index);
      }
    });
    return new Set(seen.keys());
  };

  const areas = keysOf(policy.areas, ["areas"], "judgement area");
  const categories = keysOf(policy.categories, ["categories"], "category");
  const visitTypes = keysOf(policy.visitTypes, ["visitTypes"], "visit type");
  const meetingTypes = keysOf(policy.meetingTypes, ["meetingTypes"], "meeting type");
  const letterTypes = keysOf(policy.letterTypes, ["letterTypes"], "letter type");
  const stages = keysOf(policy.escalation.stages, ["escalation", "stages"], "stage");
  const forms = keysOf(policy.forms, ["forms"], "form");
  const roles = keysOf(policy.roles, ["roles"], "role");
  keysOf(policy.triggers, ["triggers"], "trigger");
  keysOf(policy.escalation.transitions, ["escalation", "transitions"], "transition");
  if (policy.offers) keysOf(policy.offers, ["offers"], "offer");
  if (policy.strategy.priorities) keysOf(policy.strategy.priorities, ["strategy", "priorities"], "priority");
  const laRoles = new Set(policy.roles.filter((r) => r.audience === "la").map((r) => r.key));
  const formAudience = new Map(policy.forms.map((f) => [f.key, f] as const));

  const mustExist = (set: Set<string>, key: string | undefined, path: Path, noun: string, section: string) => {
    if (key !== undefined && !set.has(key)) {
      const known = [...set];
      report(
        path,
        `There is no ${noun} "${key}". ${known.length > 0 ? `Use one of: ${known.join(", ")}.` : `Add it under ${section} first.`}`,
        "reference.unknown",
      );
    }
  };
  const mustBeLaRole = (key: string, path: Path) => {
    mustExist(roles, key, path, "role", "Roles");
    if (roles.has(key) && !laRoles.has(key))
      report(path, `"${key}" is a school role: only an LA role can do this.`, "reference.audience");
  };
  const checkParticipant = (participant: Participant, path: Path) => {
    if (participant.role === undefined && participant.label === undefined) {
      report(path, "Give a role, or a label for someone outside Steward's roles.", "participant.empty");
    }
    mustExist(roles, participant.role, [...path, "role"], "role", "Roles");
  };

  // ---- strategy and calendar
  if (policy.strategy.effectiveTo && policy.strategy.effectiveTo < policy.strategy.effectiveFrom) {
    report(
      ["strategy", "effectiveTo"],
      `The strategy ends (${policy.strategy.effectiveTo}) before it starts (${policy.strategy.effectiveFrom}).`,
      "date.order",
    );
  }
  const termKeys = new Set<string>();
  const yearKeys = new Set<string>();
  policy.calendar.years.forEach((year, y) => {
    if (yearKeys.has(year.key))
      report(["calendar", "years", y, "key"], `The year ${year.key} appears twice.`, "key.duplicate");
    yearKeys.add(year.key);
    const firstYear = Number(year.key.slice(0, 4));
    if (Number(year.key.slice(5)) !== (firstYear + 1) % 100) {
      report(
        ["calendar", "years", y, "key"],
        `"${year.key}" is not a school year: write it as ${firstYear}-${String((firstYear + 1) % 100).padStart(2, "0")}.`,
        "calendar.year",
      );
    }
    const seenTerms = new Set<string>();
    let previousEnd = "";
    year.terms.forEach((term, t) => {
      const path: Path = ["calendar", "years", y, "terms", t];
      termKeys.add(term.key);
      if (seenTerms.has(term.key))
        report([...path, "key"], `The term "${term.key}" appears twice in ${year.key}.`, "key.duplicate");
      seenTerms.add(term.key);
      if (term.end < term.start)
        report([...path, "end"], `${term.label} ends (${term.end}) before it starts (${term.start}).`, "date.order");
      if (previousEnd && term.start <= previousEnd) {
        report(
          [...path, "start"],
          `${term.label} starts (${term.start}) before the previous term ends (${previousEnd}).`,
          "date.order",
        );
      }
      previousEnd = term.end;
      let previousHalfEnd = "";
      term.halfTerms.forEach((half, h) => {
        const hp: Path = [...path, "halfTerms", h];
        if (half.end < half.start) report([...hp, "end"], `${half.label} ends before it starts.`, "date.order");
        if (half.start < term.start || half.end > term.end) {
          report(
            hp,
            `${half.label} (${half.start} to ${half.end}) lies outside ${term.label} (${term.start} to ${term.end}).`,
            "date.range",
          );
        }
        if (previousHalfEnd && half.start <= previousHalfEnd)
          report([...hp, "start"], `${half.label} overlaps the half term before it.`, "date.order");
        previousHalfEnd = half.end;
      });
    });
    year.holidays.forEach((holiday, h) => {
      if (holiday.end < holiday.start)
        report(["calendar", "years", y, "holidays", h, "end"], `${holiday.label} ends before it starts.`, "date.order");
    });
  });

  // ---- frequencies: every N units, or N times a unit
  const checkFrequency = (frequency: { every?: number; times?: number }, path: Path) => {
    if ((frequency.every === undefined) === (frequency.times === undefined)) {
      report(
        path,
        'Give either "every" (every 4 weeks) or "times" (4 times a year), not both or neither.',
        "frequency.shape",
      );
    }
  };
  const forEachFrequency = (node: unknown, path: Path) => {
    if (Array.isArray(node)) node.forEach((child, i) => forEachFrequency(child, [...path, i]));
    else if (node && typeof node === "object") {
      for (const [field, child] of Object.entries(node)) {
        if (field === "schema" || field === "uiSchema") continue; // a form's own fields
        if ((field === "frequency" || field === "reviewFrequency") && child && typeof child === "object")
          checkFrequency(child, [...path, field]);
        else forEachFrequency(child, [...path, field]);
      }
    }
  };
  forEachFrequency(policy, []);

  // ---- categories, criteria, assessment
  const severities = new Map<number, number>();
  policy.categories.forEach((category, c) => {
    const path: Path = ["categories", c];
    const clash = severities.get(category.severity);
    if (clash !== undefined) {
      report(
        [...path, "severity"],
        `Severity ${category.severity} is also category ${clash + 1}'s: categories are ordered by severity, so each needs its own.`,
        "category.severity",
      );
    }
    severities.set(category.severity, c);
    if (category.cadence.length === 0) {
      report(
        [...path, "cadence"],
        `${category.label} has no visits: give it at least one visit cadence.`,
        "category.cadence",
      );
    }
    category.cadence.forEach((cadence, i) =>
      mustExist(visitTypes, cadence.visitType, [...path, "cadence", i, "visitType"], "visit type", "Visit types"),
    );
    category.requiredMeetings.forEach((m, i) =>
      mustExist(
        meetingTypes,
        m.meetingType,
        [...path, "requiredMeetings", i, "meetingType"],
        "meeting type",
        "Meeting types",
      ),
    );
  });
  const pairs = new Map<string, number>();
  policy.criteria.forEach((set, s) => {
    const path: Path = ["criteria", s];
    mustExist(areas, set.area, [...path, "area"], "judgement area", "Judgement areas");
    mustExist(categories, set.category, [...path, "category"], "category", "Categories");
    const pair = `${set.area}|${set.category}`;
    const first = pairs.get(pair);
    if (first !== undefined)
      report(
        path,
        `Criteria for ${set.area} in ${set.category} are already given in criteria ${first + 1}: merge them.`,
        "criteria.duplicate",
      );
    pairs.set(pair, s);
    keysOf(set.descriptors, [...path, "descriptors"], "descriptor");
  });
  // A category is reachable when a judgement can arrive at it: descriptors to
  // match, or a trigger that suggests it.
  const suggested = new Set(policy.triggers.map((t) => t.suggests.category).filter(Boolean));
  policy.categories.forEach((category, c) => {
    const hasCriteria = policy.criteria.some((set) => set.category === category.key);
    if (!hasCriteria && !suggested.has(category.key)) {
      report(
        ["categories", c],
        `Nothing leads to ${category.label}: give it criteria descriptors or a trigger that suggests it.`,
        "category.unreachable",
      );
    }
  });
  if (policy.assessment.method === "best-fit") {
    for (const area of policy.areas) {
      for (const category of policy.categories) {
        if (!pairs.has(`${area.key}|${category.key}`)) {
          report(
            ["criteria"],
            `A best-fit judgement has no descriptors for ${area.label} in ${category.label}.`,
            "criteria.missing",
            "warning",
          );
        }
      }
    }
  }
  policy.assessment.moderation.categories?.forEach((key, i) =>
    mustExist(categories, key, ["assessment", "moderation", "categories", i], "category", "Categories"),
  );
  policy.assessment.moderation.roles?.forEach((key, i) => mustBeLaRole(key, ["assessment", "moderation", "roles", i]));
  if (policy.assessment.moderation.required && !policy.assessment.moderation.roles?.length) {
    report(
      ["assessment", "moderation", "roles"],
      "Moderation is required: say which roles may moderate.",
      "moderation.roles",
    );
  }

  // ---- rules
  const checkRule = (rule: unknown, path: Path) => {
    const size = JSON.stringify(rule).length;
    if (size > SIZE_LIMITS.jsonCharacters) {
      report(
        path,
        `This rule is ${size.toLocaleString("en-GB")} characters long: a rule may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
        "rule.size",
      );
      return;
    }
    walkRule(rule, path, false);
  };
  const walkRule = (node: unknown, path: Path, itemScope: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => walkRule(child, [...path, i], itemScope));
      return;
    }
    if (node === null || typeof node !== "object") return;
    const entries = Object.entries(node);
    if (entries.length !== 1) {
      report(path, "A rule has exactly one operator.", "rule.shape");
      return;
    }
    const [operator, args] = entries[0]!;
    if (!JSON_LOGIC_OPERATORS.has(operator)) {
      report(path, `"${operator}" is not a JsonLogic operator (see jsonlogic.com/operations).`, "rule.operator");
      return;
    }
    if (operator === "var" && !itemScope) {
      const name = Array.isArray(args) ? args[0] : args;
      if (typeof name === "string" && name !== "" && !isKnownFact(name)) {
        report(
          [...path, "var"],
          `The rule reads "${name}", which is not a fact Steward knows. ${suggestFact(name)}`,
          "rule.fact",
        );
      }
      return;
    }
    if (ITEM_SCOPED.has(operator) && Array.isArray(args)) {
      walkRule(args[0], [...path, operator, 0], itemScope);
      args.slice(1).forEach((child, i) => walkRule(child, [...path, operator, i + 1], true));
      return;
    }
    walkRule(args, [...path, operator], itemScope);
  };
  const dynamic: Record<string, Set<string>> = {
    letterType: letterTypes,
    meetingType: meetingTypes,
    visitType: visitTypes,
  };
  const isKnownFact = (name: string): boolean => {
    if (FACTS[name]) return true;
    const segments = name.split(".");
    return FACT_PATTERNS.some(
      (parts) =>
        parts.length === segments.length &&
        parts.every((part, i) =>
          part.slot ? (dynamic[part.slot]?.has(segments[i]!) ?? false) : part.text === segments[i],
        ),
    );
  };
  const suggestFact = (name: string): string => {
    const head = name.split(".")[0];
    const near = Object.keys(FACTS).filter((f) => f.startsWith(`${head}.`));
    return near.length > 0
      ? `Facts under "${head}": ${near.join(", ")}.`
      : "See the list of facts in the policy guide.";
  };
  const isLogic = (rule: unknown) => jsonLogic.is_logic(rule as never);

  policy.triggers.forEach((trigger, t) => {
    const path: Path = ["triggers", t];
    if (!isLogic(trigger.when)) report([...path, "when"], "This is not a JsonLogic rule.", "rule.shape");
    checkRule(trigger.when, [...path, "when"]);
    const { category, letterType, stage, action } = trigger.suggests;
    if (!category && !letterType && !stage && !action) {
      report(
        [...path, "suggests"],
        "A trigger must suggest something: a category, a letter type, a stage or an action.",
        "trigger.empty",
      );
    }
    mustExist(categories, category, [...path, "suggests", "category"], "category", "Categories");
    mustExist(letterTypes, letterType, [...path, "suggests", "letterType"], "letter type", "Letters and notices");
    mustExist(stages, stage, [...path, "suggests", "stage"], "stage", "Escalation › Stages");
  });

  // ---- visits and meetings
  policy.visitTypes.forEach((visit, v) => {
    const path: Path = ["visitTypes", v];
    visit.attendees.forEach((p, i) => checkParticipant(p, [...path, "attendees", i]));
    visit.ledBy.forEach((role, i) => mustBeLaRole(role, [...path, "ledBy", i]));
    const agendaTerms = new Set<string>();
    visit.agendas.forEach((agenda, a) => {
      if (agenda.term !== "any" && !termKeys.has(agenda.term)) {
        report(
          [...path, "agendas", a, "term"],
          `There is no term "${agenda.term}" in the calendar. Use one of: ${[...termKeys].join(", ")}, or any.`,
          "reference.unknown",
        );
      }
      if (agendaTerms.has(agenda.term))
        report([...path, "agendas", a, "term"], `There is already an agenda for ${agenda.term}.`, "agenda.duplicate");
      agendaTerms.add(agenda.term);
      keysOf(agenda.items, [...path, "agendas", a, "items"], "agenda item");
    });
    for (const [field, purpose] of [
      ["reportForm", "visit-report"],
      ["preVisitForm", "pre-visit-return"],
    ] as const) {
      const key = visit[field];
      mustExist(forms, key, [...path, field], "form", "Forms");
      const form = key ? formAudience.get(key) : undefined;
      if (form && form.purpose !== purpose) {
        report(
          [...path, field],
          `The form "${key}" is a ${form.purpose} form, not a ${purpose} form.`,
          "form.purpose",
          "warning",
        );
      }
    }
  });
  policy.meetingTypes.forEach((meeting, m) => {
    const path: Path = ["meetingTypes", m];
    if (meeting.chair) checkParticipant(meeting.chair, [...path, "chair"]);
    meeting.attendees.forEach((p, i) => checkParticipant(p, [...path, "attendees", i]));
    meeting.sharing.forEach((share, s) =>
      share.with.forEach((p, i) => checkParticipant(p, [...path, "sharing", s, "with", i])),
    );
    mustExist(forms, meeting.minutesForm, [...path, "minutesForm"], "form", "Forms");
    keysOf(meeting.progressJudgements, [...path, "progressJudgements"], "progress judgement");
  });

  // ---- letters
  policy.letterTypes.forEach((letter, l) => {
    const path: Path = ["letterTypes", l];
    keysOf(letter.indicators, [...path, "indicators"], "indicator");
    if (letter.minimumIndicators > letter.indicators.length) {
      report(
        [...path, "minimumIndicators"],
        `It needs ${letter.minimumIndicators} indicators but lists only ${letter.indicators.length}.`,
        "letter.indicators",
      );
    }
    letter.recipients.forEach((r, i) => {
      if (r.role === undefined && r.label === undefined)
        report([...path, "recipients", i], "Give a role or a label.", "participant.empty");
      mustExist(roles, r.role, [...path, "recipients", i, "role"], "role", "Roles");
    });
    if (!letter.recipients.some((r) => !r.copy))
      report([...path, "recipients"], "At least one recipient must be an addressee (not a copy).", "letter.addressee");
    (["draft", "approve", "issue"] as const).forEach((action) =>
      letter.permissions[action].forEach((role, i) => mustBeLaRole(role, [...path, "permissions", action, i])),
    );
    if (letter.approvalRequired && letter.permissions.approve.length === 0) {
      report(
        [...path, "permissions", "approve"],
        "Approval is required: say which roles may approve.",
        "letter.approvers",
      );
    }
    mustExist(stages, letter.effect?.stage, [...path, "effect", "stage"], "stage", "Escalation › Stages");
    mustExist(categories, letter.effect?.category, [...path, "effect", "category"], "category", "Categories");
    letter.effect?.notify?.forEach((p, i) => checkParticipant(p, [...path, "effect", "notify", i]));
    for (const part of ["subject", "body"] as const) checkTemplate(letter.template[part], [...path, "template", part]);
  });

  // The same Liquid set-up the renderer uses (src/templates/liquid.ts): no files, no raw, known merge fields.
  function checkTemplate(source: string, path: Path) {
    for (const { message, code } of checkTemplateSource(source)) report(path, message, code);
  }

  // ---- escalation
  mustExist(stages, policy.escalation.initialStage, ["escalation", "initialStage"], "stage", "Escalation › Stages");
  const orders = new Map<number, number>();
  policy.escalation.stages.forEach((stage, s) => {
    const clash = orders.get(stage.order);
    if (clash !== undefined)
      report(
        ["escalation", "stages", s, "order"],
        `Order ${stage.order} is also stage ${clash + 1}'s: each stage needs its own.`,
        "stage.order",
      );
    orders.set(stage.order, s);
  });
  policy.escalation.transitions.forEach((transition, t) => {
    const path: Path = ["escalation", "transitions", t];
    transition.from.forEach((from, i) => {
      if (from !== "*") mustExist(stages, from, [...path, "from", i], "stage", "Escalation › Stages");
      if (from === transition.to)
        report([...path, "from", i], "A transition cannot lead from a stage to itself.", "transition.loop");
    });
    mustExist(stages, transition.to, [...path, "to"], "stage", "Escalation › Stages");
    transition.roles?.forEach((role, i) => mustBeLaRole(role, [...path, "roles", i]));
    if (transition.mode !== "manual" && !transition.when) {
      report(
        [...path, "when"],
        `${transition.mode === "automatic" ? "An automatic" : "A suggested"} transition needs a rule saying when it applies.`,
        "transition.rule",
      );
    }
    if (transition.when) {
      if (!isLogic(transition.when)) report([...path, "when"], "This is not a JsonLogic rule.", "rule.shape");
      checkRule(transition.when, [...path, "when"]);
    }
  });
  const reachable = new Set([policy.escalation.initialStage]);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of policy.escalation.transitions) {
      if (!reachable.has(t.to) && t.from.some((f) => f === "*" || reachable.has(f))) {
        reachable.add(t.to);
        grew = true;
      }
    }
  }
  const setByLetters = new Set(policy.letterTypes.map((l) => l.effect?.stage).filter((s): s is string => Boolean(s)));
  policy.escalation.stages.forEach((stage, s) => {
    if (!reachable.has(stage.key) && !setByLetters.has(stage.key)) {
      report(
        ["escalation", "stages", s],
        `No transition or letter leads to ${stage.label}: a case can never reach it.`,
        "stage.unreachable",
        "warning",
      );
    }
  });

  // ---- forms
  policy.forms.forEach((form, f) => {
    for (const part of ["schema", "uiSchema"] as const) {
      const size = JSON.stringify(form[part] ?? {}).length;
      if (size > SIZE_LIMITS.jsonCharacters) {
        report(
          ["forms", f, part],
          `The form's ${part} is ${size.toLocaleString("en-GB")} characters long: it may be at most ${SIZE_LIMITS.jsonCharacters.toLocaleString("en-GB")}.`,
          "form.size",
        );
        return;
      }
    }
    // Compiled once per policy version and reused (getFormValidator): no $id, every $ref inside the schema.
    for (const problem of checkFormSchema(form.schema))
      report(["forms", f, "schema", ...problem.path], problem.message, problem.code);
    if (!formsAjv.validateSchema(form.schema)) {
      const [first] = formsAjv.errors ?? [];
      const at = first?.instancePath ? ` at ${first.instancePath}` : "";
      report(
        ["forms", f, "schema"],
        `The form's JSON Schema is not valid${at}: it ${first?.message ?? "does not follow JSON Schema"}.`,
        "form.schema",
      );
    }
    if (form.uiSchema) checkUiSchema(form.uiSchema, form.schema, ["forms", f, "uiSchema"]);
    if ((form.schema as { type?: unknown }).type !== "object") {
      report(
        ["forms", f, "schema", "type"],
        'A form\'s schema must be an object schema ("type": "object").',
        "form.schema",
      );
    }
  });

  function checkUiSchema(ui: Record<string, unknown>, schema: Record<string, unknown>, path: Path) {
    const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, value] of Object.entries(ui)) {
      if (name.startsWith("ui:")) continue;
      if (name === "items" && schema.type === "array" && schema.items && typeof value === "object" && value) {
        checkUiSchema(value as Record<string, unknown>, schema.items as Record<string, unknown>, [...path, name]);
        continue;
      }
      const field = properties[name];
      if (!field) {
        const known = Object.keys(properties);
        report(
          [...path, name],
          `The uiSchema names "${name}", which is not a field of the form.${known.length ? ` Fields: ${known.join(", ")}.` : ""}`,
          "form.uiSchema",
        );
        continue;
      }
      if (value && typeof value === "object") checkUiSchema(value as Record<string, unknown>, field, [...path, name]);
    }
    const order = ui["ui:order"];
    if (Array.isArray(order)) {
      order.forEach((name, i) => {
        if (name !== "*" && !(String(name) in properties))
          report(
            [...path, "ui:order", i],
            `"${String(name)}" in ui:order is not a field of the form.`,
            "form.uiSchema",
          );
      });
    }
  }

  // ---- roles
  const placeholder = /\$\{([^}]*)\}/g;
  policy.roles.forEach((role, r) => {
    role.rules.forEach((rule, i) => {
      const path: Path = ["roles", r, "rules", i];
      const conditions = JSON.stringify(rule.conditions ?? {});
      for (const match of conditions.matchAll(placeholder)) {
        if (!(USER_PLACEHOLDERS as readonly string[]).includes(match[1]!)) {
          report(
            [...path, "conditions"],
            `\${${match[1]}} is not a placeholder Steward fills. Use one of: ${USER_PLACEHOLDERS.map((p) => `\${${p}}`).join(", ")}.`,
            "role.placeholder",
          );
        }
      }
      // CASL reads an operator it does not know as a plain value and quietly
      // never matches: name every operator it supports, and refuse the rest.
      const unknownOperators = findOperators(rule.conditions ?? {}).filter((op) => !CASL_OPERATORS.has(op));
      if (unknownOperators.length > 0) {
        report(
          [...path, "conditions"],
          `The rule's conditions use ${unknownOperators.join(", ")}, which permissions do not support. Use ${[...CASL_OPERATORS].join(", ")}.`,
          "role.conditions",
        );
      } else {
        try {
          const actions = ([] as string[]).concat(rule.action);
          const subjects = ([] as string[]).concat(rule.subject);
          const ability = createMongoAbility([rule as never]);
          for (const name of subjects) if (name !== "all") ability.can(actions[0]!, asSubject(name, {}));
        } catch (error) {
          report(
            [...path, "conditions"],
            `The rule's conditions cannot be read: ${(error as Error).message}.`,
            "role.conditions",
          );
        }
      }
      if (role.audience === "school" && !rule.inverted && !conditions.includes("${user.schoolUrn}")) {
        report(
          path,
          "A school role's rule should be limited to the user's own school with a condition on ${user.schoolUrn}.",
          "role.unscoped",
          "warning",
        );
      }
    });
  });

  checkPermissions(policy, (path, message, code) => report(path, message, code));

  // ---- offers
  policy.offers?.forEach((offer, o) => {
    [...offer.visits, ...(offer.fallbackVisits ?? [])].forEach((cadence, i) => {
      const inFallback = i >= offer.visits.length;
      const index = inFallback ? i - offer.visits.length : i;
      mustExist(
        visitTypes,
        cadence.visitType,
        ["offers", o, inFallback ? "fallbackVisits" : "visits", index, "visitType"],
        "visit type",
        "Visit types",
      );
    });
  });

  return { problems, dropped, droppedErrors };
}
