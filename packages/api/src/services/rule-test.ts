// A policy rule tried on one school today, condition by condition, over the same facts the case engine reads
// (getCaseFacts): what a policy administrator needs to see whether a trigger or transition says what they mean.
import { findOpenCaseForSchool, findSchool } from "@steward/db";
import {
  assessmentSubject,
  DomainError,
  evaluateRule,
  getCaseFacts,
  setFact,
  toIsoDate,
  usesOnlyAllowedOperators,
  type Facts,
} from "@steward/domain";
import { listRuleFacts, ruleInWords, type PolicyDocument, type RuleFact } from "@steward/policy-config";

import { notFound } from "../errors.ts";
import type { TenantContext } from "../trpc.ts";
import { caseFactsOfRow, mayReadCase, schoolAttributesOf, schoolRecordOf } from "./access.ts";
import { getSchoolFacts, loadCase, loadSchoolContext } from "./cases.ts";

/** One condition of the rule on the school: its words, the fact's value there, and whether it holds. */
interface ConditionResult {
  words: string;
  fact: string | null;
  /** The fact's value at the school as JSON, or null when not shown (see `shown`). */
  value: string | null;
  shown: boolean;
  /** null when it reads a fact not shown. */
  holds: boolean | null;
}

interface RuleTestResult {
  school: { urn: number; name: string };
  /** null when it reads facts not shown to the user (`note` says why). */
  holds: boolean | null;
  conditions: ConditionResult[];
  /** What the test could not read, in a sentence, or null. */
  note: string | null;
}

const COMPARISONS = new Set(["==", "===", "!=", "!==", "<", "<=", ">", ">=", "in", "!!"]);
/** The facts a school's own record gives, which anyone who may read the school may see. */
const SCHOOL_HEADS = new Set(["school", "ofsted"]);

function onlyEntry(node: unknown): [string, unknown] | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const entries = Object.entries(node);
  return entries.length === 1 ? entries[0] : undefined;
}

function varsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(varsIn);
  const entry = onlyEntry(node);
  if (!entry) return [];
  const [operator, args] = entry;
  const name: unknown = Array.isArray(args) ? args[0] : args;
  return operator === "var" && typeof name === "string" ? [name] : varsIn(args);
}

/** The comparisons of a rule that read facts directly: its conditions, in the order they are written. */
function conditionsOf(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(conditionsOf);
  const entry = onlyEntry(node);
  if (!entry || entry[0] === "var") return [];
  const [operator, args] = entry;
  const list: unknown[] = Array.isArray(args) ? args : [args];
  const plain = list.every((arg) => onlyEntry(arg) === undefined || onlyEntry(arg)?.[0] === "var");
  if (COMPARISONS.has(operator) && plain && varsIn(list).length > 0) return [node];
  return conditionsOf(list);
}

function readFact(facts: Facts, name: string): unknown {
  let node: unknown = facts;
  for (const segment of name.split(".")) {
    node = node !== null && typeof node === "object" ? (Reflect.get(node, segment) as unknown) : undefined;
  }
  return node ?? null;
}

/** The facts of a school with no case the user may read: its own record only. */
function schoolOnlyFacts(school: NonNullable<Awaited<ReturnType<typeof findSchool>>>): Facts {
  const facts = structuredClone(getSchoolFacts(school));
  setFact(facts, "school.governance", school.governance);
  setFact(facts, "school.phase", school.phase ?? null);
  setFact(facts, "school.urn", school.urn);
  return facts;
}

/** The school's facts as the engine reads them, with why some are hidden when the user may not read its case. */
async function factsFor(ctx: TenantContext, policy: PolicyDocument, urn: number) {
  const school = await findSchool(ctx.trx, urn);
  if (!school || !ctx.ability.ability.can("read", schoolRecordOf(school))) throw notFound("That school");
  const open = await findOpenCaseForSchool(ctx.trx, urn);
  const caseFacts = open && caseFactsOfRow(open, schoolAttributesOf(school));
  if (
    !open ||
    !caseFacts ||
    !mayReadCase(ctx.ability, caseFacts) ||
    !ctx.ability.ability.can("read", assessmentSubject(caseFacts))
  ) {
    const hidden = open
      ? "Your roles do not let you read this school's case and assessment, so its case, letters, visits, indicators and measures are not shown."
      : "This school has no open case, so only its own record (school and Ofsted) is known.";
    return { school, facts: schoolOnlyFacts(school), hidden };
  }
  const { state } = await loadCase(ctx, open.id);
  const today = toIsoDate(ctx.now());
  const { schoolData, indicatorReadings } = await loadSchoolContext(ctx.trx, policy, urn, school);
  return { school, facts: getCaseFacts(state, policy, today, schoolData, indicatorReadings), hidden: null };
}

function conditionResult(condition: unknown, facts: Facts, labels: RuleFact[], shownAll: boolean): ConditionResult {
  const [fact] = varsIn(condition);
  const shown = shownAll || varsIn(condition).every((name) => SCHOOL_HEADS.has(name.split(".")[0] ?? ""));
  return {
    words: ruleInWords(condition, labels),
    fact: fact ?? null,
    value: shown && fact ? JSON.stringify(readFact(facts, fact)) : null,
    shown,
    holds: shown ? evaluateRule(condition, facts) : null,
  };
}

/** Tries `rule` on school `urn` today under `policy`, as the case engine would evaluate it. */
export async function testRuleOnSchool(
  ctx: TenantContext,
  policy: PolicyDocument,
  rule: unknown,
  urn: number,
): Promise<RuleTestResult> {
  if (!usesOnlyAllowedOperators(rule))
    throw new DomainError(
      "invalid",
      "This rule uses an operator rules may not use: fix it before testing it.",
      "/rule",
    );
  const { school, facts, hidden } = await factsFor(ctx, policy, urn);
  const labels = listRuleFacts(policy);
  const conditions = conditionsOf(rule).map((c) => conditionResult(c, facts, labels, hidden === null));
  const blind = conditions.some((c) => !c.shown);
  return {
    school: { urn: school.urn, name: school.name },
    holds: blind ? null : evaluateRule(rule, facts),
    conditions,
    note: blind ? hidden : null,
  };
}
