/**
 * What every section checker shares: where problems go (the reporter, which
 * keeps the first problems in full and only counts the rest), the policy's
 * keys by collection (collected once, so a section can check a reference into
 * another), and the small reference checks every section words the same way.
 */
import { fieldOf } from "../../json.ts";
import type { IndicatorDefinition, MeasureDefinition, RegisterDefinition } from "../../schema/data.ts";
import type { Participant, PolicyDocument } from "../../schema/policy.ts";
import { describePointer, toPointer, type Problem } from "../problem.ts";

export type Path = (string | number)[];

export type Report = (path: Path, message: string, code: string, severity?: Problem["severity"]) => void;

/** The keys of each keyed collection another section may refer to. */
export interface PolicyKeys {
  areas: Set<string>;
  categories: Set<string>;
  visitTypes: Set<string>;
  meetingTypes: Set<string>;
  letterTypes: Set<string>;
  stages: Set<string>;
  forms: Set<string>;
  roles: Set<string>;
  /** Roles whose audience is the LA. */
  laRoles: Set<string>;
  /** Every term key of every calendar year. */
  terms: Set<string>;
  indicators: Set<string>;
  registers: Set<string>;
  measures: Set<string>;
}

/** The policy's own data, by key (the first of each key), for the rules that read it. */
export interface PolicyData {
  indicators: Map<string, IndicatorDefinition>;
  registers: Map<string, RegisterDefinition>;
  measures: Map<string, MeasureDefinition>;
}

export interface SemanticsContext {
  report: Report;
  keys: PolicyKeys;
  data: PolicyData;
}

/** One section's checks: reports its problems through `ctx.report`. */
export type SectionChecker = (policy: PolicyDocument, ctx: SemanticsContext) => void;

export interface SemanticsResult {
  problems: Problem[];
  dropped: number;
  droppedErrors: number;
}

/** A reporter keeping the first `keep` problems and counting the rest. */
export function createReporter(
  policy: PolicyDocument,
  keep: number,
): { report: Report; result: () => SemanticsResult } {
  const problems: Problem[] = [];
  let dropped = 0;
  let droppedErrors = 0;
  const report: Report = (path, message, code, severity = "error") => {
    if (problems.length >= keep) {
      dropped++;
      if (severity === "error") droppedErrors++;
      return;
    }
    const pointer = toPointer(path);
    problems.push({ pointer, where: describePointer(policy, pointer), message, severity, code });
  };
  return { report, result: () => ({ problems, dropped, droppedErrors }) };
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** 1 -> first, 12 -> 12th, 22 -> 22nd. */
function ordinal(place: number): string {
  const word = ORDINALS[place - 1];
  if (word) return word;
  const teens = place % 100 >= 11 && place % 100 <= 13;
  const suffix = teens ? "th" : (["th", "st", "nd", "rd"][place % 10] ?? "th");
  return `${place}${suffix}`;
}

/**
 * An item of a list named in a sentence: by its label (or title) where it has
 * one, `category "Low support"`, else by its place in words, `the second
 * category`. Never by a bare number: a pointer counts from 0 and a reader
 * from 1, so "category 1" beside `/categories/1` would name the wrong one.
 */
export function nameOf(item: unknown, noun: string, index: number): string {
  const name = fieldOf(item, "label") ?? fieldOf(item, "title");
  if (typeof name === "string" && name.length <= 80) return `${noun} "${name}"`;
  return `the ${ordinal(index + 1)} ${noun}`;
}

/** The keys of a collection, reporting each key used twice. */
export function keysOf<T extends { key: string }>(
  report: Report,
  items: readonly T[],
  path: Path,
  noun: string,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item.key);
    if (first !== undefined) {
      report(
        [...path, index, "key"],
        `The key "${item.key}" is already used by ${nameOf(items[first], noun, first)}: each ${noun} needs its own key.`,
        "key.duplicate",
      );
    } else {
      seen.set(item.key, index);
    }
  });
  return new Set(seen.keys());
}

/** Reports a reference to a key the collection does not have. */
export function mustExist(
  ctx: SemanticsContext,
  set: Set<string>,
  key: string | undefined,
  path: Path,
  noun: string,
  section: string,
): void {
  if (key === undefined || set.has(key)) return;
  const known = [...set];
  ctx.report(
    path,
    `There is no ${noun} "${key}". ${known.length > 0 ? `Use one of: ${known.join(", ")}.` : `Add it under ${section} first.`}`,
    "reference.unknown",
  );
}

/** Reports a role that does not exist or is a school role where only an LA role may act. */
export function mustBeLaRole(ctx: SemanticsContext, key: string, path: Path): void {
  mustExist(ctx, ctx.keys.roles, key, path, "role", "Roles");
  if (ctx.keys.roles.has(key) && !ctx.keys.laRoles.has(key))
    ctx.report(path, `"${key}" is a school role: only an LA role can do this.`, "reference.audience");
}

/** A participant names a role of the policy, or someone outside it by label. */
export function checkParticipant(ctx: SemanticsContext, participant: Participant, path: Path): void {
  if (participant.role === undefined && participant.label === undefined) {
    ctx.report(path, "Give a role, or a label for someone outside Steward's roles.", "participant.empty");
  }
  mustExist(ctx, ctx.keys.roles, participant.role, [...path, "role"], "role", "Roles");
}
