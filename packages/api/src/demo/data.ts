// The authority's data in the demo, put in through the services the app uses: the saved mapping for the DfE's
// school-level attendance files and last year's figures imported through it (a run the import page lists and can
// undo), officers' judgements that make some of the policy's own triggers hold, and entries in the policy's
// registers logged on cases (one received days before it was logged). Nothing here names an indicator, trigger or
// register: they come from the policy and the manifest (demo/demo.json).
import { findSchool, type User } from "@steward/db";
import { addDays, canOnEvery } from "@steward/domain";
import type { IndicatorDefinition, PolicyDocument } from "@steward/policy-config";

import { mayRecordValue, recordValue } from "../services/indicators/entry.ts";
import { applyImport, saveNamedMapping } from "../services/indicators/import.ts";
import type { DemoCase } from "./casework.ts";
import type { DemoData } from "./manifest.ts";
import type { DemoSchool } from "./tenant.ts";
import type { DemoWorld } from "./world.ts";

/** A number in [0, 1) from a text: the same school gets the same figures on every run. */
function spread(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

/** The lowest overall attendance, its spread, and persistent absence per point of absence, by phase (typical English figures). */
const PHASE_FIGURES: Record<string, [number, number, number]> = {
  primary: [93.4, 3.4, 2.6],
  secondary: [89.2, 4.4, 2.9],
};

const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Last year's figures for every school, in the layout of the DfE's school-level attendance files (explore
 * education statistics), with the LA's own row that the mapping's filters leave out. Made-up figures.
 */
function createAttendanceFile(
  policy: PolicyDocument,
  schools: readonly DemoSchool[],
  year: DemoData["lastYear"],
): string {
  const header =
    "time_period,time_identifier,geographic_level,old_la_code,la_name,school_laestab,school_urn,school_name,education_phase,breakdown,sess_overall_percent,enrolments_pa_10_exact_percent";
  const area = [year.timePeriod, year.timeIdentifier];
  const la = [policy.authority.laCode, csvCell(policy.authority.shortName ?? policy.authority.name)];
  const lines = [header, [...area, "Local authority", ...la, "", "", "", "Total", "Total", "93.5", "16.9"].join(",")];
  for (const school of schools) {
    const [lowest, range, perPoint] = PHASE_FIGURES[school.phase ?? ""] ?? [86, 6, 2.4];
    const overall = Math.min(97.6, lowest + range * spread(String(school.urn)) + 1.2);
    const persistent = (100 - overall) * perPoint + 2 * spread(`${school.urn}pa`);
    const phase = school.phase ? school.phase[0]?.toUpperCase() + school.phase.slice(1) : "Other";
    lines.push(
      [...area, "School", ...la, school.laestab ?? "", String(school.urn), csvCell(school.name), phase, "Total"]
        .concat([overall.toFixed(1), persistent.toFixed(1)])
        .join(","),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The first user whose roles may import data about every school (the import page's own check). */
function findImporter(w: DemoWorld): User | undefined {
  return [w.lead, ...w.users].find((u) => canOnEvery(w.actorFor(u).ability, "import", "School"));
}

/** Saves the mapping and imports last year's figures through it, a week after the new year starts. */
async function importLastYear(w: DemoWorld, data: DemoData, schools: readonly DemoSchool[]): Promise<void> {
  const user = findImporter(w);
  if (!user) return;
  w.at(w.schoolDayFrom(addDays(w.yearStart, 7)), 9);
  const importer = w.actorFor(user);
  const { name, ...mapping } = data.mapping;
  await saveNamedMapping(importer, w.policy, name, mapping);
  const file = { name: data.lastYear.file, content: createAttendanceFile(w.policy, schools, data.lastYear) };
  await applyImport(
    importer,
    w.policy,
    { ...file, encoding: "text" },
    {
      ...mapping,
      asAt: { date: data.lastYear.asAt },
      name,
    },
  );
}

/** `{"===": [{"var": "indicators.<key>"}, value]}` (or `==`): the indicator and the value a simple trigger waits for. */
function readSimpleCondition(when: unknown): { key: string; value: boolean | string } | undefined {
  if (typeof when !== "object" || when === null || Array.isArray(when)) return undefined;
  const [operator, args] = Object.entries(when)[0] ?? [];
  if ((operator !== "===" && operator !== "==") || !Array.isArray(args)) return undefined;
  const operands: unknown[] = args;
  const [left, right] = operands;
  const read = typeof left === "object" && left !== null && "var" in left ? left.var : undefined;
  if (typeof read !== "string" || !read.startsWith("indicators.")) return undefined;
  if (typeof right !== "boolean" && typeof right !== "string") return undefined;
  return { key: read.slice("indicators.".length), value: right };
}

/**
 * Judgements officers enter that make a few of the policy's category triggers hold: triggers that wait for one
 * value of an officer-entered indicator which no escalation rule reads (so no case moves on its own).
 */
function findJudgements(policy: PolicyDocument): { indicator: IndicatorDefinition; value: boolean | string }[] {
  const escalation = JSON.stringify(policy.escalation);
  const found = new Map<string, { indicator: IndicatorDefinition; value: boolean | string }>();
  for (const trigger of policy.triggers) {
    const condition = readSimpleCondition(trigger.when);
    if (!condition || !trigger.suggests.category || trigger.suggests.stage) continue;
    const indicator = policy.indicators?.find((d) => d.key === condition.key);
    if (!indicator?.from.some((f) => f.kind === "entry") || escalation.includes(`indicators.${indicator.key}"`))
      continue;
    if (!found.has(indicator.key)) found.set(indicator.key, { indicator, value: condition.value });
  }
  return [...found.values()].slice(0, 3);
}

/** Officers' judgements on two cases each (never the showcase school's, whose journeys the README follows). */
async function enterJudgements(w: DemoWorld, cases: readonly DemoCase[]): Promise<void> {
  const others = cases.filter((c) => !c.isShowcase);
  const asAt = w.calendar.getPreviousSchoolDay(addDays(w.today, -20)) ?? addDays(w.today, -20);
  w.at(asAt, 16);
  for (const [n, { indicator, value }] of findJudgements(w.policy).entries()) {
    for (const c of [others[3 + n * 5], others[11 + n * 7]]) {
      const school = c && (await findSchool(w.trx, c.school.urn));
      if (!c || !school) continue;
      const user = [c.officer, ...w.users].find((u) => mayRecordValue(w.actorFor(u), indicator, school));
      if (!user) continue;
      await recordValue(w.actorFor(user), w.policy, school, {
        indicator: indicator.key,
        value,
        asAt,
        note: `Judged at the ${w.policy.visitTypes[0]?.label ?? "visit"} and discussed with the headteacher.`,
      });
    }
  }
}

/** The manifest's register entries, logged on their cases by someone the register lets log (the case's officer first). */
async function logRegisterEntries(w: DemoWorld, data: DemoData, cases: readonly DemoCase[]): Promise<void> {
  const opened = addDays(w.yearStart, 7);
  for (const entry of data.registerEntries) {
    const register = w.policy.registers?.find((r) => r.key === entry.register);
    const demoCase = entry.school === "showcase" ? cases.find((c) => c.isShowcase) : cases[entry.school];
    if (!register || !demoCase) continue;
    const loggers = w.holders(register.access.log);
    const user = loggers.find((u) => u.id === demoCase.officer.id) ?? loggers[0];
    if (!user) continue;
    const day = w.schoolDayFrom([addDays(w.today, -entry.loggedDaysAgo), opened].sort().at(-1) ?? opened);
    const loggedOn = day > w.today ? w.today : day;
    w.at(loggedOn, 12);
    await w.run(user, demoCase.caseId, {
      type: "log-register-entry",
      register: register.key,
      occurredOn: [addDays(w.today, -entry.occurredDaysAgo), loggedOn].sort()[0] ?? loggedOn,
      fields: entry.fields,
    });
  }
}

/** The authority's data: last year's import, officers' judgements and register entries (see the top of this file). */
export async function seedDemoData(
  w: DemoWorld,
  schools: readonly DemoSchool[],
  cases: readonly DemoCase[],
): Promise<void> {
  const data = w.entry.data;
  if (!data) return;
  await importLastYear(w, data, schools);
  await enterJudgements(w, cases);
  await logRegisterEntries(w, data, cases);
}
