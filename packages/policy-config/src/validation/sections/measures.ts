/**
 * The policy's measures: what they count exists, a sum or latest names the
 * record's field it reads (a sum a number), a streak has the rule its records
 * meet in a row (and only a streak has one), their rules read only the
 * record's fields, and a since-event window starts from an event Steward
 * records, filtered by that event's fields.
 */
import type { MeasureDefinition, MeasureOf } from "../../schema/data.ts";
import type { PolicyDocument } from "../../schema/policy.ts";
import { WINDOW_EVENTS, type WindowEvent } from "../../vocabulary.ts";
import { mustExist, type Path, type SemanticsContext } from "./context.ts";
import { eventScope, recordFields, recordScope } from "./rule-scope.ts";
import { checkRule } from "./rules.ts";

function checkOf(of: MeasureOf, path: Path, ctx: SemanticsContext): void {
  const { keys } = ctx;
  const at: Path = [...path, "of"];
  switch (of.kind) {
    case "register":
      return mustExist(ctx, keys.registers, of.register, [...at, "register"], "register", "Registers");
    case "meetings":
      return mustExist(ctx, keys.meetingTypes, of.meetingType, [...at, "meetingType"], "meeting type", "Meetings");
    case "visits":
      return mustExist(ctx, keys.visitTypes, of.visitType, [...at, "visitType"], "visit type", "Visits");
    case "letters":
      return mustExist(
        ctx,
        keys.letterTypes,
        of.letterType,
        [...at, "letterType"],
        "letter type",
        "Letters and notices",
      );
    case "indicator":
      return mustExist(ctx, keys.indicators, of.indicator, [...at, "indicator"], "indicator", "Indicators");
  }
}

function checkField(measure: MeasureDefinition, path: Path, ctx: SemanticsContext): void {
  const reads = measure.aggregate === "sum" || measure.aggregate === "latest";
  if (!reads) {
    if (measure.field !== undefined)
      ctx.report(
        [...path, "field"],
        `A ${measure.aggregate} does not read a field: only a sum or a latest does. Remove it.`,
        "measure.field",
        "warning",
      );
    return;
  }
  if (measure.field === undefined) {
    ctx.report(path, `A ${measure.aggregate} reads a field of the records: say which.`, "measure.field");
    return;
  }
  const fields = recordFields(measure.of, ctx.data);
  const info = fields.get(measure.field);
  if (!info) {
    ctx.report(
      [...path, "field"],
      `"${measure.field}" is not a field of the records this measure counts. Fields: ${[...fields.keys()].join(", ")}.`,
      "measure.field",
    );
    return;
  }
  if (measure.aggregate === "sum" && info.type !== "number")
    ctx.report([...path, "field"], `A sum adds up numbers, and "${measure.field}" is not a number.`, "measure.field");
}

function checkRules(measure: MeasureDefinition, path: Path, ctx: SemanticsContext): void {
  const scope = recordScope(measure.of, ctx.data);
  if (measure.where) checkRule(measure.where, [...path, "where"], ctx, scope);
  if (measure.aggregate === "streak" && !measure.streakWhile)
    ctx.report(
      path,
      "A streak needs the rule each of the latest records in a row meets (streak while).",
      "measure.streak",
    );
  if (measure.aggregate !== "streak" && measure.streakWhile)
    ctx.report(
      [...path, "streakWhile"],
      `Only a streak has a "streak while" rule: this measure is a ${measure.aggregate}.`,
      "measure.streak",
    );
  if (measure.streakWhile) checkRule(measure.streakWhile, [...path, "streakWhile"], ctx, scope);
}

function isWindowEvent(event: string): event is WindowEvent {
  return Object.hasOwn(WINDOW_EVENTS, event);
}

function checkWindow(measure: MeasureDefinition, path: Path, ctx: SemanticsContext): void {
  const { window } = measure;
  if (window.kind !== "since-event") return;
  const at: Path = [...path, "window"];
  if (!isWindowEvent(window.event)) {
    ctx.report(
      [...at, "event"],
      `"${window.event}" is not an event a window may start from. Events: ${Object.keys(WINDOW_EVENTS).join(", ")}.`,
      "measure.event",
    );
    return;
  }
  if (window.where) checkRule(window.where, [...at, "where"], ctx, eventScope(window.event));
}

export function checkMeasures(policy: PolicyDocument, ctx: SemanticsContext): void {
  (policy.measures ?? []).forEach((measure, m) => {
    const path: Path = ["measures", m];
    checkOf(measure.of, path, ctx);
    checkField(measure, path, ctx);
    checkRules(measure, path, ctx);
    checkWindow(measure, path, ctx);
  });
}
